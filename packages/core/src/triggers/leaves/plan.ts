import * as z from 'zod/mini';
import type { Path } from '../../config/messages.js';
import type { ConfigReferences, EvaluationContext, LeafOutcome } from '../leaf.js';

/** The customer's plan is one of `in`, and none of `notIn`. */
export const schema = z.strictObject({ in: z.optional(z.array(z.string())), notIn: z.optional(z.array(z.string())) });
export type PlanLeaf = z.output<typeof schema>;

export function evaluate({ in: allowed, notIn }: PlanLeaf, context: EvaluationContext): LeafOutcome {
  const expected = [allowed && `one of ${allowed.join(', ')}`, notIn && `none of ${notIn.join(', ')}`].filter(Boolean).join(' and ');
  return {
    held: (!allowed || allowed.includes(context.plan)) && (!notIn || !notIn.includes(context.plan)),
    actual: context.plan,
    expected,
    text: `plan is ${context.plan || '(none)'} (needs ${expected})`,
  };
}

export const dependencies = () => ['customer'];

export function crossCheck(leaf: PlanLeaf, at: Path, refs: ConfigReferences): void {
  leaf.in?.forEach((planId, index) => refs.plan([...at, 'in', index], planId));
  leaf.notIn?.forEach((planId, index) => refs.plan([...at, 'notIn', index], planId));
}
