import * as z from 'zod/mini';
import { durationSchema, wholeNumber } from '../../config/duration.js';
import { durationToMs } from '../../utils/duration.js';
import type { EvaluationContext, LeafDescription } from '../leaf.js';

/** Product events (`admin.invited`, ...): `atLeast` of them, `within` a window or ever. */
export const schema = z.strictObject({ name: z.string(), atLeast: wholeNumber().check(z.minimum(0)), within: z.optional(durationSchema) });
export type EventLeaf = z.output<typeof schema>;

/** Events in the window, or ever. */
export const measure = ({ name, within }: EventLeaf, context: EvaluationContext) =>
  context.count('event', name, within === undefined ? undefined : durationToMs(within));

export const holds = ({ atLeast }: EventLeaf, count: number) => count >= atLeast;

export function describe({ name, atLeast, within }: EventLeaf, count: number, negated = false): LeafDescription {
  const expected = `${negated ? 'fewer than' : 'at least'} ${atLeast}`;
  return { actual: count, expected, text: `${count} "${name}" event${count === 1 ? '' : 's'}${within ? ` in ${within}` : ''} (needs ${expected})` };
}

// A count without a window changes only with new events; one with a window also with time.
export const dependencies = ({ name, within }: EventLeaf) => [`event:${name}`, within ? 'time' : 'customer'];

export const window = ({ name, within }: EventLeaf) => (within === undefined ? undefined : { key: `event:${name}`, ms: durationToMs(within) });
