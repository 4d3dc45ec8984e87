import * as z from 'zod/mini';
import type { EvaluationContext, LeafDescription } from '../leaf.js';

/** Whether the customer is activated (the host says so, or `policy.activation` holds). */
export const schema = z.boolean();
export type ActivatedLeaf = z.output<typeof schema>;

export const measure = (_wanted: ActivatedLeaf, context: EvaluationContext) => context.activated();

export const holds = (wanted: ActivatedLeaf, activated: boolean) => activated === wanted;

export function describe(wanted: ActivatedLeaf, activated: boolean, negated = false): LeafDescription {
  const expected = wanted !== negated ? 'activated' : 'not activated';
  return { actual: activated, expected, text: `customer is ${activated ? '' : 'not '}activated (needs ${expected})` };
}

export const dependencies = () => ['activated'];
