import * as z from 'zod/mini';
import type { Path } from '../../config/messages.js';
import { percent, type ConfigReferences, type EvaluationContext, type LeafDescription } from '../leaf.js';

/** Usage as a share of the limit: `atLeast: 0.7` is 70% or more, `below: 0.5` under half. */
export const schema = z.strictObject({
  feature: z.string(),
  atLeast: z.optional(z.number().check(z.minimum(0))),
  below: z.optional(z.number().check(z.minimum(0))),
});
export type UsageLeaf = z.output<typeof schema>;

/** Usage over the limit now. */
export const measure = ({ feature }: UsageLeaf, context: EvaluationContext) => context.usage(feature).ratio;

export const holds = ({ atLeast, below }: UsageLeaf, ratio: number) => (atLeast === undefined || ratio >= atLeast) && (below === undefined || ratio < below);

export function describe({ feature, atLeast, below }: UsageLeaf, ratio: number, negated = false): LeafDescription {
  const from = atLeast !== undefined && percent(atLeast);
  const to = below !== undefined && percent(below);
  // Under a `not`: outside the range, "below the lower or at least the upper".
  const expected = (negated ? [from && `below ${from}`, to && `at least ${to}`] : [from && `at least ${from}`, to && `below ${to}`])
    .filter(Boolean)
    .join(negated ? ' or ' : ' and ');
  return { actual: ratio, expected, text: `${feature} usage is ${percent(ratio)} of the limit (needs ${expected})` };
}

// A trial starting or ending changes the limit, and so the ratio.
export const dependencies = ({ feature }: UsageLeaf) => [`usage:${feature}`, 'customer', 'trial', 'time'];

export function crossCheck(leaf: UsageLeaf, at: Path, refs: ConfigReferences): void {
  refs.feature([...at, 'feature'], leaf.feature, ['metered', 'seats']);
  if (leaf.atLeast === undefined && leaf.below === undefined) refs.report(at, 'give "atLeast" or "below" (a share of the limit, e.g. 0.8)');
}
