import type { EventScope, UpgradeKitStore } from '../store/types.js';
import { MONDAY, WEEK_MS } from './series.js';

/*
 * How often customers are prompted, the "never pushy" figure: over every week in
 * which a customer was active (sent any event), how many prompts they were shown,
 * in total and per trigger. Weeks without a prompt count as 0; percentiles are by
 * nearest rank, so they are counts a customer actually saw.
 */

export interface Distribution {
  median: number;
  p95: number;
}

export interface PromptsPerWeek {
  /** Active customer-weeks measured. */
  customerWeeks: number;
  triggers: Record<string, Distribution>;
  total: Distribution;
}

/** Nearest-rank percentile of a histogram of counts ≥ 1, with `size - sum` zeros below them. */
function percentile(histogram: ReadonlyArray<{ shown: number; weeks: number }>, size: number, share: number): number {
  if (size <= 0) return 0;
  const rank = Math.max(1, Math.ceil(share * size));
  let seen = size - histogram.reduce((sum, row) => sum + row.weeks, 0);
  if (rank <= seen) return 0;
  for (const row of [...histogram].sort((a, b) => a.shown - b.shown)) {
    seen += row.weeks;
    if (rank <= seen) return row.shown;
  }
  return 0;
}

const distribution = (histogram: ReadonlyArray<{ shown: number; weeks: number }>, size: number): Distribution => ({
  median: percentile(histogram, size, 0.5),
  p95: percentile(histogram, size, 0.95),
});

export async function promptsPerWeek(store: UpgradeKitStore, scope: EventScope): Promise<PromptsPerWeek> {
  const rows = await store.promptWeeks(scope, MONDAY, WEEK_MS);
  const byTrigger = new Map<string, Array<{ shown: number; weeks: number }>>();
  for (const row of rows.triggers) {
    const histogram = byTrigger.get(row.triggerId) ?? [];
    histogram.push(row);
    byTrigger.set(row.triggerId, histogram);
  }
  const triggers: Record<string, Distribution> = {};
  for (const [triggerId, histogram] of [...byTrigger].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) triggers[triggerId] = distribution(histogram, rows.activeWeeks);
  return { customerWeeks: rows.activeWeeks, triggers, total: distribution(rows.total, rows.activeWeeks) };
}
