import * as activated from './leaves/activated.js';
import * as attribute from './leaves/attribute.js';
import * as event from './leaves/event.js';
import * as forecast from './leaves/forecast.js';
import * as gateHits from './leaves/gateHits.js';
import * as plan from './leaves/plan.js';
import * as trial from './leaves/trial.js';
import * as usage from './leaves/usage.js';
import { leafOf, type Condition, type LeafKey } from './conditionLeaves.js';
import type { EvaluationContext, LeafDescription, LeafOutcome } from './leaf.js';

export type { EvaluationContext, TrialState } from './leaf.js';

/** One leaf of a condition: what it saw against what it needs. */
export interface LeafExplanation extends LeafOutcome {
  /** Where the leaf sits, e.g. `when.all[0].gateHits`. */
  path: string;
  leaf: LeafKey;
  /** Under an odd number of `not`s: the trigger needs this leaf *not* to hold. */
  negated: boolean;
  /** Whether the leaf is as the trigger needs it: it holds, or under a `not` it does not. */
  satisfied: boolean;
}

export interface Evaluation {
  fired: boolean;
  explain: LeafExplanation[];
}

interface Evaluator {
  measure(leaf: never, context: EvaluationContext): unknown;
  holds(leaf: never, measured: never): boolean;
  describe(leaf: never, measured: never, negated: boolean): LeafDescription;
}

/** Each leaf's evaluation, from its own module (see `leaf.ts`). */
const EVALUATORS: Record<LeafKey, Evaluator> = { usage, gateHits, event, plan, trial, activated, forecast, attribute } as unknown as Record<LeafKey, Evaluator>;

/**
 * Evaluates a condition tree. With `explain`, every leaf is evaluated and
 * described (no short-circuit), so a PM sees all that held and all that did not.
 */
export function evaluateCondition(node: Condition, context: EvaluationContext, explain?: LeafExplanation[], path: string | undefined = 'when', negated = false): boolean {
  if (node.all || node.any) {
    const key = node.all ? 'all' : 'any';
    const children = node[key]!;
    // Paths are words too: built only for an explanation.
    const at = (index: number) => explain && `${path}.${key}[${index}]`;
    let result = key === 'all';
    for (let index = 0; index < children.length; index++) {
      const held = evaluateCondition(children[index]!, context, explain, at(index), negated);
      if (key === 'all' ? held : !held) continue;
      result = !result;
      if (!explain) return result;
      // Keep walking for the explanation, but the answer is settled.
      for (let rest = index + 1; rest < children.length; rest++) evaluateCondition(children[rest]!, context, explain, at(rest), negated);
      return result;
    }
    return result;
  }
  if (node.not) return !evaluateCondition(node.not, context, explain, explain && `${path}.not`, !negated);
  const leaf = leafOf(node);
  // An empty node (only a trusted config can have one) holds, as an empty `all` does.
  if (!leaf) return true;
  const evaluator = EVALUATORS[leaf];
  const measured = evaluator.measure(node[leaf] as never, context) as never;
  const held = evaluator.holds(node[leaf] as never, measured);
  // Words only when asked for: evaluating on every change must not build strings.
  if (explain) explain.push({ path: `${path}.${leaf}`, leaf, negated, held, satisfied: held !== negated, ...evaluator.describe(node[leaf] as never, measured, negated) });
  return held;
}

/** `{ fired, explain }` for a condition tree: every leaf with its actual value against its threshold. */
export function evaluate(condition: Condition, context: EvaluationContext): Evaluation {
  const explain: LeafExplanation[] = [];
  return { fired: evaluateCondition(condition, context, explain), explain };
}
