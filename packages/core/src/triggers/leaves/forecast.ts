import * as z from 'zod/mini';
import type { Path } from '../../config/messages.js';
import type { Limit } from '../../entitlements/limit.js';
import type { ConfigReferences, EvaluationContext, LeafDescription } from '../leaf.js';

/** At the pace so far, usage will (or will not) pass the limit before the period resets. */
export const schema = z.strictObject({ feature: z.string(), exceedsBeforeReset: z.boolean() });
export type ForecastLeaf = z.output<typeof schema>;

interface Projection {
  /** Usage at the end of the period at the pace so far; `null` with too little history. */
  projected: number | null;
  limit: Limit;
}

export const measure = ({ feature }: ForecastLeaf, context: EvaluationContext): Projection => ({
  projected: context.projectedUsage(feature),
  limit: context.usage(feature).limit,
});

export const holds = ({ exceedsBeforeReset }: ForecastLeaf, { projected, limit }: Projection) =>
  (projected !== null && limit !== 'unlimited' && projected > limit) === exceedsBeforeReset;

export function describe({ feature, exceedsBeforeReset }: ForecastLeaf, { projected, limit }: Projection, negated = false): LeafDescription {
  const expected = exceedsBeforeReset !== negated ? `more than ${limit}` : `at most ${limit}`;
  return {
    actual: projected === null ? null : Math.round(projected),
    expected,
    text:
      projected === null
        ? `${feature} has too little history to project (needs a projection ${expected} by reset)`
        : `${feature} is projected at ${Math.round(projected)} by reset (needs ${expected})`,
  };
}

export const dependencies = ({ feature }: ForecastLeaf) => [`usage:${feature}`, 'customer', 'trial', 'time'];

export function crossCheck(leaf: ForecastLeaf, at: Path, refs: ConfigReferences): void {
  refs.feature([...at, 'feature'], leaf.feature, ['metered']);
}
