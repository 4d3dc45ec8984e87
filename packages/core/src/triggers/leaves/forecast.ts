import * as z from 'zod/mini';
import type { Path } from '../../config/messages.js';
import type { ConfigReferences, EvaluationContext, LeafOutcome } from '../leaf.js';

/** At the pace so far, usage will (or will not) pass the limit before the period resets. */
export const schema = z.strictObject({ feature: z.string(), exceedsBeforeReset: z.boolean() });
export type ForecastLeaf = z.output<typeof schema>;

export function evaluate({ feature, exceedsBeforeReset }: ForecastLeaf, context: EvaluationContext): LeafOutcome {
  const projected = context.projectedUsage(feature);
  const { limit } = context.usage(feature);
  const exceeds = projected !== null && limit !== 'unlimited' && projected > limit;
  const expected = exceedsBeforeReset ? `more than ${limit}` : `at most ${limit}`;
  return {
    held: exceeds === exceedsBeforeReset,
    actual: projected === null ? null : Math.round(projected),
    expected,
    text:
      projected === null
        ? `${feature} has too little history to project (needs a projection ${expected} by reset)`
        : `${feature} is projected at ${Math.round(projected)} by reset (needs ${expected})`,
  };
}

export const dependencies = ({ feature }: ForecastLeaf) => [`usage:${feature}`, 'customer', 'time'];

export function crossCheck(leaf: ForecastLeaf, at: Path, refs: ConfigReferences): void {
  refs.feature([...at, 'feature'], leaf.feature, ['metered']);
}
