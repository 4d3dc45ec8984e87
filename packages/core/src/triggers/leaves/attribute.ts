import * as z from 'zod/mini';
import type { Path } from '../../config/messages.js';
import { quote } from '../../config/messages.js';
import { show, type ConfigReferences, type EvaluationContext, type LeafDescription } from '../leaf.js';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()], {
  error: (issue) => `expected a string, number, boolean or null (got ${quote(issue.input)})`,
});

/** A customer attribute (from the host) equals a value, or is one of several. */
export const schema = z.strictObject({ key: z.string(), equals: z.optional(scalar), in: z.optional(z.array(scalar)) });
export type AttributeLeaf = z.output<typeof schema>;

type Value = string | number | boolean | null | undefined;

export const measure = ({ key }: AttributeLeaf, context: EvaluationContext): Value => context.attributes[key];

export const holds = ({ equals, in: options }: AttributeLeaf, value: Value) =>
  value !== undefined && (equals === undefined || value === equals) && (!options || options.includes(value));

export function describe({ key, equals, in: options }: AttributeLeaf, value: Value, negated = false): LeafDescription {
  const expected =
    equals !== undefined ? `${negated ? 'anything but ' : ''}${show(equals)}` : `${negated ? 'none' : 'one'} of ${(options ?? []).map(show).join(', ')}`;
  return { actual: value ?? null, expected, text: `attribute ${key} is ${value === undefined ? 'missing' : show(value)} (needs ${expected})` };
}

export const dependencies = () => ['customer'];

export function crossCheck(leaf: AttributeLeaf, at: Path, refs: ConfigReferences): void {
  if (leaf.equals === undefined && leaf.in === undefined) refs.report(at, 'give "equals" or "in"');
}
