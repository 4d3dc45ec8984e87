import { DAY } from '../utils/time.js';
import type { Period } from '../entitlements/period.js';

/** Projections need at least this share of the period, or one day, of history. */
const MIN_ELAPSED_SHARE = 0.1;

/**
 * Projects usage to the end of the period at the pace so far. `null` when
 * there is too little history to say (less than a tenth of the period and
 * less than a day), so a burst on the first morning does not read as a trend.
 */
export function projectUsage(usage: number, period: Period, now: number): number | null {
  const length = period.end - period.start;
  const elapsed = now - period.start;
  if (!Number.isFinite(length) || elapsed <= 0) return null;
  if (elapsed < Math.min(length * MIN_ELAPSED_SHARE, DAY)) return null;
  return (usage / elapsed) * length;
}
