import { createStore } from 'zustand/vanilla';
import { assertConfig } from './config/parseConfig';
import type { Config, ConfigInput, Cta, Trigger } from './config/schema';
import { decodeCheckoutToken, encodeCheckoutToken, type Touch } from './conversion/attribution';
import { createEventId, type DismissReason, type Sink, type UpgradeKitEvent } from './conversion/events';
import { check, type CheckOptions, type CheckResult } from './entitlements/check';
import { parseCustomer, type Customer, type CustomerInput, type CustomerTrial, type UsageEntry } from './entitlements/customer';
import { periodAt } from './entitlements/period';
import { trialEligibility, trialStatus, type StartTrialResult, type TrialStatus, type TrialTarget } from './entitlements/trials';
import { mrrOf } from './entitlements/upgradePath';
import { createMemoryPlatform, type Platform, type TabChannel } from './platform';
import { selectPrompts, type PromptHistory } from './prompts/arbiter';
import { assignVariant, HOLDOUT } from './prompts/experiment';
import { toActivePrompt, type ActivePrompt } from './prompts/activePrompt';
import { bucketSize, countWithin, EMPTY_COUNTER, increment, type Counter } from './signals/counter';
import { projectUsage } from './signals/forecast';
import { createSafeStorage } from './storage';
import { dependencies, evaluate, evaluateCondition, type EvaluationContext, type Evaluation } from './triggers/evaluate';
import { durationToMs } from './utils/duration';
import { createWarn, type WarningHandler } from './utils/log';
import { SDK_VERSION } from './version';

/** Feature ids of a config, as a string union when the config is a literal (see `defineConfig`). */
export type FeatureId<C> = C extends { features: infer F } ? Extract<keyof F, string> : string;

export interface UpgradeKitOptions<C extends ConfigInput = ConfigInput> {
  /** The entitlement model. Validated on creation: an invalid config throws `UpgradeKitConfigError`. */
  config: C;
  /** The signed-in customer, from the host's backend. Malformed fields are dropped with a warning. */
  customer: CustomerInput;
  /** Clock, storage, network and tabs. Default: a memory platform (no persistence, no tabs). */
  platform?: Platform;
  /** Where events go (see `createHttpSink`, `createConsoleSink`, ...). Default: none. */
  sinks?: Sink[];
  /** Called with every event. Default: none. */
  onEvent?: (event: UpgradeKitEvent) => void;
  /** Receives warnings about bad input that was handled. Default: `console.warn`. */
  onWarning?: WarningHandler;
  /** Called each time a trigger's condition is evaluated; for tools and tests. Default: none. */
  onEvaluate?: (triggerId: string) => void;
}

/** The client's state. Immutable: every change replaces the objects it touches, so selectors can compare by identity. */
export interface UpgradeKitState {
  customer: Customer;
  /** Gate hits (`gate:<feature>`) and product events (`event:<name>`) in bounded time buckets. */
  signals: Readonly<Record<string, Counter>>;
  /** Impressions, snoozes and dismissals per trigger. */
  history: Readonly<Record<string, PromptHistory>>;
  /** When interrupting prompts were shown in the last week. */
  interrupts: readonly number[];
  /** Triggers whose condition holds. */
  fired: ReadonlySet<string>;
  /** Prompts on screen in this tab. */
  open: ReadonlySet<string>;
  activated: boolean;
  /** The last prompt seen or clicked, for attribution. */
  touch: Touch | null;
}

/** A trigger's condition, leaf by leaf, and what governance would do with it now. */
export interface TriggerExplanation extends Evaluation {
  triggerId: string;
  variant: string;
  /** `shown`: `getPrompts()` offers it now; otherwise why not. */
  status: 'shown' | 'not_fired' | 'held_out' | 'suppressed';
}

export interface UpgradeKit<C extends ConfigInput = ConfigInput> {
  /** The validated config, with defaults applied. */
  readonly config: Config;
  readonly platform: Platform;
  /**
   * Whether the customer may use a feature now. Same inputs give the same object,
   * so it is safe in render. `attempt: true` marks a real attempt: when denied it
   * counts as a gate hit.
   */
  check(featureId: FeatureId<C>, options?: Omit<CheckOptions, 'now' | 'upgrade'> & { attempt?: boolean }): CheckResult;
  /** Records usage optimistically (negative amounts free seats); persists, syncs tabs and notifies subscribers. */
  track(featureId: FeatureId<C>, amount?: number): void;
  /** Counts an attempt to use a feature the customer does not have. */
  recordGateHit(featureId: FeatureId<C>): void;
  /** Counts a product event (`admin.invited`, `api.called`, ...) for trigger conditions and activation. */
  recordEvent(name: string): void;
  /** Replaces the customer with server truth; server usage wins. A plan change emits `upgrade.completed`. */
  setCustomer(customer: CustomerInput): void;
  /** Starts a trial in place when the customer is eligible. */
  startTrial(target: TrialTarget): StartTrialResult;
  /** Trial state of a feature or plan; same object while unchanged. */
  getTrial(target: TrialTarget): TrialStatus;
  /** The prompts to show now (for a placement, or anywhere); same array while unchanged. */
  getPrompts(placement?: string): ActivePrompt[];
  /** Call once per display, when the prompt is actually visible. */
  markShown(triggerId: string): void;
  markClicked(triggerId: string, cta?: Cta): void;
  /** Snoozes the prompt (trigger `snooze`, default `policy.snooze`, default 3 days), or hides it for good. */
  markDismissed(triggerId: string, reason?: DismissReason, options?: { forever?: boolean }): void;
  /** Why a trigger fires or not: each leaf's value against its threshold. */
  explain(triggerId: string): TriggerExplanation;
  /** Records a completed upgrade (self-serve checkout), attributed to the last prompt seen within the window. */
  recordUpgrade(change: { toPlan: string; addOns?: Array<{ id: string; quantity?: number }> }): void;
  /** A token for the checkout return URL that carries the attribution across the redirect. */
  checkoutContext(): string;
  /** Restores the attribution from a `checkoutContext()` token; returns whether it applied. */
  resume(token: string): boolean;
  getSnapshot(): UpgradeKitState;
  /** Calls `listener` after every change. Returns an unsubscribe. */
  subscribe(listener: (state: UpgradeKitState, previous: UpgradeKitState) => void): () => void;
  /**
   * Calls `listener` only when `selector`'s result changes (by `isEqual`,
   * default `Object.is`), e.g. one feature's usage. Returns an unsubscribe.
   */
  select<T>(selector: (state: UpgradeKitState) => T, listener: (value: T, previous: T) => void, isEqual?: (a: T, b: T) => boolean): () => void;
  /** Writes pending state, stops timers, listeners and channels. */
  destroy(): void;
}

/** What survives a reload, per customer. */
interface Stored {
  usage?: Record<string, UsageEntry>;
  signals?: Record<string, Counter>;
  history?: Record<string, PromptHistory>;
  interrupts?: number[];
  touch?: Touch | null;
  trials?: CustomerTrial[];
  /** Trials whose `trial.ended` was already emitted, as `target@endsAt`. */
  ended?: string[];
}

/** What one tab tells the others. */
type TabMessage =
  | { customerId: string; op: 'track'; feature: string; amount: number; at: number }
  | { customerId: string; op: 'signal'; key: string; at: number }
  | { customerId: string; op: 'prompt'; triggerId: string; history: PromptHistory; interrupt?: number; touch?: Touch }
  | { customerId: string; op: 'trials'; trials: CustomerTrial[] };

const WEEK = 6048e5;

const trialKey = (trial: CustomerTrial) => `${trial.feature ?? ''}/${trial.plan ?? ''}@${trial.endsAt}`;

/** Creates the headless client: checks, usage, signals, triggers, prompts, trials and conversion events. */
export function createUpgradeKit<const C extends ConfigInput>(options: UpgradeKitOptions<C>): UpgradeKit<C> {
  const config = assertConfig(options.config);
  const platform = options.platform ?? createMemoryPlatform();
  const warn = createWarn(options.onWarning);
  const storage = createSafeStorage(platform.storage, warn);
  const sinks = [...(options.sinks ?? []), ...(options.onEvent ? [{ send: options.onEvent }] : [])];
  const triggersById = new Map(config.triggers.map((trigger) => [trigger.id, trigger]));

  // Which triggers read what, so a change re-evaluates only the triggers that depend on it.
  const dependents = new Map<string, Trigger[]>();
  for (const trigger of config.triggers) {
    for (const key of dependencies(trigger.when)) dependents.set(key, [...(dependents.get(key) ?? []), trigger]);
  }
  const activationDeps = config.policy.activation ? dependencies(config.policy.activation) : new Set<string>();
  // Per signal key, the bucket and retention its widest and narrowest windows need.
  const windows = new Map<string, { bucketMs: number; keepMs: number }>();
  const collectWindows = (node: NonNullable<Config['policy']['activation']>) => {
    for (const child of node.all ?? node.any ?? (node.not ? [node.not] : [])) collectWindows(child);
    const leaf = node.gateHits ?? node.event;
    if (!leaf?.within) return;
    const key = node.gateHits ? `gate:${node.gateHits.feature}` : `event:${node.event!.name}`;
    const ms = durationToMs(leaf.within);
    const known = windows.get(key);
    windows.set(key, { bucketMs: Math.min(known?.bucketMs ?? Infinity, bucketSize(ms)), keepMs: Math.max(known?.keepMs ?? 0, ms) });
  };
  config.triggers.forEach((trigger) => collectWindows(trigger.when));
  if (config.policy.activation) collectWindows(config.policy.activation);
  // Windows, cool-downs and snoozes are re-checked on a clock tick: a 168th of the
  // shortest of them (an hour for a week), between a minute and an hour.
  const spans = [...windows.values()].map((window) => window.keepMs);
  for (const trigger of config.triggers) spans.push(durationToMs(trigger.cooldown ?? '1w'), durationToMs(trigger.snooze ?? '1w'));
  const tickMs = Math.min(36e5, Math.max(6e4, Math.min(...spans, durationToMs(config.policy.snooze ?? '1w')) / 168));

  const load = (input: CustomerInput): Customer => {
    const { customer, warnings } = parseCustomer(input, config, platform.now());
    warnings.forEach(warn);
    return customer;
  };

  // ---- restore --------------------------------------------------------------
  let customer = load(options.customer);
  const stored = storage.read<Stored>(`client:${customer.id}`) ?? {};
  for (const [featureId, entry] of Object.entries(stored.usage ?? {})) {
    const server = customer.usage[featureId];
    // Usage tracked on this device after the server measured it survives a reload.
    if (isUsageEntry(entry) && (!server || entry.asOf > server.asOf)) customer.usage[featureId] = entry;
  }
  const known = new Set(customer.trials.map(trialKey));
  const localTrials = (Array.isArray(stored.trials) ? stored.trials : []).filter((trial) => !known.has(trialKey(trial)));
  if (localTrials.length) customer = { ...customer, trials: [...customer.trials, ...localTrials] };
  const ended = new Set(Array.isArray(stored.ended) ? stored.ended : []);

  const store = createStore<UpgradeKitState>()(() => ({
    customer,
    signals: isRecord(stored.signals) ? stored.signals : {},
    history: isRecord(stored.history) ? stored.history : {},
    interrupts: Array.isArray(stored.interrupts) ? stored.interrupts : [],
    fired: new Set<string>(),
    open: new Set<string>(),
    activated: true,
    touch: stored.touch ?? null,
  }));

  // ---- persistence: coalesced, so a burst of track() calls costs one write ----
  let writeQueued = false;
  const persist = () => {
    writeQueued = false;
    const state = store.getState();
    storage.write(`client:${state.customer.id}`, {
      usage: state.customer.usage,
      signals: state.signals,
      history: state.history,
      interrupts: [...state.interrupts],
      touch: state.touch,
      trials: state.customer.trials,
      ended: [...ended],
    } satisfies Stored);
  };
  const schedulePersist = () => {
    if (writeQueued) return;
    writeQueued = true;
    queueMicrotask(() => writeQueued && persist());
  };

  // ---- events ---------------------------------------------------------------
  type EventFields = UpgradeKitEvent extends infer E ? (E extends UpgradeKitEvent ? Omit<E, 'v' | 'id' | 'at' | 'customerId' | 'mrr' | 'sdkVersion'> : never) : never;
  const emit = (fields: EventFields) => {
    if (!sinks.length) return;
    const now = platform.now();
    const { customer } = store.getState();
    const event = {
      v: 1,
      id: createEventId(now, platform.random),
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
  const attribution = (now: number) => {
    const { touch } = store.getState();
    const window = durationToMs(config.policy.attributionWindow ?? '7d');
    return touch && now - touch.at <= window ? { triggerId: touch.triggerId, variant: touch.variant } : {};
  };

  // ---- evaluation -------------------------------------------------------------
  const variants = new Map<string, string>();
  const variantOf = (trigger: Trigger) => {
    const id = store.getState().customer.id;
    const key = `${id}:${trigger.id}`;
    let variant = variants.get(key);
    if (variant === undefined) variants.set(key, (variant = assignVariant(trigger, id)));
    return variant;
  };
  const contextFor = (state: Pick<UpgradeKitState, 'customer' | 'signals' | 'activated'>, now: number): EvaluationContext => {
    const measured = new Map<string, CheckResult>();
    const measure = (featureId: string) => {
      let result = measured.get(featureId);
      if (!result) measured.set(featureId, (result = check(config, state.customer, featureId, { now, requested: 0, upgrade: false })));
      return result;
    };
    return {
      now,
      plan: state.customer.plan,
      attributes: state.customer.attributes,
      usage: measure,
      count(kind, name, windowMs) {
        const key = `${kind}:${name}`;
        return countWithin(state.signals[key], now, windowMs, windows.get(key)?.bucketMs);
      },
      trialState: (target) => trialStatus(config, state.customer, target, now).state,
      activated: () => state.activated,
      projectedUsage(featureId) {
        const feature = config.features[featureId];
        if (feature?.type !== 'metered') return null;
        return projectUsage(measure(featureId).usage, periodAt(feature.reset ?? 'month', state.customer.periodStart, now), now);
      },
    };
  };

  /**
   * Applies a change and re-evaluates only the triggers that read what changed
   * (`'all'` for everything), in one store update. Emits `trigger.fired` (and
   * `prompt.held_out` for the holdout) when a trigger starts to hold.
   */
  const commit = (patch: Partial<UpgradeKitState>, changed: string[] | 'all', onlyIfChanged = false) => {
    const now = platform.now();
    const next = { ...store.getState(), ...patch };
    const all = changed === 'all';
    const keys = all ? [] : [...changed];
    if (all || keys.some((key) => activationDeps.has(key))) {
      const activation = config.policy.activation;
      next.activated =
        next.customer.activated ?? (activation ? evaluateCondition(activation, contextFor({ ...next, activated: false }, now)) : true);
    }
    const previous = store.getState();
    const affected = new Set<Trigger>(all ? config.triggers : []);
    if (!all) {
      if (next.activated !== previous.activated) keys.push('activated');
      for (const key of keys) dependents.get(key)?.forEach((trigger) => affected.add(trigger));
    }
    const newlyFired: Trigger[] = [];
    if (affected.size) {
      const context = contextFor(next, now);
      let fired: Set<string> | undefined;
      for (const trigger of affected) {
        options.onEvaluate?.(trigger.id);
        const holds = evaluateCondition(trigger.when, context);
        if (holds === next.fired.has(trigger.id)) continue;
        fired ??= new Set(next.fired);
        if (holds) {
          fired.add(trigger.id);
          newlyFired.push(trigger);
        } else {
          fired.delete(trigger.id);
        }
      }
      if (fired) next.fired = fired;
    }
    if (onlyIfChanged && next.fired === previous.fired && next.activated === previous.activated) return;
    store.setState(next, true);
    schedulePersist();
    for (const trigger of newlyFired) {
      const variant = variantOf(trigger);
      emit({ type: 'trigger.fired', triggerId: trigger.id, variant });
      if (variant === HOLDOUT) emit({ type: 'prompt.held_out', triggerId: trigger.id, variant });
    }
  };

  // ---- tabs -------------------------------------------------------------------
  const channel: TabChannel | null = platform.openChannel(`upgradekit:${customer.id}`);
  const post = (message: TabMessage) => {
    try {
      channel?.post(message);
    } catch (error) {
      warn(`could not reach other tabs: ${String(error)}`);
    }
  };
  const recordSignal = (key: string, at: number): Record<string, Counter> => {
    const { signals } = store.getState();
    const window = windows.get(key);
    // Keys no condition reads with a window only need their all-time total.
    const counter = window ? increment(signals[key] ?? EMPTY_COUNTER, at, window.bucketMs, window.keepMs) : { total: (signals[key]?.total ?? 0) + 1, buckets: [] };
    return { ...signals, [key]: counter };
  };
  /** Adds usage in the period that contains `at`; returns the new usage. */
  const applyTrack = (featureId: string, amount: number, at: number): number => {
    const feature = config.features[featureId];
    const { customer } = store.getState();
    if (!feature || !Number.isFinite(amount)) return 0;
    const entry = customer.usage[featureId];
    const start = feature.type === 'metered' ? periodAt(feature.reset ?? 'month', customer.periodStart, at).start : -Infinity;
    const current = entry && entry.asOf >= start ? entry.value : 0;
    const next: UsageEntry = { value: Math.max(0, current + amount), asOf: Math.max(at, entry?.asOf ?? at) };
    commit({ customer: { ...customer, usage: { ...customer.usage, [featureId]: next } } }, [`usage:${featureId}`]);
    return next.value;
  };
  const unsubscribeChannel = channel?.subscribe((raw) => {
    const message = raw as TabMessage;
    const state = store.getState();
    if (!message || message.customerId !== state.customer.id) return;
    if (message.op === 'track') {
      // The amount, not the total, crosses tabs, so tracking in two tabs at once adds up.
      applyTrack(message.feature, message.amount, message.at);
    } else if (message.op === 'signal') {
      commit({ signals: recordSignal(message.key, message.at) }, [message.key]);
    } else if (message.op === 'prompt') {
      commit(
        {
          history: { ...state.history, [message.triggerId]: message.history },
          ...(message.interrupt !== undefined && { interrupts: [...state.interrupts, message.interrupt] }),
          ...(message.touch && { touch: message.touch }),
        },
        [],
      );
    } else if (message.op === 'trials') {
      commit({ customer: { ...state.customer, trials: message.trials } }, ['trial']);
      scheduleTrialEnd();
    }
  });

  // ---- timers: clock-driven conditions and trial ends ---------------------------
  let tickHandle: unknown;
  const tick = () => {
    tickHandle = platform.setTimeout(tick, tickMs);
    const before = store.getState();
    const prompts = promptCache.get('')?.result;
    commit({}, ['time'], true);
    // A snooze or cool-down that ran out changes what shows without changing state: tell subscribers.
    if (store.getState() === before && kit.getPrompts() !== prompts) store.setState({ ...before }, true);
  };
  if (config.triggers.length) tickHandle = platform.setTimeout(tick, tickMs);

  let trialHandle: unknown;
  const scheduleTrialEnd = () => {
    platform.clearTimeout(trialHandle);
    const now = platform.now();
    let next = Infinity;
    for (const trial of store.getState().customer.trials) {
      if (trial.endsAt <= now && !ended.has(trialKey(trial))) {
        ended.add(trialKey(trial));
        emit({ type: 'trial.ended', ...(trial.feature !== undefined ? { feature: trial.feature } : { plan: trial.plan! }) });
      } else if (trial.endsAt > now) {
        next = Math.min(next, trial.endsAt);
      }
    }
    // A new state object makes every subscriber re-read its checks at the exact end time.
    if (Number.isFinite(next)) trialHandle = platform.setTimeout(() => (commit({}, ['trial']), scheduleTrialEnd()), next - now);
  };

  const unsubscribeHide = platform.onHide(() => writeQueued && persist());

  // ---- memoised reads -----------------------------------------------------------
  const checkCache = new Map<string, { inputs: unknown[]; until: number; result: CheckResult }>();
  const inputsOf = (customer: Customer, featureId: string) => [
    customer.plan,
    customer.addOns,
    customer.trials,
    customer.periodStart,
    customer.usage[featureId],
  ];
  const promptCache = new Map<string, { state: UpgradeKitState; tickIndex: number; result: ActivePrompt[] }>();
  const trialCache = new Map<string, TrialStatus>();

  const kit: UpgradeKit<C> = {
    config,
    platform,
    check(featureId, { attempt, ...checkOptions } = {}) {
      const now = platform.now();
      const { customer } = store.getState();
      let result: CheckResult;
      if (checkOptions.requested !== undefined) {
        result = check(config, customer, featureId, { ...checkOptions, now });
      } else {
        // A result depends on the plan, add-ons, trials and this feature's usage only, so
        // tracking one feature leaves every other feature's result (and its identity) untouched.
        const inputs = inputsOf(customer, featureId);
        const hit = checkCache.get(featureId);
        if (hit && now < hit.until && hit.inputs.every((input, index) => input === inputs[index])) {
          result = hit.result;
        } else {
          result = check(config, customer, featureId, { now });
          checkCache.set(featureId, { inputs, until: validUntil(customer, result, now), result });
        }
      }
      if (attempt && !result.allowed) kit.recordGateHit(featureId);
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
      const usage = applyTrack(featureId, amount, now);
      emit({ type: 'usage.tracked', feature: featureId, amount, usage });
      post({ customerId: store.getState().customer.id, op: 'track', feature: featureId, amount, at: now });
    },
    recordGateHit(featureId) {
      if (!config.features[featureId]) {
        warn(`recordGateHit("${featureId}") ignored: unknown feature`);
        return;
      }
      const now = platform.now();
      const key = `gate:${featureId}`;
      commit({ signals: recordSignal(key, now) }, [key]);
      emit({ type: 'gate.hit', feature: featureId });
      post({ customerId: store.getState().customer.id, op: 'signal', key, at: now });
    },
    recordEvent(name) {
      if (typeof name !== 'string' || !name) {
        warn(`recordEvent(${JSON.stringify(name)}) ignored: the event name must be a non-empty string`);
        return;
      }
      const now = platform.now();
      const key = `event:${name}`;
      commit({ signals: recordSignal(key, now) }, [key]);
      post({ customerId: store.getState().customer.id, op: 'signal', key, at: now });
    },
    setCustomer(input) {
      const previous = store.getState().customer;
      const next = load(input);
      // Trials started here and not yet known to the server stay until it reports them.
      const known = new Set(next.trials.map(trialKey));
      const pending = previous.id === next.id ? previous.trials.filter((trial) => !known.has(trialKey(trial)) && trial.endsAt > platform.now()) : [];
      if (pending.length) next.trials = [...next.trials, ...pending];
      const mrrDelta = mrrOf(config, next.plan, next.addOns) - mrrOf(config, previous.plan, previous.addOns);
      const changedPlan = previous.id === next.id && (previous.plan !== next.plan || mrrDelta !== 0);
      if (changedPlan) {
        emit({ type: 'upgrade.completed', fromPlan: previous.plan, toPlan: next.plan, addOns: next.addOns, mrrDelta, ...attribution(platform.now()) });
      }
      commit({ customer: next, ...(changedPlan && { touch: null }) }, 'all');
      scheduleTrialEnd();
    },
    startTrial(target) {
      const now = platform.now();
      const state = store.getState();
      const result = trialEligibility(config, state.customer, target, now);
      if (!result.ok) return result;
      // Eligibility found an offer, so exactly one of feature and plan is set.
      const what = target.feature !== undefined ? { feature: target.feature } : { plan: target.plan! };
      const trial: CustomerTrial = { ...what, startedAt: now, endsAt: result.endsAt };
      const trials = [...state.customer.trials, trial];
      commit({ customer: { ...state.customer, trials } }, ['trial']);
      emit({ type: 'trial.started', ...what, endsAt: result.endsAt, ...attribution(now) });
      post({ customerId: state.customer.id, op: 'trials', trials });
      scheduleTrialEnd();
      return result;
    },
    getTrial(target) {
      const key = `${target.feature ?? ''}/${target.plan ?? ''}`;
      const next = trialStatus(config, store.getState().customer, target, platform.now());
      const previous = trialCache.get(key);
      if (previous && previous.state === next.state && previous.endsAt === next.endsAt && previous.daysLeft === next.daysLeft) return previous;
      trialCache.set(key, next);
      return next;
    },
    getPrompts(placement) {
      const state = store.getState();
      const now = platform.now();
      const key = placement ?? '';
      const tickIndex = Math.floor(now / tickMs);
      const cached = promptCache.get(key);
      if (cached && cached.state === state && cached.tickIndex === tickIndex) return cached.result;
      const result = selectPrompts({ config, now, fired: state.fired, variantOf, history: state.history, interrupts: state.interrupts, open: state.open, activated: state.activated })
        .filter(({ trigger }) => placement === undefined || trigger.prompt.placement === undefined || trigger.prompt.placement === placement)
        .map(({ trigger, variant }) => toActivePrompt(config, trigger, variant, (featureId) => kit.check(featureId as FeatureId<C>), state.customer));
      const same = cached && cached.result.length === result.length && cached.result.every((prompt, index) => samePrompt(prompt, result[index]!));
      promptCache.set(key, { state, tickIndex, result: same ? cached.result : result });
      return same ? cached.result : result;
    },
    markShown(triggerId) {
      const trigger = triggersById.get(triggerId);
      const state = store.getState();
      if (!trigger) return warn(`markShown("${triggerId}") ignored: unknown trigger`);
      if (state.open.has(triggerId)) return;
      const now = platform.now();
      const past = state.history[triggerId];
      const history: PromptHistory = { ...past, impressions: (past?.impressions ?? 0) + 1, lastShownAt: now };
      const interrupts = trigger.prompt.kind === 'modal' || trigger.prompt.kind === 'trial';
      const variant = variantOf(trigger);
      const touch = { triggerId, variant, at: now };
      commit(
        {
          history: { ...state.history, [triggerId]: history },
          open: new Set(state.open).add(triggerId),
          touch,
          ...(interrupts && { interrupts: [...state.interrupts.filter((at) => at > now - WEEK), now] }),
        },
        [],
      );
      emit({ type: 'prompt.shown', triggerId, variant, kind: trigger.prompt.kind, ...(trigger.prompt.placement !== undefined && { placement: trigger.prompt.placement }) });
      post({ customerId: state.customer.id, op: 'prompt', triggerId, history, touch, ...(interrupts && { interrupt: now }) });
    },
    markClicked(triggerId, cta) {
      const trigger = triggersById.get(triggerId);
      if (!trigger) return warn(`markClicked("${triggerId}") ignored: unknown trigger`);
      const state = store.getState();
      const now = platform.now();
      const variant = variantOf(trigger);
      const open = new Set(state.open);
      open.delete(triggerId);
      commit({ open, touch: { triggerId, variant, at: now } }, []);
      emit({ type: 'prompt.clicked', triggerId, variant, cta: cta ?? trigger.prompt.cta ?? 'upgrade' });
    },
    markDismissed(triggerId, reason, dismissOptions = {}) {
      const trigger = triggersById.get(triggerId);
      if (!trigger) return warn(`markDismissed("${triggerId}") ignored: unknown trigger`);
      const state = store.getState();
      const now = platform.now();
      const past = state.history[triggerId];
      const history: PromptHistory = {
        ...past,
        impressions: past?.impressions ?? 0,
        snoozedUntil: now + durationToMs(trigger.snooze ?? config.policy.snooze ?? '3d'),
        ...(dismissOptions.forever && { dismissedForever: true }),
      };
      const open = new Set(state.open);
      open.delete(triggerId);
      commit({ history: { ...state.history, [triggerId]: history }, open }, []);
      emit({
        type: 'prompt.dismissed',
        triggerId,
        variant: variantOf(trigger),
        ...(reason !== undefined && { reason }),
        ...(dismissOptions.forever && { forever: true }),
      });
      post({ customerId: state.customer.id, op: 'prompt', triggerId, history });
    },
    explain(triggerId) {
      const trigger = triggersById.get(triggerId);
      const state = store.getState();
      if (!trigger) {
        warn(`explain("${triggerId}"): unknown trigger (defined: ${config.triggers.map((known) => known.id).join(', ') || 'none'})`);
        return { triggerId, variant: '', fired: false, explain: [], status: 'not_fired' };
      }
      const evaluation = evaluate(trigger.when, contextFor(state, platform.now()));
      const variant = variantOf(trigger);
      const shown = kit.getPrompts().some((prompt) => prompt.triggerId === triggerId);
      const status = !evaluation.fired ? 'not_fired' : variant === HOLDOUT ? 'held_out' : shown ? 'shown' : 'suppressed';
      return { triggerId, variant, ...evaluation, status };
    },
    recordUpgrade({ toPlan, addOns }) {
      const state = store.getState();
      if (!config.plans.some((plan) => plan.id === toPlan)) {
        warn(`recordUpgrade ignored: plan "${toPlan}" is not defined (defined: ${config.plans.map((plan) => plan.id).join(', ')})`);
        return;
      }
      const nextAddOns = addOns ? addOns.map((addOn) => ({ id: addOn.id, quantity: addOn.quantity ?? 1 })) : state.customer.addOns;
      const mrrDelta = mrrOf(config, toPlan, nextAddOns) - mrrOf(config, state.customer.plan, state.customer.addOns);
      emit({ type: 'upgrade.completed', fromPlan: state.customer.plan, toPlan, addOns: nextAddOns, mrrDelta, ...attribution(platform.now()) });
      // Credit goes to one conversion only.
      commit({ customer: { ...state.customer, plan: toPlan, addOns: nextAddOns }, touch: null }, 'all');
    },
    checkoutContext() {
      const state = store.getState();
      return encodeCheckoutToken(state.customer.id, state.touch);
    },
    resume(token) {
      const decoded = typeof token === 'string' ? decodeCheckoutToken(token) : null;
      const state = store.getState();
      if (!decoded || decoded.customerId !== state.customer.id) {
        warn('resume() ignored: the checkout token is malformed or belongs to another customer');
        return false;
      }
      if (decoded.touch && (!state.touch || decoded.touch.at > state.touch.at)) commit({ touch: decoded.touch }, []);
      return true;
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
      if (writeQueued) persist();
      platform.clearTimeout(tickHandle);
      platform.clearTimeout(trialHandle);
      unsubscribeHide();
      unsubscribeChannel?.();
      channel?.close();
      checkCache.clear();
      promptCache.clear();
    },
  };

  commit({}, 'all');
  scheduleTrialEnd();
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

function samePrompt(a: ActivePrompt, b: ActivePrompt): boolean {
  return a.triggerId === b.triggerId && a.variant === b.variant && a.upgrade === b.upgrade && a.plan === b.plan;
}

function isUsageEntry(value: unknown): value is UsageEntry {
  const entry = value as UsageEntry | null;
  return typeof entry === 'object' && entry !== null && Number.isFinite(entry.value) && entry.value >= 0 && Number.isFinite(entry.asOf);
}

const isRecord = (value: unknown): value is Record<string, never> => typeof value === 'object' && value !== null && !Array.isArray(value);
