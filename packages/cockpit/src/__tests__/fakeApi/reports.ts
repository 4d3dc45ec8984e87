import type { Config, UpgradeKitEvent } from '@upgradekit/core';
import { buildReport } from '@upgradekit/core/report';

const WEEK = 7 * 864e5;
/** 1970-01-05 was a Monday: weeks start Monday 00:00 UTC, as the server's do. */
const MONDAY = 4 * 864e5;

const mondayOf = (at: number) => at - ((((at - MONDAY) % WEEK) + WEEK) % WEEK);

function span(events: readonly UpgradeKitEvent[], from: number | undefined, to: number | undefined): { from: number; to: number } | null {
  const inWindow = events.filter((event) => event.at >= (from ?? -Infinity) && event.at < (to ?? Infinity));
  if (inWindow.length === 0) return null;
  return { from: from ?? Math.min(...inWindow.map((event) => event.at)), to: to ?? Math.max(...inWindow.map((event) => event.at)) + 1 };
}

/** `GET /api/report/series`: `buildReport` of each Monday-to-Monday week in the window. */
export function weeklySeries(events: readonly UpgradeKitEvent[], config: Config, from?: number, to?: number) {
  const window = span(events, from, to);
  const points = [];
  if (window) {
    for (let start = mondayOf(window.from); start < window.to; start += WEEK) {
      const report = buildReport(events, config, { from: Math.max(start, window.from), to: Math.min(start + WEEK, window.to) });
      points.push({ from: start, to: start + WEEK, totals: report.totals, conversionsByTrigger: Object.fromEntries(report.triggers.map((trigger) => [trigger.triggerId, trigger.conversions])) });
    }
  }
  return { interval: 'week' as const, points };
}

const quantile = (values: number[], q: number) => (values.length ? [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil(q * values.length) - 1)]! : null);

/** `GET /api/report/prompts-per-week`: prompts shown per customer per active week, median and 95th percentile. */
export function promptsPerWeek(events: readonly UpgradeKitEvent[], config: Config, from?: number, to?: number) {
  const inWindow = events.filter((event) => event.at >= (from ?? -Infinity) && event.at < (to ?? Infinity));
  const weeks = new Map<string, Map<string, number>>();
  for (const event of inWindow) {
    const key = `${event.customerId}:${mondayOf(event.at)}`;
    const week = weeks.get(key) ?? new Map<string, number>();
    weeks.set(key, week);
    if (event.type === 'prompt.shown') week.set(event.triggerId, (week.get(event.triggerId) ?? 0) + 1);
  }
  const load = (values: number[]) => ({ median: quantile(values, 0.5), p95: quantile(values, 0.95) });
  const all = [...weeks.values()];
  return {
    triggers: Object.fromEntries(config.triggers.map((trigger) => [trigger.id, load(all.filter((week) => week.has(trigger.id)).map((week) => week.get(trigger.id)!))])),
    total: load(all.map((week) => [...week.values()].reduce((sum, value) => sum + value, 0))),
  };
}
