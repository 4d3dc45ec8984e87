import * as z from 'zod/mini';
import type { Path } from '../../config/messages.js';
import type { ConfigReferences, EvaluationContext, LeafDescription, TrialState } from '../leaf.js';

/** The trial of one feature or plan is in a state: running, still on offer, or over. */
export const schema = z.strictObject({ feature: z.optional(z.string()), plan: z.optional(z.string()), state: z.enum(['active', 'eligible', 'expired']) });
export type TrialLeaf = z.output<typeof schema>;

export const measure = (leaf: TrialLeaf, context: EvaluationContext) => context.trialState(leaf);

export const holds = (leaf: TrialLeaf, state: TrialState) => state === leaf.state;

export const describe = (leaf: TrialLeaf, state: TrialState): LeafDescription => ({
  actual: state,
  expected: leaf.state,
  text: `trial of ${leaf.feature ?? leaf.plan} is ${state} (needs ${leaf.state})`,
});

export const dependencies = () => ['trial', 'customer', 'time'];

export function crossCheck(leaf: TrialLeaf, at: Path, refs: ConfigReferences): void {
  if (!leaf.feature === !leaf.plan) refs.report(at, 'name exactly one of "feature" or "plan"');
  if (leaf.feature) refs.feature([...at, 'feature'], leaf.feature);
  if (leaf.plan) refs.plan([...at, 'plan'], leaf.plan);
}
