import { normalizeConfig } from '../config/normalize.js';
import { assertConfig } from '../config/parseConfig.js';
import type { ConfigInput } from '../config/schema.js';
import { parseCustomer, type CustomerInput } from '../entitlements/customer.js';
import { createBrowserPlatform } from '../platform/browser.js';
import { signalWindows } from '../signals/windows.js';
import { createSafeStorage, type SafeStorage } from '../storage.js';
import { createWarn } from '../utils/log.js';
import { createCheckCache } from './checkCache.js';
import { freshState, type ClientContext } from './context.js';
import { customerMethods } from './customerMethods.js';
import { createEmitter } from './events.js';
import { createPersistStorage, persistOptions } from './persistence.js';
import type { RemoteConfigOptions } from './remoteConfig.js';
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
  const load = (input: CustomerInput, current = ctx.config) => {
    const { customer, warnings } = parseCustomer(input, current, platform.now());
    warnings.forEach(warn);
    return customer;
  };
  const persistence = createPersistStorage(storage, warn);
  const first = load(options.customer, config);
  const store = createKitStore(freshState(first), persistOptions(first.id, persistence.persistStorage));
  const listeners = new Set<(keys: readonly string[]) => void>();
  const sinks = [...(options.sinks ?? []), ...(options.onEvent ? [{ send: options.onEvent }] : [])];
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
    customer: () => store.getState().customer,
    load: (input) => load(input),
    emit: createEmitter({ config: () => ctx.config, customer: () => ctx.customer(), platform, sinks, warn }),
    changed: (...keys) => listeners.forEach((listener) => listener(keys)),
    watchTrials: () => clock.watch(),
  };
  ctx.tabs.handle(tabHandlers(ctx));
  ctx.tabs.connect(first.id);
  const clock = trialClockOf(ctx);
  const remote = options.remoteConfig && startRemoteConfig(options.remoteConfig, ctx, storage);
  const unsubscribeHide = platform.onHide(persistence.flush);
  const kit: UpgradeKit<C> = {
    get config() {
      return ctx.config;
    },
    platform,
    storage,
    warn,
    getSnapshot: store.getState,
    onChange: (listener) => (listeners.add(listener), () => void listeners.delete(listener)),
    emit: ctx.emit,
    prompts: null,
    check(featureId, checkOptions) {
      const result = ctx.checks.check(ctx.customer(), featureId, platform.now(), finiteOrUndefined(checkOptions?.requested));
      if (checkOptions?.attempt === true && !result.allowed) kit.recordGateHit(featureId);
      return result;
    },
    ...trackingMethods<C>(ctx),
    ...trialMethods<C>(ctx),
    ...customerMethods<C>(ctx),
    reloadConfig: async () => ((await remote)?.reload() ?? { status: 'unchanged' }),
    subscribe: store.subscribe,
    select: (selector, listener, isEqual = Object.is) => store.subscribe(selector, listener, { equalityFn: isEqual }),
    destroy() {
      void remote?.then((part) => part.stop());
      ctx.prompts?.destroy();
      listeners.clear();
      persistence.flush();
      clock.stop();
      unsubscribeHide();
      ctx.tabs.close();
      ctx.checks.clear();
    },
  };
  // The engine is made with the client it serves (it reads config, state and changes through it).
  ctx.prompts = options.prompts?.(kit) ?? null;
  (kit as { prompts: UpgradeKit['prompts'] }).prompts = ctx.prompts;
  clock.watch();
  return kit;
}

/** Loaded only by clients that use it, and after first paint: a remote config is validated anyway. */
function startRemoteConfig(options: RemoteConfigOptions, ctx: ClientContext, storage: SafeStorage) {
  return import('./remoteConfig.js').then(({ createRemoteConfig }) =>
    createRemoteConfig(options, { platform: ctx.platform, storage, warn: ctx.warn, emit: ctx.emit, apply: (next) => swapConfig(ctx, next) }),
  );
}

/**
 * Swaps a new config in (a remote one) and keeps the customer's history: usage,
 * signals, trials, prompt governance and attribution stay; checks are answered
 * anew and the prompt engine re-reads its triggers (`config` in the change keys).
 */
function swapConfig(ctx: ClientContext, next: ClientContext['config']): void {
  ctx.config = next;
  ctx.windows = signalWindows(next);
  ctx.checks = createCheckCache(next);
  ctx.trials.clear();
  ctx.store.setState({});
  ctx.changed('*', 'config');
  ctx.watchTrials();
}
