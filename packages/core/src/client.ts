import { createStore } from 'zustand/vanilla';
import { assertConfig } from './config/parseConfig';
import type { Config, ConfigInput } from './config/schema';
import { check, type CheckOptions, type CheckResult } from './entitlements/check';
import { parseCustomer, type Customer, type CustomerInput, type UsageEntry } from './entitlements/customer';
import { periodAt } from './entitlements/period';
import { createMemoryPlatform, type Platform } from './platform';
import { createSafeStorage } from './storage';
import { createWarn, type WarningHandler } from './utils/log';

/** Feature ids of a config, as a string union when the config is a literal (see `defineConfig`). */
export type FeatureId<C> = C extends { features: infer F } ? Extract<keyof F, string> : string;

export interface UpgradeKitOptions<C extends ConfigInput = ConfigInput> {
  /** The entitlement model. Validated on creation: an invalid config throws `UpgradeKitConfigError`. */
  config: C;
  /** The signed-in customer, from the host's backend. Malformed fields are dropped with a warning. */
  customer: CustomerInput;
  /** Clock, storage, network and tabs. Default: a memory platform (no persistence). */
  platform?: Platform;
  /** Receives warnings about bad input that was handled. Default: `console.warn`. */
  onWarning?: WarningHandler;
}

/** The client's state. Immutable: every change replaces the objects it touches, so selectors can compare by identity. */
export interface UpgradeKitState {
  customer: Customer;
}

export interface UpgradeKit<C extends ConfigInput = ConfigInput> {
  /** The validated config, with defaults applied. */
  readonly config: Config;
  readonly platform: Platform;
  /** Whether the customer may use a feature now. Same inputs give the same object, so it is safe in render. */
  check(featureId: FeatureId<C>, options?: Omit<CheckOptions, 'now'>): CheckResult;
  /** Records usage optimistically (negative amounts free seats); persists and notifies subscribers. */
  track(featureId: FeatureId<C>, amount?: number): void;
  /** Replaces the customer with server truth; server usage wins over optimistic usage. */
  setCustomer(customer: CustomerInput): void;
  getSnapshot(): UpgradeKitState;
  /** Calls `listener` after every change. Returns an unsubscribe. */
  subscribe(listener: (state: UpgradeKitState, previous: UpgradeKitState) => void): () => void;
  /**
   * Calls `listener` only when `selector`'s result changes (by `isEqual`,
   * default `Object.is`), e.g. one feature's usage. Returns an unsubscribe.
   */
  select<T>(selector: (state: UpgradeKitState) => T, listener: (value: T, previous: T) => void, isEqual?: (a: T, b: T) => boolean): () => void;
  /** Stops timers, listeners and channels. The client must not be used afterwards. */
  destroy(): void;
}

interface StoredUsage {
  usage: Record<string, UsageEntry>;
}

/** Creates the headless client: entitlement checks and usage tracking over an injected platform. */
export function createUpgradeKit<const C extends ConfigInput>(options: UpgradeKitOptions<C>): UpgradeKit<C> {
  const config = assertConfig(options.config);
  const platform = options.platform ?? createMemoryPlatform();
  const warn = createWarn(options.onWarning);
  const storage = createSafeStorage(platform.storage, warn);

  const load = (input: CustomerInput, restore: boolean): Customer => {
    const { customer, warnings } = parseCustomer(input, config, platform.now());
    warnings.forEach(warn);
    if (!restore) return customer;
    // Usage tracked on this device after the server measured it survives a reload.
    const stored = storage.read<StoredUsage>(`usage:${customer.id}`);
    for (const [featureId, entry] of Object.entries(stored?.usage ?? {})) {
      const server = customer.usage[featureId];
      if (isUsageEntry(entry) && (!server || entry.asOf > server.asOf)) customer.usage[featureId] = entry;
    }
    return customer;
  };

  const store = createStore<UpgradeKitState>()(() => ({ customer: load(options.customer, true) }));
  const persistUsage = (customer: Customer) => storage.write(`usage:${customer.id}`, { usage: customer.usage } satisfies StoredUsage);

  // A result depends on the plan, add-ons, trials and this feature's usage only, so
  // tracking one feature leaves every other feature's result (and its identity) untouched.
  const cache = new Map<string, { inputs: unknown[]; until: number; result: CheckResult }>();
  const inputsOf = (customer: Customer, featureId: string) => [
    customer.plan,
    customer.addOns,
    customer.trials,
    customer.periodStart,
    customer.usage[featureId],
  ];

  const kit: UpgradeKit<C> = {
    config,
    platform,
    check(featureId, checkOptions = {}) {
      const now = platform.now();
      const { customer } = store.getState();
      if (checkOptions.requested !== undefined) return check(config, customer, featureId, { ...checkOptions, now });
      const inputs = inputsOf(customer, featureId);
      const hit = cache.get(featureId);
      if (hit && now < hit.until && hit.inputs.every((input, index) => input === inputs[index])) return hit.result;
      const result = check(config, customer, featureId, { now });
      cache.set(featureId, { inputs, until: validUntil(customer, result, now), result });
      return result;
    },
    track(featureId, amount = 1) {
      const feature = config.features[featureId];
      if (!feature || feature.type === 'boolean') {
        warn(`track("${featureId}") ignored: ${feature ? 'it is a boolean feature; only metered and seats features have usage' : 'unknown feature'}`);
        return;
      }
      if (!Number.isFinite(amount)) {
        warn(`track("${featureId}", ${String(amount)}) ignored: the amount must be a finite number`);
        return;
      }
      const now = platform.now();
      const { customer } = store.getState();
      const entry = customer.usage[featureId];
      const start = feature.type === 'metered' ? periodAt(feature.reset ?? 'month', customer.periodStart, now).start : -Infinity;
      const current = entry && entry.asOf >= start ? entry.value : 0;
      const next: Customer = { ...customer, usage: { ...customer.usage, [featureId]: { value: Math.max(0, current + amount), asOf: now } } };
      store.setState({ customer: next });
      persistUsage(next);
    },
    setCustomer(input) {
      const customer = load(input, false);
      store.setState({ customer });
      persistUsage(customer);
    },
    getSnapshot: store.getState,
    subscribe: store.subscribe,
    select(selector, listener, isEqual = Object.is) {
      let value = selector(store.getState());
      return store.subscribe((state) => {
        const next = selector(state);
        if (isEqual(value, next)) return;
        const previous = value;
        value = next;
        listener(next, previous);
      });
    },
    destroy() {
      cache.clear();
    },
  };
  return kit;
}

/** Until when a check result stays true for an unchanged customer: the next reset or trial boundary. */
function validUntil(customer: Customer, result: CheckResult, now: number): number {
  let until = result.resetsAt ?? Infinity;
  for (const trial of customer.trials) {
    if (trial.startedAt > now) until = Math.min(until, trial.startedAt);
    if (trial.endsAt > now) until = Math.min(until, trial.endsAt);
  }
  return until;
}

function isUsageEntry(value: unknown): value is UsageEntry {
  const entry = value as UsageEntry | null;
  return typeof entry === 'object' && entry !== null && Number.isFinite(entry.value) && entry.value >= 0 && Number.isFinite(entry.asOf);
}
