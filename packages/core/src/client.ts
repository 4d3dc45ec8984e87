import { createStore } from 'zustand/vanilla';
import { normalizeConfig } from './config/normalize.js';
import { assertConfig } from './config/parseConfig.js';
import type { Config, ConfigInput } from './config/schema.js';
import { isScalar } from './utils/isScalar.js';
import { decodeCheckoutToken, encodeCheckoutToken, type Touch } from './conversion/attribution.js';
import { createEventId, type EventProps, type Sink, type UpgradeKitEvent } from './conversion/events.js';
import { check, type CheckOptions, type CheckResult } from './entitlements/check.js';
import { parseCustomer, type Customer, type CustomerInput, type CustomerTrial, type UsageEntry } from './entitlements/customer.js';
import { periodAt } from './entitlements/period.js';
import { trialEligibility, trialStatus, type StartTrialResult, type TrialStatus, type TrialTarget } from './entitlements/trials.js';
import { mrrOf } from './entitlements/upgradePath.js';
import { createBrowserPlatform, type Platform } from './platform.js';
import type { TriggerExplanation } from './prompts/engine.js';
import { hashToUnit } from './prompts/experiment.js';
import { findPromptEngine } from './prompts/registry.js';
import { EMPTY_COUNTER, increment, type Counter } from './signals/counter.js';
import { signalWindows } from './signals/windows.js';
import { createSafeStorage, type SafeStorage } from './storage.js';
import { durationToMs } from './utils/duration.js';
import { createWarn, type WarningHandler } from './utils/log.js';
import { SDK_VERSION } from './version.js';
import { isRecord } from './utils/isRecord.js';

/** Feature ids of a config, as a string union when the config is a literal (see `defineConfig`). */
export type FeatureId<C> = C extends { features: infer F } ? Extract<keyof F, string> : string;

export interface UpgradeKitOptions<C extends ConfigInput = ConfigInput> {
  /**
   * The entitlement model. In development and tests it is validated on creation (an
   * invalid config throws `UpgradeKitConfigError`); production builds trust it, so no
   * validation code ships (see `validateConfig`).
   */
  config: C;
  /**
   * How the config is checked before use. Default: `assertConfig` in development,
   * and in production builds (`process.env.NODE_ENV === 'production'`) defaults only,
   * trusting a config the compiler and development runs have checked. Pass
   * `assertConfig` to validate in production too (a config from JSON at run time).
   */
  validateConfig?: (config: ConfigInput) => Config;
  /** The signed-in customer, from the host's backend. Malformed fields are dropped with a warning. */
  customer: CustomerInput;
  /**
   * Clock, storage, network and tabs. Default: the browser platform, which in
   * Node or during SSR has no storage and no tabs. Tests use `createMemoryPlatform()`.
   */
  platform?: Platform;
  /** Where events go (see `createHttpSink`, `createConsoleSink`, ...). Default: none. */
  sinks?: Sink[];
  /** Called with every event. Default: none. */
  onEvent?: (event: UpgradeKitEvent) => void;
  /** Receives warnings about bad input that was handled. Default: `console.warn` with an `[upgradekit]` prefix. */
  onWarning?: WarningHandler;
}

/** The client's state. Immutable: a change replaces the objects it touches, so selectors compare by identity. */
export interface UpgradeKitState {
  customer: Customer;
  /** Gate hits (`gate:<feature>`) and product events (`event:<name>`) in bounded time buckets. */
  signals: Readonly<Record<string, Counter>>;
  /** The last prompt seen or clicked: what a conversion is credited to. */
  touch: Touch | null;
}

/** An event as the client completes it: without the fields every event gets. */
export type EventInput = UpgradeKitEvent extends infer E
  ? E extends UpgradeKitEvent
    ? Omit<E, 'v' | 'id' | 'at' | 'customerId' | 'mrr' | 'sdkVersion'>
    : never
  : never;

export interface UpgradeKit<C extends ConfigInput = ConfigInput> {
  /** The validated config, with defaults applied. */
  readonly config: Config;
  readonly platform: Platform;
  /** Persistence that never throws (namespaced per customer by its users). */
  readonly storage: SafeStorage;
  /** Reports bad input that was handled, once per message. */
  readonly warn: WarningHandler;
  /**
   * Whether the customer may use a feature now. The same inputs give the same
   * object, so it is safe in render. `attempt: true` marks a real attempt: when
   * denied, it counts as a gate hit.
   */
  check(featureId: FeatureId<C>, options?: Pick<CheckOptions, 'requested'> & { attempt?: boolean }): CheckResult;
  /** Records usage optimistically (negative amounts free seats); persists, syncs tabs and notifies subscribers. */
  track(featureId: FeatureId<C>, amount?: number): void;
  /** Counts an attempt to use a feature the customer does not have. */
  recordGateHit(featureId: FeatureId<C>): void;
  /**
   * Counts a product event (`admin.invited`, `api.called`, ...) for trigger
   * conditions and activation, and emits `event.recorded` with its `props`
   * (flat JSON scalars; anything else is dropped with a warning, the count is kept).
   */
  recordEvent(name: string, props?: EventProps): void;
  /** Replaces the customer with server truth; server usage wins. A plan change emits `upgrade.completed`. */
  setCustomer(customer: CustomerInput): void;
  /** Starts a trial in place when the customer is eligible. */
  startTrial(target: TrialTarget): StartTrialResult;
  /** Trial state of a feature or plan; the same object while unchanged. */
  getTrial(target: TrialTarget): TrialStatus;
  /**
   * Why a trigger fires or not: each leaf's value against its threshold, and
   * what governance does with it. Asks this client's prompt engine
   * (`createPromptEngine(kit)`); without one, `status` is `no_engine`.
   */
  explain(triggerId: string): TriggerExplanation;
  /** Records a completed upgrade (self-serve checkout), credited to the last prompt seen within the attribution window. */
  recordUpgrade(change: { toPlan: string; addOns?: Array<{ id: string; quantity?: number }> }): void;
  /** Remembers a prompt the customer saw or clicked, for attribution. */
  touch(triggerId: string, variant: string): void;
  /** A token for the checkout return URL that carries the attribution across the redirect. */
  checkoutContext(): string;
  /** Restores the attribution from a `checkoutContext()` token; returns whether it applied. */
  resume(token: string): boolean;
  /** Completes an event (id, time, customer, MRR, SDK version) and hands it to the sinks. */
  emit(event: EventInput): void;
  getSnapshot(): UpgradeKitState;
  /** Calls `listener` after every change. Returns an unsubscribe. */
  subscribe(listener: (state: UpgradeKitState, previous: UpgradeKitState) => void): () => void;
  /**
   * Calls `listener` only when `selector`'s result changes (by `isEqual`,
   * default `Object.is`), e.g. one feature's usage. Returns an unsubscribe.
   */
  select<T>(selector: (state: UpgradeKitState) => T, listener: (value: T, previous: T) => void, isEqual?: (a: T, b: T) => boolean): () => void;
  /**
   * Calls `listener` after each change with what changed, as dependency keys:
   * `usage:<feature>`, `gate:<feature>`, `event:<name>`, `trial`, or `*` for a
   * new customer. Extensions (the prompt engine) re-evaluate only what depends on them.
   */
  onChange(listener: (keys: readonly string[]) => void): () => void;
  /** Calls `callback` when the client is destroyed (extensions such as the prompt engine stop with it). */
  onDestroy(callback: () => void): () => void;
  /** Writes pending state and stops timers, listeners, channels and extensions. */
  destroy(): void;
}

/** What survives a reload, per customer. */
interface Stored {
  usage?: Record<string, UsageEntry>;
  signals?: Record<string, Counter>;
  touch?: Touch | null;
  trials?: CustomerTrial[];
  /** Trials whose `trial.ended` was already emitted, as `target@endsAt`. */
  ended?: string[];
}

/** What one tab tells the others: operations, so work done in two tabs at once adds up. */
type TabMessage =
  | { op: 'track'; feature: string; amount: number; at: number }
  | { op: 'signal'; key: string; at: number }
  | { op: 'trials'; trials: CustomerTrial[] }
  | { op: 'touch'; touch: Touch };

const trialKey = (trial: CustomerTrial) => `${trial.feature ?? ''}/${trial.plan ?? ''}@${trial.endsAt}`;

/**
 * Creates the headless client: checks, usage, signals, trials, attribution and
 * events, over an injected platform. Prompts come from `createPromptEngine(kit)`.
 */
export function createUpgradeKit<const C extends ConfigInput>(options: UpgradeKitOptions<C>): UpgradeKit<C> {
  const validateConfig = options.validateConfig ?? (process.env.NODE_ENV !== 'production' ? assertConfig : normalizeConfig);
  const config = validateConfig(options.config);
  const platform = options.platform ?? createBrowserPlatform();
  const warn = createWarn(options.onWarning);
  const storage = createSafeStorage(platform.storage, warn);
  const sinks = [...(options.sinks ?? []), ...(options.onEvent ? [{ send: options.onEvent }] : [])];
  const windows = signalWindows(config);

  const load = (input: CustomerInput): Customer => {
    const { customer, warnings } = parseCustomer(input, config, platform.now());
    warnings.forEach(warn);
    return customer;
  };

  // Restore what this device knew: usage tracked after the server measured it,
  // trials started here, signals and attribution.
  const customer = load(options.customer);
  const key = `client:${customer.id}`;
  const stored = storage.read<Stored>(key) ?? {};
  for (const [featureId, entry] of Object.entries(isRecord(stored.usage) ? stored.usage : {})) {
    const server = customer.usage[featureId];
    if (isUsageEntry(entry) && (!server || entry.asOf > server.asOf)) customer.usage[featureId] = entry;
  }
  const known = new Set(customer.trials.map(trialKey));
  for (const trial of Array.isArray(stored.trials) ? stored.trials : []) if (!known.has(trialKey(trial))) customer.trials.push(trial);
  const ended = new Set(Array.isArray(stored.ended) ? stored.ended : []);

  const store = createStore<UpgradeKitState>()(() => ({
    customer,
    signals: isRecord(stored.signals) ? (stored.signals as Record<string, Counter>) : {},
    touch: stored.touch ?? null,
  }));

  // Writes are coalesced: a burst of track() calls costs one write.
  let writeQueued = false;
  const persist = () => {
    writeQueued = false;
    const { customer, signals, touch } = store.getState();
    storage.write(key, { usage: customer.usage, signals, touch, trials: customer.trials, ended: [...ended] } satisfies Stored);
  };
  const schedulePersist = () => {
    if (writeQueued) return;
    writeQueued = true;
    queueMicrotask(() => writeQueued && persist());
  };
  const changeListeners = new Set<(keys: readonly string[]) => void>();
  const update = (patch: Partial<UpgradeKitState>, changed: readonly string[] = []) => {
    store.setState(patch);
    schedulePersist();
    if (changed.length) for (const listener of changeListeners) listener(changed);
  };
  const patchCustomer = (patch: Partial<Customer>, changed: readonly string[]) => update({ customer: { ...store.getState().customer, ...patch } }, changed);

  const emit = (fields: EventInput, id?: string) => {
    if (!sinks.length) return;
    const now = platform.now();
    const { customer } = store.getState();
    const event = {
      v: 1,
      id: id ?? createEventId(now, platform.random),
      at: now,
      customerId: customer.id,
      mrr: mrrOf(config, customer.plan, customer.addOns),
      sdkVersion: SDK_VERSION,
      ...fields,
    } as UpgradeKitEvent;
    for (const sink of sinks) {
      try {
        sink.send(event);
      } catch (error) {
        warn(`a sink threw while receiving "${event.type}": ${String(error)}`);
      }
    }
  };
  /** The trigger a conversion now is credited to, if its prompt was seen within the window. */
  const attribution = () => {
    const { touch } = store.getState();
    return touch && platform.now() - touch.at <= durationToMs(config.policy.attributionWindow ?? '7d')
      ? { triggerId: touch.triggerId, variant: touch.variant }
      : {};
  };

  // Operations on state, shared by this tab's calls and other tabs' messages.
  const applyTrack = (featureId: string, amount: number, at: number): number => {
    const feature = config.features[featureId]!;
    const { customer } = store.getState();
    const entry = customer.usage[featureId];
    const start = feature.type === 'metered' ? periodAt(feature.reset ?? 'month', customer.periodStart, at).start : -Infinity;
    const value = Math.max(0, (entry && entry.asOf >= start ? entry.value : 0) + amount);
    patchCustomer({ usage: { ...customer.usage, [featureId]: { value, asOf: Math.max(at, entry?.asOf ?? at) } } }, [`usage:${featureId}`]);
    return value;
  };
  const applySignal = (signalKey: string, at: number) => {
    const { signals } = store.getState();
    const window = windows.get(signalKey);
    const counter = signals[signalKey] ?? EMPTY_COUNTER;
    // Keys no condition reads with a window only need their all-time total.
    update({ signals: { ...signals, [signalKey]: window ? increment(counter, at, window.bucketMs, window.keepMs) : { total: counter.total + 1, buckets: [] } } }, [signalKey]);
  };

  const channel = platform.openChannel(`upgradekit:${customer.id}`);
  const post = (message: TabMessage) => {
    try {
      channel?.post(message);
    } catch (error) {
      warn(`could not reach other tabs: ${String(error)}`);
    }
  };
  const unsubscribeChannel = channel?.subscribe((raw) => {
    const message = raw as TabMessage;
    if (message?.op === 'track' && config.features[message.feature]) applyTrack(message.feature, message.amount, message.at);
    else if (message?.op === 'signal') applySignal(message.key, message.at);
    else if (message?.op === 'trials') {
      patchCustomer({ trials: message.trials }, ['trial']);
      watchTrials();
    }
    else if (message?.op === 'touch') update({ touch: message.touch });
  });

  // A timer at the next trial end: `trial.ended` fires on time, and a new state
  // object makes every subscriber re-read its checks at that exact moment.
  let trialTimer: unknown;
  const watchTrials = () => {
    platform.clearTimeout(trialTimer);
    const now = platform.now();
    let next = Infinity;
    const { customer } = store.getState();
    for (const trial of customer.trials) {
      const endedKey = trialKey(trial);
      if (trial.endsAt > now) next = Math.min(next, trial.endsAt);
      else if (!ended.has(endedKey)) {
        ended.add(endedKey);
        schedulePersist();
        // Every open tab sees the trial end: one id derived from the trial lets sinks and servers keep one event.
        let draw = 0;
        const id = createEventId(trial.endsAt, () => hashToUnit(`${customer.id}:${endedKey}:${draw++}`));
        emit({ type: 'trial.ended', ...(trial.feature !== undefined ? { feature: trial.feature } : { plan: trial.plan! }) }, id);
      }
    }
    if (next < Infinity) trialTimer = platform.setTimeout(() => (update({}, ['trial']), watchTrials()), next - now);
  };
  const unsubscribeHide = platform.onHide(() => writeQueued && persist());

  // A check depends on the plan, add-ons, trials and its own feature's usage only,
  // so tracking one feature leaves every other feature's result (and identity) untouched.
  const checks = new Map<string, { customer: Customer; entry: UsageEntry | undefined; until: number; result: CheckResult }>();
  const destroyCallbacks = new Set<() => void>();
  const trials = new Map<string, TrialStatus>();
  /** Replaces the customer; a plan or MRR change is a conversion, credited once. */
  const changeCustomer = (next: Customer) => {
    const previous = store.getState().customer;
    const mrrDelta = mrrOf(config, next.plan, next.addOns) - mrrOf(config, previous.plan, previous.addOns);
    const converted = previous.id === next.id && (previous.plan !== next.plan || mrrDelta !== 0);
    if (converted) emit({ type: 'upgrade.completed', fromPlan: previous.plan, toPlan: next.plan, addOns: next.addOns, mrrDelta, ...attribution() });
    update(converted ? { customer: next, touch: null } : { customer: next }, ['*']);
  };

  const kit: UpgradeKit<C> = {
    config,
    platform,
    storage,
    warn,
    check(featureId, { attempt, requested } = {}) {
      const now = platform.now();
      const { customer } = store.getState();
      let result: CheckResult;
      if (requested !== undefined) {
        result = check(config, customer, featureId, { requested, now });
      } else {
        const entry = customer.usage[featureId];
        const hit = checks.get(featureId);
        const previous = hit?.customer;
        if (
          hit &&
          now < hit.until &&
          hit.entry === entry &&
          (previous === customer ||
            (previous!.plan === customer.plan &&
              previous!.addOns === customer.addOns &&
              previous!.trials === customer.trials &&
              previous!.periodStart === customer.periodStart))
        ) {
          result = hit.result;
        } else {
          result = check(config, customer, featureId, { now });
          checks.set(featureId, { customer, entry, until: validUntil(customer, result, now), result });
        }
      }
      if (attempt && !result.allowed) kit.recordGateHit(featureId);
      return result;
    },
    track(featureId, amount = 1) {
      const type = config.features[featureId]?.type;
      if (!type || type === 'boolean' || !Number.isFinite(amount)) {
        warn(
          `track("${featureId}", ${String(amount)}) ignored: ${
            !type ? 'unknown feature' : type === 'boolean' ? 'boolean features have no usage' : 'the amount must be a finite number'
          }`,
        );
        return;
      }
      const at = platform.now();
      const usage = applyTrack(featureId, amount, at);
      emit({ type: 'usage.tracked', feature: featureId, amount, usage });
      post({ op: 'track', feature: featureId, amount, at });
    },
    recordGateHit(featureId) {
      if (!config.features[featureId]) return warn(`recordGateHit("${featureId}") ignored: unknown feature`);
      const at = platform.now();
      applySignal(`gate:${featureId}`, at);
      emit({ type: 'gate.hit', feature: featureId });
      post({ op: 'signal', key: `gate:${featureId}`, at });
    },
    recordEvent(name, props) {
      if (typeof name !== 'string' || !name) return warn(`recordEvent(${JSON.stringify(name)}) ignored: the name must be a non-empty string`);
      const at = platform.now();
      applySignal(`event:${name}`, at);
      post({ op: 'signal', key: `event:${name}`, at });
      const valid = props === undefined || (isRecord(props) && Object.values(props).every(isScalar));
      if (!valid) warn(`recordEvent("${name}"): props must be flat JSON scalars; counted, sent without them`);
      emit({ type: 'event.recorded', name, ...(valid && props && { props }) });
    },
    setCustomer(input) {
      const previous = store.getState().customer;
      const next = load(input);
      // Trials started here stay until the server reports them.
      const known = new Set(next.trials.map(trialKey));
      if (previous.id === next.id) for (const trial of previous.trials) if (!known.has(trialKey(trial)) && trial.endsAt > platform.now()) next.trials.push(trial);
      changeCustomer(next);
      watchTrials();
    },
    startTrial(target) {
      const now = platform.now();
      const { customer } = store.getState();
      const result = trialEligibility(config, customer, target, now);
      if (!result.ok) return result;
      // Eligibility found an offer, so exactly one of feature and plan is set.
      const what = target.feature !== undefined ? { feature: target.feature } : { plan: target.plan! };
      const trials = [...customer.trials, { ...what, startedAt: now, endsAt: result.endsAt }];
      patchCustomer({ trials }, ['trial']);
      emit({ type: 'trial.started', ...what, endsAt: result.endsAt, ...attribution() });
      post({ op: 'trials', trials });
      watchTrials();
      return result;
    },
    getTrial(target) {
      const id = `${target.feature ?? ''}/${target.plan ?? ''}`;
      const next = trialStatus(config, store.getState().customer, target, platform.now());
      const previous = trials.get(id);
      if (previous && previous.state === next.state && previous.endsAt === next.endsAt && previous.daysLeft === next.daysLeft) return previous;
      trials.set(id, next);
      return next;
    },
    explain(triggerId) {
      const engine = findPromptEngine(kit);
      if (engine) return engine.explain(triggerId);
      warn(`explain("${triggerId}"): no prompt engine; call createPromptEngine(kit) first`);
      return { triggerId, variant: '', fired: false, explain: [], status: 'no_engine' };
    },
    recordUpgrade({ toPlan, addOns }) {
      const { customer } = store.getState();
      if (!config.plans.some((plan) => plan.id === toPlan)) {
        return warn(`recordUpgrade ignored: plan "${toPlan}" is not defined (defined: ${config.plans.map((plan) => plan.id).join(', ')})`);
      }
      changeCustomer({ ...customer, plan: toPlan, addOns: addOns ? addOns.map(({ id, quantity = 1 }) => ({ id, quantity })) : customer.addOns });
    },
    touch(triggerId, variant) {
      const touch = { triggerId, variant, at: platform.now() };
      update({ touch });
      post({ op: 'touch', touch });
    },
    checkoutContext: () => encodeCheckoutToken(store.getState().customer.id, store.getState().touch),
    resume(token) {
      const decoded = typeof token === 'string' ? decodeCheckoutToken(token) : null;
      const { customer, touch } = store.getState();
      if (decoded?.customerId !== customer.id) {
        warn('resume() ignored: the checkout token is malformed or belongs to another customer');
        return false;
      }
      if (decoded.touch && (!touch || decoded.touch.at > touch.at)) update({ touch: decoded.touch });
      return true;
    },
    emit: (event) => emit(event),
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
    onChange(listener) {
      changeListeners.add(listener);
      return () => void changeListeners.delete(listener);
    },
    onDestroy(callback) {
      destroyCallbacks.add(callback);
      return () => void destroyCallbacks.delete(callback);
    },
    destroy() {
      for (const callback of [...destroyCallbacks]) callback();
      destroyCallbacks.clear();
      changeListeners.clear();
      if (writeQueued) persist();
      platform.clearTimeout(trialTimer);
      unsubscribeHide();
      unsubscribeChannel?.();
      channel?.close();
      checks.clear();
    },
  };
  watchTrials();
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
  const entry = value as UsageEntry;
  return isRecord(value) && Number.isFinite(entry.value) && entry.value >= 0 && Number.isFinite(entry.asOf);
}
