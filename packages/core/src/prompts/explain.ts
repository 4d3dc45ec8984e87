import type { KitCore } from '../client/kitCore.js';
import { DEFAULT_CAPS } from '../config/policy.js';
import type { Config, Trigger } from '../config/schema.js';
import { signalWindows } from '../signals/windows.js';
import { evaluate } from '../triggers/evaluate.js';
import type { Arbitration, Hold } from './arbiter.js';
import type { TriggerExplanation } from './types.js';
import { evaluationContext } from './triggerEvaluation.js';

/** A moment in UTC, as a log line would print it: `2026-03-04 12:00 UTC`. */
const moment = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The rule that holds a prompt back, as a sentence a PM can act on. */
export function holdText(hold: Hold, trigger: Trigger, config: Config): string {
  const until = hold.until === null ? '' : ` until ${moment(hold.until)}`;
  const caps = config.policy.caps;
  switch (hold.rule) {
    case 'holdout':
      return 'this customer is in the holdout group, who see nothing so that lift can be measured';
    case 'dismissed':
      return 'the customer chose "Don\'t show again"';
    case 'snoozed':
      return `snoozed after a dismissal${until}`;
    case 'max_impressions':
      return `shown ${plural(trigger.maxImpressions ?? 0, 'time')} already, its maximum`;
    case 'cooldown':
      return `cooling down${until} (${trigger.cooldown} between impressions)`;
    case 'not_activated':
      return 'waiting for the customer to be activated (no interrupting prompt before)';
    case 'daily_cap':
      return `the cap of ${plural(caps?.perDay ?? DEFAULT_CAPS.perDay, 'interrupting prompt')} a day is reached${until}`;
    case 'weekly_cap':
      return `the cap of ${plural(caps?.perWeek ?? DEFAULT_CAPS.perWeek, 'interrupting prompt')} a week is reached${until}`;
    case 'one_at_a_time':
      return `one interrupting prompt at a time, and "${hold.by}" comes first`;
    default:
      return 'waiting for the page to be visible';
  }
}

/**
 * A trigger's condition leaf by leaf, and what governance does with it now: shown,
 * held out, or held back by a named rule until a given time, each in a sentence.
 * The verdict is the arbiter's over the condition as it holds at this moment.
 */
export function explainTrigger(kit: KitCore, trigger: Trigger, variant: string, activated: boolean, arbitration: (fired: ReadonlySet<string> | undefined) => Arbitration, fired: ReadonlySet<string>): TriggerExplanation {
  const { config } = kit;
  const context = evaluationContext(config, signalWindows(config), kit.getSnapshot(), activated, kit.platform.now());
  const evaluation = evaluate(trigger.when, context);
  const base = { triggerId: trigger.id, variant, ...evaluation };
  if (!evaluation.fired) {
    const unmet = evaluation.explain.filter((leaf) => !leaf.satisfied).length;
    return { ...base, status: 'not_fired', heldBack: null, summary: `Not fired: ${unmet} of ${plural(evaluation.explain.length, 'condition')} not met.` };
  }
  // The arbiter over what holds now: a clock tick may not have re-evaluated the trigger yet.
  const verdict = arbitration(fired.has(trigger.id) ? undefined : new Set(fired).add(trigger.id));
  const hold = verdict.held.get(trigger.id);
  if (!hold) return { ...base, status: 'shown', heldBack: null, summary: `Fired: its ${trigger.prompt.kind} prompt is showing.` };
  const text = holdText(hold, trigger, config);
  const summary = `Fired, but held back: ${text}.`;
  return { ...base, status: hold.rule === 'holdout' ? 'held_out' : 'suppressed', heldBack: { ...hold, text }, summary };
}
