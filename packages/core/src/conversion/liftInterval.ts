import type { LiftInterval } from './reportTypes.js';

/** Groups under this many customers get no confidence interval for lift. */
export const MIN_INTERVAL_CUSTOMERS = 30;

/** The standard normal quantile of a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/** Wilson's score interval of a proportion `successes / trials` (trials > 0). */
export function wilsonInterval(successes: number, trials: number, z = Z95): { low: number; high: number } {
  const p = successes / trials;
  const z2 = z * z;
  const scale = 1 + z2 / trials;
  const center = (p + z2 / (2 * trials)) / scale;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / scale;
  return { low: Math.max(0, center - half), high: Math.min(1, center + half) };
}

/**
 * The difference between two groups' conversion rates (shown − holdout) with its
 * 95% confidence interval, by Newcombe's hybrid score method (method 10 of
 * Newcombe 1998, "Interval estimation for the difference between independent
 * proportions"): each group's Wilson interval, combined. Unlike the normal
 * approximation (Wald), it stays inside [−1, 1] and keeps its coverage with the
 * small rates and unequal groups a 10% holdout gives.
 *
 * No interval is given for a group of fewer than `MIN_INTERVAL_CUSTOMERS`
 * customers or with no conversion at all: there the interval would mostly show
 * how little is known, and reads as a finding.
 */
export function liftInterval(shownConverted: number, shown: number, heldOutConverted: number, heldOut: number): LiftInterval {
  const difference = shown > 0 && heldOut > 0 ? shownConverted / shown - heldOutConverted / heldOut : null;
  const none = { difference, low: null, high: null };
  if (shown < MIN_INTERVAL_CUSTOMERS || heldOut < MIN_INTERVAL_CUSTOMERS) return { ...none, insufficient: 'too_few_customers' };
  if (shownConverted === 0 || heldOutConverted === 0) return { ...none, insufficient: 'no_conversions' };
  const p1 = shownConverted / shown;
  const p2 = heldOutConverted / heldOut;
  const a = wilsonInterval(shownConverted, shown);
  const b = wilsonInterval(heldOutConverted, heldOut);
  const d = p1 - p2;
  return {
    difference: d,
    low: d - Math.sqrt((p1 - a.low) ** 2 + (b.high - p2) ** 2),
    high: d + Math.sqrt((a.high - p1) ** 2 + (p2 - b.low) ** 2),
    insufficient: null,
  };
}
