import { createStore, type StoreApi } from 'zustand/vanilla';
import { quote } from '../config/messages.js';
import type { KitCore } from '../client/kitCore.js';
import type { Trigger } from '../config/schema.js';
import { durationToMs } from '../utils/duration.js';
import { HOUR, MINUTE } from '../utils/time.js';
import { signalWindows } from '../signals/windows.js';
import { createGovernance } from './governance.js';
import { assignVariant } from './experiment.js';
import { createFiringReporter } from './firings.js';
import { createLeadership } from './leadership.js';
import { promptLifecycle } from './lifecycle.js';
import { createPromptSelection } from './selection.js';
import { createTriggerEvaluator } from './triggerEvaluation.js';
import { explainTrigger } from './explain.js';
import { touchMethods } from './touches.js';
import type { PromptEngine, PromptEngineOptions, PromptState } from './types.js';

export type { PromptEngine, PromptEngineOptions, PromptState, TriggerExplanation } from './types.js';

/** What a clock tick changes. */
const TIME = ['time'] as const;

/** A trigger by id, or `undefined` with a development warning naming the call and what is defined. */
function knownTrigger(kit: KitCore, triggers: ReadonlyMap<string, Trigger>) {
  return (triggerId: string, action: string) => {
    const trigger = typeof triggerId === 'string' ? triggers.get(triggerId) : undefined;
    if (!trigger && process.env.NODE_ENV !== 'production') {
      kit.warn(`${action}(${quote(triggerId)}) ignored: unknown trigger (defined: ${[...triggers.keys()].join(', ') || 'none'})`);
    }
    return trigger;
  };
}

/**
 * Windows, cool-downs and snoozes are re-checked on a clock tick: a 168th of the
 * shortest of them (an hour for a week), between a minute and an hour.
 */
function tickLength(kit: KitCore): number {
  const spans = [...signalWindows(kit.config).values()].map((window) => window.keepMs);
  for (const trigger of kit.config.triggers) spans.push(durationToMs(trigger.cooldown ?? '1w'), durationToMs(trigger.snooze ?? '1w'));
  return Math.min(HOUR, Math.max(MINUTE, Math.min(...spans, durationToMs(kit.config.policy.snooze ?? '1w')) / 168));
}

/**
 * The triggers and the arbiter over a client: evaluates conditions as the
 * client's state changes (only the triggers that read what changed), emits
 * `trigger.fired` and `prompt.held_out`, and governs what is shown. Pass it to
 * the client: `createUpgradeKit({ ..., prompts: createPromptEngine })`.
 */
export function createPromptEngine(kit: KitCore, options: PromptEngineOptions = {}): PromptEngine {
  /** When this tab showed each interrupting prompt it has open. */
  const shownAt = new Map<string, number>();
  // Two tabs that showed the same interrupting prompt at once: the earlier keeps it (ties: by tab id),
  // and the other closes it, so governance (caps, cool-downs, max impressions) holds across tabs.
  const governance = createGovernance(kit, (triggerId, at, tab) => {
    const mine = shownAt.get(triggerId);
    const { open } = store.getState();
    if (mine === undefined || !open.has(triggerId) || mine < at || (mine === at && governance.tab < tab)) return;
    shownAt.delete(triggerId);
    engine.markHidden(triggerId);
  });
  const store = createStore<PromptState>()(() => ({ ...governance.store.getState(), fired: new Set(), open: new Set(), activated: true }));
  const unsubscribeGovernance = governance.store.subscribe((state) => store.setState(state));
  const variants = new Map<string, string>();
  const variantOf = (trigger: Trigger) => {
    let variant = variants.get(trigger.id);
    if (variant === undefined) variants.set(trigger.id, (variant = assignVariant(trigger, kit.getSnapshot().customer.id)));
    return variant;
  };
  const leadership = createLeadership(kit.platform.locks, () => report(store.getState().fired));
  const report = createFiringReporter(kit, governance, variantOf, leadership.leading);
  const reevaluate = (changed: readonly string[] | 'all') => {
    const previous = store.getState();
    const { fired, activated } = config.evaluate(changed, previous);
    if (fired !== previous.fired || activated !== previous.activated) store.setState({ fired, activated });
    // Only a change can start or end a firing: the common track() that changes nothing costs nothing here.
    if (fired !== previous.fired || changed === 'all') report(fired);
  };
  const config = configParts(kit, store, variantOf, options, () => reevaluate(TIME));
  const unsubscribeKit = kit.onChange((keys) => {
    // A new config (a remote one swapped in): its triggers, read anew; prompts of triggers it dropped close.
    if (keys.includes('config')) {
      variants.clear();
      config.rebuild();
    }
    // A new customer has their own history, variants, prompts on screen and leading tab.
    const switched = keys.includes('*') && governance.follow();
    if (switched) {
      leadership.release();
      variants.clear();
      store.setState({ fired: new Set(), open: new Set() });
    }
    reevaluate(options.incremental === false || keys.includes('*') ? 'all' : keys);
    // Leading reports what the evaluation found: only once there is one.
    if (switched) leadership.follow(kit.getSnapshot().customer.id);
  });
  const known = (triggerId: string, action: string) => config.known(triggerId, action);
  const lifecycle = promptLifecycle({ kit, store, governance, known, variantOf, onInterrupt: (triggerId, at) => shownAt.set(triggerId, at) });

  const engine: PromptEngine = {
    getPrompts: (placement) => config.selection.getPrompts(placement),
    ...lifecycle,
    snoozedUntil: (key) => governance.store.getState().snoozes[key] ?? 0,
    explain(triggerId) {
      const trigger = known(triggerId, 'explain');
      if (!trigger) return { triggerId, variant: '', fired: false, explain: [], status: 'unknown_trigger', heldBack: null, summary: `No trigger "${triggerId}".` };
      const { activated, fired } = store.getState();
      return explainTrigger(kit, trigger, variantOf(trigger), activated, config.selection.arbitration, fired);
    },
    ...touchMethods(kit, store, governance),
    getSnapshot: store.getState,
    subscribe: store.subscribe,
    destroy() {
      config.stop();
      leadership.release();
      unsubscribeKit();
      unsubscribeGovernance();
      governance.destroy();
    },
  };
  reevaluate('all');
  leadership.follow(kit.getSnapshot().customer.id);
  return engine;
}

/**
 * What the engine derives from the config (triggers by id, their dependencies, the
 * selection and its clock tick), rebuilt when a new config is swapped in.
 */
function configParts(kit: KitCore, store: StoreApi<PromptState>, variantOf: (trigger: Trigger) => string, options: PromptEngineOptions, onTick: () => void) {
  const build = () => {
    const triggers = new Map(kit.config.triggers.map((trigger) => [trigger.id, trigger]));
    const selection = createPromptSelection(kit, store, variantOf, tickLength(kit));
    return { known: knownTrigger(kit, triggers), evaluate: createTriggerEvaluator(kit, options.onEvaluate), selection, stopTicking: selection.tick(onTick), triggers };
  };
  let parts = build();
  const stop = () => {
    parts.stopTicking();
    parts.selection.clear();
  };
  return {
    get known() {
      return parts.known;
    },
    get evaluate() {
      return parts.evaluate;
    },
    get selection() {
      return parts.selection;
    },
    rebuild() {
      stop();
      parts = build();
      const { open, fired } = store.getState();
      const kept = (ids: ReadonlySet<string>) => new Set([...ids].filter((id) => parts.triggers.has(id)));
      store.setState({ open: kept(open), fired: kept(fired) });
    },
    stop,
  };
}
