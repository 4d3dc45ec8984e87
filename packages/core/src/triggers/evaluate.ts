import type { Condition } from '../config/schema.js';
import type { Limit } from '../entitlements/upgradePath.js';
import { durationToMs } from '../utils/duration.js';

/** Trial state of a feature or plan, as conditions and `getTrial` see it. */
export type TrialState = 'active' | 'eligible' | 'expired' | 'unavailable';

/** What a condition can read. The client builds it over its state; tests build it by hand. */
export interface EvaluationContext {
  now: number;
  plan: string;
  attributes: Readonly<Record<string, string | number | boolean | null>>;
  /** Usage, limit and usage/limit of a feature now. */
  usage(featureId: string): { usage: number; limit: Limit; ratio: number };
  /** Gate hits (`gate`) or product events (`event`) within a window (all time when `undefined`). */
  count(kind: 'gate' | 'event', name: string, windowMs?: number): number;
  trialState(target: { feature?: string | undefined; plan?: string | undefined }): TrialState;
  activated(): boolean;
  /** Usage projected to the end of the period; `null` when there is too little history. */
  projectedUsage(featureId: string): number | null;
}

/** One leaf of a condition: what it saw against what it needs. */
export interface LeafExplanation {
  /** Where the leaf sits, e.g. `when.all[0].gateHits`. */
  path: string;
  leaf: keyof Condition;
  /** Whether the leaf itself holds (before any enclosing `not`). */
  held: boolean;
  /** Under an odd number of `not`s: the trigger needs this leaf *not* to hold. */
  negated: boolean;
  actual: string | number | boolean | null;
  expected: string;
  /** One readable line: `2 gate hits on pdfExport in 7d (needs at least 3)`. */
  text: string;
}

export interface Evaluation {
  fired: boolean;
  explain: LeafExplanation[];
}

const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;
const show = (value: unknown) => (typeof value === 'string' ? `"${value}"` : String(value));

/**
 * Evaluates a condition tree. With `explain`, every leaf is evaluated and
 * described (no short-circuit), so a PM sees all that held and all that did not.
 */
export function evaluateCondition(
  node: Condition,
  context: EvaluationContext,
  explain?: LeafExplanation[],
  path = 'when',
  negated = false,
): boolean {
  if (node.all || node.any) {
    const children = (node.all ?? node.any)!;
    const key = node.all ? 'all' : 'any';
    let result = key === 'all';
    for (let index = 0; index < children.length; index++) {
      const held = evaluateCondition(children[index]!, context, explain, `${path}.${key}[${index}]`, negated);
      if (key === 'all' ? !held : held) {
        result = !result;
        if (!explain) return result;
        // Keep walking for the explanation, but the answer is settled.
        for (let rest = index + 1; rest < children.length; rest++) evaluateCondition(children[rest]!, context, explain, `${path}.${key}[${rest}]`, negated);
        return result;
      }
    }
    return result;
  }
  if (node.not) return !evaluateCondition(node.not, context, explain, `${path}.not`, !negated);

  let leaf: keyof Condition;
  let held: boolean;
  let actual: LeafExplanation['actual'];
  let expected: string;
  let text: string;
  if (node.usage) {
    const { feature, atLeast, below } = node.usage;
    const { ratio } = context.usage(feature);
    leaf = 'usage';
    held = (atLeast === undefined || ratio >= atLeast) && (below === undefined || ratio < below);
    actual = ratio;
    expected = [atLeast !== undefined && `at least ${percent(atLeast)}`, below !== undefined && `below ${percent(below)}`].filter(Boolean).join(' and ');
    text = `${feature} usage is ${percent(ratio)} of the limit (needs ${expected})`;
  } else if (node.gateHits || node.event) {
    const gate = node.gateHits;
    const { atLeast, within } = gate ?? node.event!;
    const name = gate ? gate.feature : node.event!.name;
    const count = context.count(gate ? 'gate' : 'event', name, within === undefined ? undefined : durationToMs(within));
    leaf = gate ? 'gateHits' : 'event';
    held = count >= atLeast;
    actual = count;
    expected = `at least ${atLeast}`;
    const plural = count === 1 ? '' : 's';
    text = `${count} ${gate ? `gate hit${plural} on ${name}` : `"${name}" event${plural}`}${within ? ` in ${within}` : ''} (needs ${expected})`;
  } else if (node.plan) {
    const { in: allowed, notIn } = node.plan;
    leaf = 'plan';
    held = (!allowed || allowed.includes(context.plan)) && (!notIn || !notIn.includes(context.plan));
    actual = context.plan;
    expected = [allowed && `one of ${allowed.join(', ')}`, notIn && `none of ${notIn.join(', ')}`].filter(Boolean).join(' and ');
    text = `plan is ${context.plan || '(none)'} (needs ${expected})`;
  } else if (node.trial) {
    const state = context.trialState(node.trial);
    leaf = 'trial';
    held = state === node.trial.state;
    actual = state;
    expected = node.trial.state;
    text = `trial of ${node.trial.feature ?? node.trial.plan} is ${state} (needs ${expected})`;
  } else if (node.activated !== undefined) {
    const activated = context.activated();
    leaf = 'activated';
    held = activated === node.activated;
    actual = activated;
    expected = String(node.activated);
    text = `customer is ${activated ? '' : 'not '}activated (needs ${node.activated ? 'activated' : 'not activated'})`;
  } else if (node.forecast) {
    const { feature, exceedsBeforeReset } = node.forecast;
    const projected = context.projectedUsage(feature);
    const { limit } = context.usage(feature);
    const exceeds = projected !== null && limit !== 'unlimited' && projected > limit;
    leaf = 'forecast';
    held = exceeds === exceedsBeforeReset;
    actual = projected === null ? null : Math.round(projected);
    expected = exceedsBeforeReset ? `more than ${limit}` : `at most ${limit}`;
    text =
      projected === null
        ? `${feature} has too little history to project (needs a projection ${expected} by reset)`
        : `${feature} is projected at ${Math.round(projected)} by reset (needs ${expected})`;
  } else {
    const { key, equals, in: options } = node.attribute!;
    const value = context.attributes[key];
    leaf = 'attribute';
    held = value !== undefined && (equals === undefined || value === equals) && (!options || options.includes(value));
    actual = value ?? null;
    expected = equals !== undefined ? show(equals) : `one of ${options!.map(show).join(', ')}`;
    text = `attribute ${key} is ${value === undefined ? 'missing' : show(value)} (needs ${expected})`;
  }
  explain?.push({ path: `${path}.${leaf}`, leaf, held, negated, actual, expected, text });
  return held;
}

/** `{ fired, explain }` for a condition tree: every leaf with its actual value against its threshold. */
export function evaluate(condition: Condition, context: EvaluationContext): Evaluation {
  const explain: LeafExplanation[] = [];
  return { fired: evaluateCondition(condition, context, explain), explain };
}

/**
 * What a condition reads, as keys: `usage:<feature>`, `gate:<feature>`,
 * `event:<name>`, `customer`, `trial`, `activated`, and `time` when its answer
 * can change with the clock alone (windows, forecasts, trials, resets).
 */
export function dependencies(node: Condition, into = new Set<string>()): Set<string> {
  for (const child of node.all ?? node.any ?? (node.not ? [node.not] : [])) dependencies(child, into);
  if (node.usage) into.add(`usage:${node.usage.feature}`).add('customer').add('time');
  if (node.gateHits) into.add(`gate:${node.gateHits.feature}`).add('time');
  if (node.event) into.add(`event:${node.event.name}`).add(node.event.within ? 'time' : 'customer');
  if (node.forecast) into.add(`usage:${node.forecast.feature}`).add('customer').add('time');
  if (node.plan || node.attribute) into.add('customer');
  if (node.trial) into.add('trial').add('customer').add('time');
  if (node.activated !== undefined) into.add('activated');
  return into;
}
