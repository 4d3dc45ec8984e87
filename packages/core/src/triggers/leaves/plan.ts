import * as z from 'zod/mini';
import type { Path } from '../../config/messages.js';
import type { ConfigReferences, EvaluationContext, LeafDescription } from '../leaf.js';

/** The customer's plan is one of `in`, and none of `notIn`. */
export const schema = z.strictObject({ in: z.optional(z.array(z.string())), notIn: z.optional(z.array(z.string())) });
export type PlanLeaf = z.output<typeof schema>;

export const measure = (_leaf: PlanLeaf, context: EvaluationContext) => context.plan;

export const holds = ({ in: allowed, notIn }: PlanLeaf, plan: string) => (!allowed || allowed.includes(plan)) && (!notIn || !notIn.includes(plan));

export function describe({ in: allowed, notIn }: PlanLeaf, plan: string, negated = false): LeafDescription {
  const [yes, no] = negated ? ['none of', 'one of'] : ['one of', 'none of'];
  const expected = [allowed && `${yes} ${allowed.join(', ')}`, notIn && `${no} ${notIn.join(', ')}`].filter(Boolean).join(negated ? ' or ' : ' and ');
  return { actual: plan, expected, text: `plan is ${plan || '(none)'} (needs ${expected})` };
}

export const dependencies = () => ['customer'];

export function crossCheck(leaf: PlanLeaf, at: Path, refs: ConfigReferences): void {
  leaf.in?.forEach((planId, index) => refs.plan([...at, 'in', index], planId));
  leaf.notIn?.forEach((planId, index) => refs.plan([...at, 'notIn', index], planId));
}
