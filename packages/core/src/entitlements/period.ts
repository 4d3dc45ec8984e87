import { DAY } from '../utils/time.js';
import type { ResetPeriod } from '../config/schema.js';


/** Half-open `[start, end)` interval of one usage period, in epoch milliseconds. */
export interface Period {
  start: number;
  end: number;
}

/**
 * Adds calendar months in UTC, clamping to the month's last day: Jan 31 + 1
 * month = Feb 28 (29 in leap years). Always counted from the anchor, so a
 * Jan 31 anchor gives Feb 29, Mar 31, Apr 30, ... and never drifts to the 28th.
 */
export function addMonths(anchor: number, months: number): number {
  const date = new Date(anchor);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(
    year,
    month,
    Math.min(date.getUTCDate(), lastDay),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds(),
  );
}

// Checks and tracking ask for the same period over and over, and calendar arithmetic
// through Date costs microseconds: the last month or year period found is kept.
let last: { reset: ResetPeriod; anchor: number; start: number; end: number } | undefined;

/**
 * The period of `reset` that contains `now`, counted from the customer's
 * billing anchor. `never` spans all time.
 */
export function periodAt(reset: ResetPeriod, anchor: number, now: number): Period {
  if (reset === 'never') return { start: -Infinity, end: Infinity };
  if (reset === 'day' || reset === 'week') {
    const length = reset === 'day' ? DAY : 7 * DAY;
    // Without a billing anchor (the epoch, a Thursday) calendar weeks start on Monday, as in ISO 8601.
    const origin = reset === 'week' && anchor === 0 ? 4 * DAY : anchor;
    const start = origin + Math.floor((now - origin) / length) * length;
    return { start, end: start + length };
  }
  if (last && last.reset === reset && last.anchor === anchor && last.start <= now && now < last.end) return { start: last.start, end: last.end };
  const step = reset === 'month' ? 1 : 12;
  const from = new Date(anchor);
  const to = new Date(now);
  const elapsedMonths = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth();
  // The estimate can be one step late (e.g. the anchor's day-of-month has not come yet).
  let index = Math.floor(elapsedMonths / step);
  let start = addMonths(anchor, index * step);
  while (start > now) start = addMonths(anchor, --index * step);
  let end = addMonths(anchor, (index + 1) * step);
  while (end <= now) {
    start = end;
    end = addMonths(anchor, (++index + 1) * step);
  }
  last = { reset, anchor, start, end };
  return { start, end };
}
