import * as z from 'zod/mini';
import type { EvaluationContext, LeafOutcome } from '../leaf.js';

/** Whether the customer is activated (the host says so, or `policy.activation` holds). */
export const schema = z.boolean();
export type ActivatedLeaf = z.output<typeof schema>;

export function evaluate(wanted: ActivatedLeaf, context: EvaluationContext): LeafOutcome {
  const activated = context.activated();
  return {
    held: activated === wanted,
    actual: activated,
    expected: String(wanted),
    text: `customer is ${activated ? '' : 'not '}activated (needs ${wanted ? 'activated' : 'not activated'})`,
  };
}

export const dependencies = () => ['activated'];
