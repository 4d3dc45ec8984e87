import type { ConversionReport, ConversionTotals, TriggerReport } from '@upgradekit/core/report';
import * as z from 'zod/mini';
import { shapeOf } from './shape.js';

/*
 * The conversion report as the server sends it (`buildReport` of
 * `@upgradekit/core/report`), checked at the boundary so a server of another
 * version fails with a message instead of a blank chart.
 */

const count = z.number();
const ratio = z.nullable(z.number());

const dismissCounts = z.object({ total: count, not_now: count, too_expensive: count, not_needed: count, other: count, unspecified: count, forever: count });
const lastActionCounts = z.object({ clicked: count, dismissed: count, seen: count, none: count });
const liftInterval = z.object({
  difference: ratio,
  low: ratio,
  high: ratio,
  insufficient: z.nullable(z.enum(['too_few_customers', 'no_conversions'])),
});

const funnelShape = {
  fired: count,
  heldOut: count,
  shown: count,
  clicked: count,
  dismissed: dismissCounts,
  trialsStarted: count,
  conversions: count,
  conversionRate: ratio,
  clickThroughRate: ratio,
  newMrr: z.number(),
  expansionMrr: z.number(),
  shownCustomers: count,
  shownCustomersConverted: count,
  shownCustomerConversionRate: ratio,
  lift: ratio,
  liftInterval,
  conversionsByLastAction: lastActionCounts,
};

const variantReport = z.object({ ...funnelShape, variant: z.string(), inConfig: z.boolean() });

export const triggerReportSchema = shapeOf<TriggerReport>()(
  z.object({
    ...funnelShape,
    triggerId: z.string(),
    inConfig: z.boolean(),
    holdoutShare: z.number(),
    heldOutCustomers: count,
    heldOutConversions: count,
    holdoutConversionRate: ratio,
    variants: z.array(variantReport),
  }),
);

export const totalsSchema = shapeOf<ConversionTotals>()(
  z.object({
    events: count,
    duplicates: count,
    customers: count,
    startingMrr: z.number(),
    conversions: count,
    attributedConversions: count,
    unattributedConversions: count,
    newMrr: z.number(),
    expansionMrr: z.number(),
    contractionMrr: z.number(),
    churnedMrr: z.number(),
    expansionRate: ratio,
    netRevenueRetention: ratio,
  }),
);

const versionReport = z.object({
  configVersion: z.nullable(z.string()),
  firstAt: z.number(),
  lastAt: z.number(),
  triggers: z.array(triggerReportSchema),
  totals: totalsSchema,
});

export const reportSchema = shapeOf<ConversionReport>()(
  z.object({
    from: z.nullable(z.number()),
    to: z.nullable(z.number()),
    attributionWindowMs: z.number(),
    triggers: z.array(triggerReportSchema),
    totals: totalsSchema,
    versions: z.exactOptional(z.array(versionReport)),
  }),
);

/** `GET /api/report/series`: the totals and conversions per trigger of each week. */
export const seriesSchema = z.object({
  interval: z.literal('week'),
  points: z.array(z.object({ from: z.number(), to: z.number(), totals: totalsSchema, conversionsByTrigger: z.record(z.string(), count) })),
});
export type ReportSeries = z.infer<typeof seriesSchema>;

const load = z.object({ median: ratio, p95: ratio });
/** `GET /api/report/prompts-per-week`: prompts shown per customer per week. */
export const promptsPerWeekSchema = z.object({ triggers: z.record(z.string(), load), total: load });
export type PromptsPerWeek = z.infer<typeof promptsPerWeekSchema>;
export type WeeklyLoad = z.infer<typeof load>;
