import * as z from 'zod/mini';
import type { Path } from '../../config/messages.js';
import { quote } from '../../config/messages.js';
import { show, type ConfigReferences, type EvaluationContext, type LeafOutcome } from '../leaf.js';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()], {
  error: (issue) => `expected a string, number, boolean or null (got ${quote(issue.input)})`,
});

/** A customer attribute (from the host) equals a value, or is one of several. */
export const schema = z.strictObject({ key: z.string(), equals: z.optional(scalar), in: z.optional(z.array(scalar)) });
export type AttributeLeaf = z.output<typeof schema>;

export function evaluate({ key, equals, in: options }: AttributeLeaf, context: EvaluationContext): LeafOutcome {
  const value = context.attributes[key];
  const expected = equals !== undefined ? show(equals) : `one of ${options!.map(show).join(', ')}`;
  return {
    held: value !== undefined && (equals === undefined || value === equals) && (!options || options.includes(value)),
    actual: value ?? null,
    expected,
    text: `attribute ${key} is ${value === undefined ? 'missing' : show(value)} (needs ${expected})`,
  };
}

export const dependencies = () => ['customer'];

export function crossCheck(leaf: AttributeLeaf, at: Path, refs: ConfigReferences): void {
  if (leaf.equals === undefined && leaf.in === undefined) refs.report(at, 'give "equals" or "in"');
}
