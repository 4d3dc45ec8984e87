import * as z from 'zod/mini';

/* `POST /api/simulate`: the CLI's `simulate --compare` of the live and the candidate config. */

const weeklyLoad = z.object({ median: z.nullable(z.number()), p95: z.nullable(z.number()) });

const triggerSimulation = z.object({
  triggerId: z.string(),
  firedCustomers: z.number(),
  fired: z.number(),
  heldOutCustomers: z.number(),
  shown: z.number(),
  shownCustomers: z.number(),
  shownPerWeek: z.number(),
  perCustomerWeek: weeklyLoad,
});
export type TriggerSimulation = z.infer<typeof triggerSimulation>;

const simulationResult = z.object({
  configVersion: z.nullable(z.string()),
  customers: z.number(),
  events: z.number(),
  from: z.nullable(z.number()),
  to: z.nullable(z.number()),
  weeks: z.number(),
  triggers: z.array(triggerSimulation),
  total: z.object({ firedCustomers: z.number(), shown: z.number(), shownCustomers: z.number(), shownPerWeek: z.number(), perCustomerWeek: weeklyLoad }),
});
export type SimulationResult = z.infer<typeof simulationResult>;

export const comparisonSchema = z.object({ live: simulationResult, candidate: simulationResult });
export type SimulationComparison = z.infer<typeof comparisonSchema>;
