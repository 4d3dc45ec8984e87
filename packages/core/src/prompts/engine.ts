import { createStore } from 'zustand/vanilla';
import type { UpgradeKit, UpgradeKitState } from '../client.js';
import type { Cta, Trigger } from '../config/schema.js';
import type { DismissReason } from '../conversion/events.js';
import { check, type CheckResult } from '../entitlements/check.js';
import { periodAt } from '../entitlements/period.js';
import { trialStatus } from '../entitlements/trials.js';
import { countWithin } from '../signals/counter.js';
import { projectUsage } from '../signals/forecast.js';
import { signalWindows } from '../signals/windows.js';
import { dependencies, evaluate, evaluateCondition, type Evaluation, type EvaluationContext } from '../triggers/evaluate.js';
import { durationToMs } from '../utils/duration.js';
import { toActivePrompt, type ActivePrompt } from './activePrompt.js';
import { isInterrupting, selectPrompts, type PromptHistory } from './arbiter.js';
import { assignVariant, HOLDOUT } from './experiment.js';
import { findPromptEngine, registerPromptEngine } from './registry.js';
import { isRecord } from '../utils/isRecord.js';

/** The engine's state. Immutable, like the client's. */
export interface PromptState {
  /** Triggers whose condition holds now. */
  fired: ReadonlySet<string>;
  /** Impressions, snoozes and dismissals per trigger. Persisted and shared across tabs. */
  history: Readonly<Record<string, PromptHistory>>;
  /** When interrupting prompts were shown in the last week. */
  interrupts: readonly number[];
  /** Prompts on screen in this tab: they stay until clicked or dismissed. */
  open: ReadonlySet<string>;
  /** Whether interrupting prompts may show (see `policy.activation`). */
  activated: boolean;
}

/** A trigger's condition, leaf by leaf, and what governance does with it now. */
export interface TriggerExplanation extends Evaluation {
  triggerId: string;
  variant: string;
  /** `shown`: offered by `getPrompts()` now; otherwise why not (`no_engine`: asked through a client without one). */
  status: 'shown' | 'not_fired' | 'held_out' | 'suppressed' | 'unknown_trigger' | 'no_engine';
}

export interface PromptEngine {
  /** The prompts to show now, for a placement or anywhere; the same array while unchanged. */
  getPrompts(placement?: string): ActivePrompt[];
  /** Call once per display, when the prompt is actually visible. */
  markShown(triggerId: string): void;
  /** Call when a shown prompt leaves the screen without an answer (unmounted); its next display counts again. */
  markHidden(triggerId: string): void;
  markClicked(triggerId: string, cta?: Cta): void;
  /** Snoozes the prompt (the trigger's `snooze`, else `policy.snooze`, else 3 days), or hides it for good. */
  markDismissed(triggerId: string, reason?: DismissReason, options?: { forever?: boolean }): void;
  /** Why a trigger fires or not: each leaf's value against its threshold, and the arbiter's verdict. */
  explain(triggerId: string): TriggerExplanation;
  getSnapshot(): PromptState;
  subscribe(listener: (state: PromptState, previous: PromptState) => void): () => void;
  destroy(): void;
}

export interface PromptEngineOptions {
  /** Called each time a trigger's condition is evaluated; for tools and tests. Default: none. */
  onEvaluate?: (triggerId: string) => void;
  /**
   * Re-evaluate only the triggers that read what changed. Default: `true`;
   * `false` re-evaluates every trigger on every change (a baseline for benchmarks).
   */
  incremental?: boolean;
}

interface StoredPrompts {
  history?: Record<string, PromptHistory>;
  interrupts?: number[];
}

type TabMessage = { triggerId: string; history: PromptHistory; interrupt?: number };

const WEEK = 6048e5;

/**
 * The triggers and the arbiter over a client: evaluates conditions as the
 * client's state changes (only the triggers that read what changed), emits
 * `trigger.fired` and `prompt.held_out`, and governs what is shown.
 */
export function createPromptEngine(kit: UpgradeKit, options: PromptEngineOptions = {}): PromptEngine {
  const { config, platform, storage, warn } = kit;
  const existing = findPromptEngine(kit);
  if (existing) {
    // Two engines would double every event and fight over the screen.
    warn('createPromptEngine(): this client already has a prompt engine; returning it');
    return existing;
  }
  const triggers = new Map(config.triggers.map((trigger) => [trigger.id, trigger]));
  const windows = signalWindows(config);
  const dependents = new Map<string, Trigger[]>();
  for (const trigger of config.triggers) {
    for (const key of dependencies(trigger.when)) dependents.set(key, [...(dependents.get(key) ?? []), trigger]);
  }
  const activation = config.policy.activation;
  const activationDeps = activation ? dependencies(activation) : new Set<string>();
  // Windows, cool-downs and snoozes are re-checked on a clock tick: a 168th of the
  // shortest of them (an hour for a week), between a minute and an hour.
  const spans = [...windows.values()].map((window) => window.keepMs);
  for (const trigger of config.triggers) spans.push(durationToMs(trigger.cooldown ?? '1w'), durationToMs(trigger.snooze ?? '1w'));
  const tickMs = Math.min(36e5, Math.max(6e4, Math.min(...spans, durationToMs(config.policy.snooze ?? '1w')) / 168));

  const customerId = kit.getSnapshot().customer.id;
  const key = `prompts:${customerId}`;
  const stored = storage.read<StoredPrompts>(key);
  const store = createStore<PromptState>()(() => ({
    fired: new Set<string>(),
    history: isRecord(stored?.history) ? (stored.history as Record<string, PromptHistory>) : {},
    interrupts: Array.isArray(stored?.interrupts) ? stored.interrupts : [],
    open: new Set<string>(),
    activated: true,
  }));
  const save = () => {
    const { history, interrupts } = store.getState();
    storage.write(key, { history, interrupts: [...interrupts] } satisfies StoredPrompts);
  };

  const variants = new Map<string, string>();
  const variantOf = (trigger: Trigger) => {
    let variant = variants.get(trigger.id);
    if (variant === undefined) variants.set(trigger.id, (variant = assignVariant(trigger, customerId)));
    return variant;
  };

  const contextFor = (state: UpgradeKitState, activated: boolean, now: number): EvaluationContext => {
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
      count: (kind, name, windowMs) => countWithin(state.signals[`${kind}:${name}`], now, windowMs, windows.get(`${kind}:${name}`)?.bucketMs),
      trialState: (target) => trialStatus(config, state.customer, target, now).state,
      activated: () => activated,
      projectedUsage(featureId) {
        const feature = config.features[featureId];
        if (feature?.type !== 'metered') return null;
        return projectUsage(measure(featureId).usage, periodAt(feature.reset ?? 'month', state.customer.periodStart, now), now);
      },
    };
  };

  /**
   * Re-evaluates the triggers that read any of `changed` (every trigger for
   * `'all'`). Emits `trigger.fired` (and `prompt.held_out` for the holdout)
   * when a trigger starts to hold.
   */
  const reevaluate = (changed: Set<string> | 'all') => {
    const now = platform.now();
    const state = kit.getSnapshot();
    const previous = store.getState();
    const all = changed === 'all';
    let activated = previous.activated;
    if (all || [...activationDeps].some((dep) => changed.has(dep))) {
      activated = state.customer.activated ?? (activation ? evaluateCondition(activation, contextFor(state, false, now)) : true);
    }
    const affected = new Set<Trigger>(all ? config.triggers : []);
    if (!all) {
      if (activated !== previous.activated) changed.add('activated');
      for (const dep of changed) dependents.get(dep)?.forEach((trigger) => affected.add(trigger));
    }
    let fired: Set<string> | undefined;
    const newlyFired: Trigger[] = [];
    if (affected.size) {
      const context = contextFor(state, activated, now);
      for (const trigger of affected) {
        options.onEvaluate?.(trigger.id);
        const holds = evaluateCondition(trigger.when, context);
        if (holds === previous.fired.has(trigger.id)) continue;
        fired ??= new Set(previous.fired);
        if (holds) {
          fired.add(trigger.id);
          newlyFired.push(trigger);
        } else {
          fired.delete(trigger.id);
        }
      }
    }
    if (fired || activated !== previous.activated) store.setState({ fired: fired ?? previous.fired, activated });
    for (const trigger of newlyFired) {
      const variant = variantOf(trigger);
      kit.emit({ type: 'trigger.fired', triggerId: trigger.id, variant });
      if (variant === HOLDOUT) kit.emit({ type: 'prompt.held_out', triggerId: trigger.id, variant });
    }
  };

  const stopWithKit = kit.onDestroy(() => engine.destroy());
  // The client says what changed; a new customer (`*`) re-evaluates everything.
  const unsubscribeKit = kit.onChange((keys) => {
    reevaluate(options.incremental === false || keys.includes('*') ? 'all' : new Set(keys));
  });

  const channel = platform.openChannel(`upgradekit:prompts:${customerId}`);
  const unsubscribeChannel = channel?.subscribe((raw) => {
    const message = raw as TabMessage;
    if (!message?.triggerId || !isRecord(message.history)) return;
    const state = store.getState();
    store.setState({
      history: { ...state.history, [message.triggerId]: message.history },
      ...(typeof message.interrupt === 'number' && { interrupts: [...state.interrupts, message.interrupt] }),
    });
    save();
  });
  const record = (triggerId: string, history: PromptHistory, patch: Partial<PromptState>, interrupt?: number) => {
    store.setState({ ...patch, history: { ...store.getState().history, [triggerId]: history } });
    save();
    try {
      channel?.post({ triggerId, history, ...(interrupt !== undefined && { interrupt }) } satisfies TabMessage);
    } catch (error) {
      warn(`could not reach other tabs: ${String(error)}`);
    }
  };
  const closed = (triggerId: string) => {
    const open = new Set(store.getState().open);
    open.delete(triggerId);
    return open;
  };
  const known = (triggerId: string, action: string) => {
    const trigger = triggers.get(triggerId);
    if (!trigger) warn(`${action}("${triggerId}") ignored: unknown trigger (defined: ${[...triggers.keys()].join(', ') || 'none'})`);
    return trigger;
  };

  const cache = new Map<string, { kitState: UpgradeKitState; state: PromptState; tick: number; result: ActivePrompt[] }>();
  let tickTimer: unknown;
  const tick = () => {
    tickTimer = platform.setTimeout(tick, tickMs);
    const before = store.getState();
    const prompts = cache.get('')?.result;
    reevaluate(new Set(['time']));
    // A snooze or cool-down that ran out changes what shows without changing state: tell subscribers.
    if (store.getState() === before && engine.getPrompts() !== prompts) store.setState({ ...before }, true);
  };
  if (config.triggers.length) tickTimer = platform.setTimeout(tick, tickMs);

  const engine: PromptEngine = {
    getPrompts(placement) {
      const kitState = kit.getSnapshot();
      const state = store.getState();
      const now = platform.now();
      const slot = Math.floor(now / tickMs);
      const cached = cache.get(placement ?? '');
      if (cached && cached.kitState === kitState && cached.state === state && cached.tick === slot) return cached.result;
      const result = selectPrompts({ config, now, variantOf, ...state })
        .filter(({ trigger }) => placement === undefined || trigger.prompt.placement === undefined || trigger.prompt.placement === placement)
        .map(({ trigger, variant }) => toActivePrompt(config, trigger, variant, (featureId) => kit.check(featureId), kitState.customer));
      // Equal content keeps the previous array, so subscribers that compare by identity stay still.
      const same =
        cached?.result.length === result.length &&
        cached.result.every((prompt, index) => prompt.triggerId === result[index]!.triggerId && prompt.upgrade === result[index]!.upgrade);
      const kept = same ? cached.result : result;
      cache.set(placement ?? '', { kitState, state, tick: slot, result: kept });
      return kept;
    },
    markShown(triggerId) {
      const trigger = known(triggerId, 'markShown');
      const state = store.getState();
      if (!trigger || state.open.has(triggerId)) return;
      const now = platform.now();
      const past = state.history[triggerId];
      const interrupt = isInterrupting(trigger.prompt.kind) ? now : undefined;
      record(
        triggerId,
        { ...past, impressions: (past?.impressions ?? 0) + 1, lastShownAt: now },
        {
          open: new Set(state.open).add(triggerId),
          ...(interrupt && { interrupts: [...state.interrupts.filter((at) => at > now - WEEK), now] }),
        },
        interrupt,
      );
      const variant = variantOf(trigger);
      kit.touch(triggerId, variant);
      kit.emit({ type: 'prompt.shown', triggerId, variant, kind: trigger.prompt.kind, ...(trigger.prompt.placement !== undefined && { placement: trigger.prompt.placement }) });
    },
    markHidden(triggerId) {
      if (store.getState().open.has(triggerId)) store.setState({ open: closed(triggerId) });
    },
    markClicked(triggerId, cta) {
      const trigger = known(triggerId, 'markClicked');
      if (!trigger) return;
      const variant = variantOf(trigger);
      store.setState({ open: closed(triggerId) });
      kit.touch(triggerId, variant);
      kit.emit({ type: 'prompt.clicked', triggerId, variant, cta: cta ?? trigger.prompt.cta ?? 'upgrade' });
    },
    markDismissed(triggerId, reason, { forever } = {}) {
      const trigger = known(triggerId, 'markDismissed');
      if (!trigger) return;
      const past = store.getState().history[triggerId];
      record(
        triggerId,
        {
          ...past,
          impressions: past?.impressions ?? 0,
          snoozedUntil: platform.now() + durationToMs(trigger.snooze ?? config.policy.snooze ?? '3d'),
          ...(forever && { dismissedForever: true }),
        },
        { open: closed(triggerId) },
      );
      kit.emit({ type: 'prompt.dismissed', triggerId, variant: variantOf(trigger), ...(reason && { reason }), ...(forever && { forever }) });
    },
    explain(triggerId) {
      const trigger = known(triggerId, 'explain');
      if (!trigger) return { triggerId, variant: '', fired: false, explain: [], status: 'unknown_trigger' };
      const evaluation = evaluate(trigger.when, contextFor(kit.getSnapshot(), store.getState().activated, platform.now()));
      const variant = variantOf(trigger);
      const status = !evaluation.fired
        ? 'not_fired'
        : variant === HOLDOUT
          ? 'held_out'
          : engine.getPrompts().some((prompt) => prompt.triggerId === triggerId)
            ? 'shown'
            : 'suppressed';
      return { triggerId, variant, ...evaluation, status };
    },
    getSnapshot: store.getState,
    subscribe: store.subscribe,
    destroy() {
      platform.clearTimeout(tickTimer);
      stopWithKit();
      unsubscribeKit();
      unsubscribeChannel?.();
      channel?.close();
      cache.clear();
      if (findPromptEngine(kit) === engine) registerPromptEngine(kit, undefined);
    },
  };
  registerPromptEngine(kit, engine);
  reevaluate('all');
  return engine;
}

/** The one prompt engine of a client, created on first use (what UI layers call). */
export function getPromptEngine(kit: UpgradeKit): PromptEngine {
  return findPromptEngine(kit) ?? createPromptEngine(kit);
}
