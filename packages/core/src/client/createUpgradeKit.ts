import { normalizeConfig } from '../config/normalize.js';
import { assertConfig } from '../config/parseConfig.js';
import type { ConfigInput } from '../config/schema.js';
import { parseCustomer, type CustomerInput } from '../entitlements/customer.js';
import { createBrowserPlatform } from '../platform/browser.js';
import { signalWindows } from '../signals/windows.js';
import { createSafeStorage } from '../storage.js';
import { createWarn } from '../utils/log.js';
import { createCheckCache } from './checkCache.js';
import { freshState, type ClientContext } from './context.js';
import { customerMethods } from './customerMethods.js';
import { createEmitter } from './events.js';
import type { KitCore } from './kitCore.js';
import { createPersistStorage, persistOptions } from './persistence.js';
import { createKitStore } from './store.js';
import { createTabLink } from './tabs.js';
import { trialClockOf } from './trialClock.js';
import { trackingMethods } from './tracking.js';
import { trialMethods } from './trials.js';
import type { UpgradeKit, UpgradeKitOptions } from './types.js';
import { tabHandlers } from './usage.js';

/** A requested amount that is a number (non-finite ones count as one unit, as in `check`); anything else means none. */
const finiteOrUndefined = (value: unknown) => (typeof value === 'number' ? value : undefined);

/**
 * Creates the headless client: checks, usage, signals, trials, attribution and
 * events over an injected platform, with the prompt engine as an optional part.
 * Each concept lives in a module of its own (see `client/`); this wires them.
 */
export function createUpgradeKit<const C extends ConfigInput>(options: UpgradeKitOptions<C>): UpgradeKit<C> {
  const validateConfig = options.validateConfig ?? (process.env.NODE_ENV !== 'production' ? assertConfig : normalizeConfig);
  const config = validateConfig(options.config);
  const platform = options.platform ?? createBrowserPlatform();
  const warn = createWarn(options.onWarning);
  const storage = createSafeStorage(platform.storage, warn);
  const load = (input: CustomerInput) => {
    const { customer, warnings } = parseCustomer(input, config, platform.now());
    warnings.forEach(warn);
    return customer;
  };
  const first = load(options.customer);
  const persistence = createPersistStorage(storage, warn);
  const store = createKitStore(freshState(first), persistOptions(first.id, persistence.persistStorage));
  const customer = () => store.getState().customer;
  const sinks = [...(options.sinks ?? []), ...(options.onEvent ? [{ send: options.onEvent }] : [])];
  const listeners = new Set<(keys: readonly string[]) => void>();
  const ctx: ClientContext = {
    config,
    platform,
    warn,
    store,
    persistence,
    windows: signalWindows(config),
    checks: createCheckCache(config),
    trials: new Map(),
    prompts: null,
    tabs: createTabLink(platform, warn),
    customer,
    load,
    emit: createEmitter({ config: () => config, customer, platform, sinks, warn }),
    changed: (...keys) => listeners.forEach((listener) => listener(keys)),
    watchTrials: () => clock.watch(),
  };
  ctx.tabs.handle(tabHandlers(ctx));
  ctx.tabs.connect(first.id);
  const clock = trialClockOf(ctx);
  const core: KitCore = {
    config,
    platform,
    storage,
    warn,
    check: (featureId, options) => ctx.checks.check(customer(), featureId, platform.now(), finiteOrUndefined(options?.requested)),
    getSnapshot: store.getState,
    onChange: (listener) => (listeners.add(listener), () => void listeners.delete(listener)),
    emit: ctx.emit,
  };
  ctx.prompts = options.prompts?.(core) ?? null;
  const unsubscribeHide = platform.onHide(persistence.flush);
  const kit: UpgradeKit<C> = {
    ...core,
    prompts: ctx.prompts,
    check(featureId, options) {
      const result = core.check(featureId, options ?? {});
      if (options?.attempt === true && !result.allowed) kit.recordGateHit(featureId);
      return result;
    },
    ...trackingMethods<C>(ctx),
    ...trialMethods<C>(ctx),
    ...customerMethods<C>(ctx),
    subscribe: store.subscribe,
    select: (selector, listener, isEqual = Object.is) => store.subscribe(selector, listener, { equalityFn: isEqual }),
    destroy() {
      ctx.prompts?.destroy();
      listeners.clear();
      persistence.flush();
      clock.stop();
      unsubscribeHide();
      ctx.tabs.close();
      ctx.checks.clear();
    },
  };
  clock.watch();
  return kit;
}
