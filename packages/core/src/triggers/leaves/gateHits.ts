import * as z from 'zod/mini';
import { durationSchema, wholeNumber } from '../../config/duration.js';
import type { Path } from '../../config/messages.js';
import { durationToMs } from '../../utils/duration.js';
import type { ConfigReferences, EvaluationContext, LeafDescription } from '../leaf.js';

/** Attempts to use a feature the customer does not have: `atLeast` of them `within` a window. */
export const schema = z.strictObject({ feature: z.string(), atLeast: wholeNumber().check(z.minimum(0)), within: durationSchema });
export type GateHitsLeaf = z.output<typeof schema>;

/** Gate hits in the window. */
export const measure = ({ feature, within }: GateHitsLeaf, context: EvaluationContext) => context.count('gate', feature, durationToMs(within));

export const holds = ({ atLeast }: GateHitsLeaf, count: number) => count >= atLeast;

export function describe({ feature, atLeast, within }: GateHitsLeaf, count: number, negated = false): LeafDescription {
  const expected = `${negated ? 'fewer than' : 'at least'} ${atLeast}`;
  return { actual: count, expected, text: `${count} gate hit${count === 1 ? '' : 's'} on ${feature} in ${within} (needs ${expected})` };
}

export const dependencies = ({ feature }: GateHitsLeaf) => [`gate:${feature}`, 'time'];

/** The signal this leaf counts, and the window it reads (see `signals/windows.ts`). */
export const window = ({ feature, within }: GateHitsLeaf) => ({ key: `gate:${feature}`, ms: durationToMs(within) });

export function crossCheck(leaf: GateHitsLeaf, at: Path, refs: ConfigReferences): void {
  refs.feature([...at, 'feature'], leaf.feature);
}
