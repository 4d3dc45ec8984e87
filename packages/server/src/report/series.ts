import type { Config } from '@upgradekit/core';
import type { ConversionTotals } from '@upgradekit/core/report';
import { badRequest } from '../http/responses.js';
import type { EventScope, UpgradeKitStore } from '../store/types.js';
import { storeReport } from './serverReport.js';

/*
 * The report week by week, for charts: each point is the report of one week's
 * events (weeks start on Monday 00:00 UTC; the first and last are cut to the
 * window), so a point's figures equal `buildReport` over that week.
 */

export const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
/** 1970-01-05, the first Monday after the epoch: weeks are counted from it. */
export const MONDAY = 4 * 24 * 60 * 60 * 1000;
/** Ten years of weeks: a longer series is a mistake in `from`. */
const MAX_POINTS = 520;

export interface SeriesPoint {
  from: number;
  to: number;
  totals: ConversionTotals;
  conversionsByTrigger: Record<string, number>;
}

export const weekStart = (at: number) => Math.floor((at - MONDAY) / WEEK_MS) * WEEK_MS + MONDAY;

export async function weeklySeries(store: UpgradeKitStore, config: Config, scope: EventScope): Promise<{ interval: 'week'; points: SeriesPoint[] }> {
  const span = scope.from !== null && scope.to !== null ? null : await store.eventSpan(scope);
  const from = scope.from ?? span?.first ?? null;
  const to = scope.to ?? (span ? span.last + 1 : null);
  if (from === null || to === null || to <= from) return { interval: 'week', points: [] };
  if ((to - weekStart(from)) / WEEK_MS > MAX_POINTS) throw badRequest('invalid_query', `The window spans more than ${MAX_POINTS} weeks; narrow "from" and "to".`);
  const points: SeriesPoint[] = [];
  for (let start = weekStart(from); start < to; start += WEEK_MS) {
    const window = { ...scope, from: Math.max(start, from), to: Math.min(start + WEEK_MS, to) };
    const report = await storeReport(store, config, window, { byConfigVersion: false });
    const conversionsByTrigger: Record<string, number> = {};
    for (const trigger of report.triggers) conversionsByTrigger[trigger.triggerId] = trigger.conversions;
    points.push({ from: window.from, to: window.to, totals: report.totals, conversionsByTrigger });
  }
  return { interval: 'week', points };
}
