import type { TriggerExplanation } from '@upgradekit/core';
import * as z from 'zod/mini';
import { accepting } from './shape.js';

/* `GET /api/customers/:id`: each trigger explained after a replay of the customer's stored events. */

const leaf = z.object({
  path: z.string(),
  leaf: z.string(),
  negated: z.boolean(),
  held: z.boolean(),
  actual: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  expected: z.string(),
  text: z.string(),
});

const explanation = accepting<TriggerExplanation>()(
  z.object({
    triggerId: z.string(),
    variant: z.string(),
    fired: z.boolean(),
    status: z.enum(['shown', 'not_fired', 'held_out', 'suppressed', 'unknown_trigger']),
    explain: z.array(leaf),
  }),
);
/** A `TriggerExplanation` of the core: the compiler checks that every one passes the schema. */
export type Explanation = z.infer<typeof explanation>;

const prompt = z.object({
  at: z.number(),
  type: z.string(),
  triggerId: z.string(),
  variant: z.optional(z.nullable(z.string())),
  kind: z.optional(z.nullable(z.string())),
  reason: z.optional(z.nullable(z.string())),
});
export type PromptRecord = z.infer<typeof prompt>;

export const customerSchema = z.object({
  customerId: z.string(),
  events: z.number(),
  explanations: z.array(explanation),
  prompts: z.array(prompt),
});
export type CustomerAnswer = z.infer<typeof customerSchema>;
