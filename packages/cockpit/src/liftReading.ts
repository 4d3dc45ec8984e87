import type { TriggerReport } from '@upgradekit/core/report';
import { points } from './format.js';

/**
 * What a trigger's holdout comparison says, for a PM deciding whether to keep it:
 * - `lifts`: the 95% interval of (shown − held out) lies above 0;
 * - `hurts`: it lies below 0;
 * - `prune`: enough customers for an interval, and it contains 0: after all that
 *   traffic the prompt has not shown that it changes how often customers convert;
 * - `too_few_customers`, `no_conversions`: no interval yet (`liftInterval.insufficient`);
 * - `no_holdout`: the trigger holds no one out, so lift cannot be measured.
 */
export type LiftVerdict = 'lifts' | 'hurts' | 'prune' | 'too_few_customers' | 'no_conversions' | 'no_holdout';

export interface LiftReading {
  verdict: LiftVerdict;
  /** A short label for a badge. */
  label: string;
  /** One sentence that says what the figures mean. */
  sentence: string;
}

/** Customers each group needs before an interval is given (`MIN_INTERVAL_CUSTOMERS` of the core). */
export const MIN_GROUP = 30;

export function readLift(trigger: TriggerReport): LiftReading {
  const { low, high, difference, insufficient } = trigger.liftInterval;
  const groups = `${trigger.shownCustomers} shown, ${trigger.heldOutCustomers} held out`;
  if (trigger.holdoutShare === 0 && trigger.heldOutCustomers === 0) {
    return { verdict: 'no_holdout', label: 'No holdout', sentence: 'No customer is held out, so lift cannot be measured; set experiment.holdout (e.g. 0.1) to measure it.' };
  }
  if (insufficient === 'too_few_customers' || low === null || high === null) {
    if (insufficient === 'no_conversions') {
      return { verdict: 'no_conversions', label: 'No conversions yet', sentence: `No conversions yet in one of the groups (${groups}); the interval needs at least one in each.` };
    }
    return { verdict: 'too_few_customers', label: 'Too few customers', sentence: `Too few customers for an interval (${groups}); each group needs ${MIN_GROUP}.` };
  }
  const range = `${points(difference)} (95% interval ${points(low)} to ${points(high)})`;
  if (low > 0) return { verdict: 'lifts', label: 'Lifts conversion', sentence: `Customers shown the prompt converted more often: ${range}.` };
  if (high < 0) return { verdict: 'hurts', label: 'Prune: lowers conversion', sentence: `Customers shown the prompt converted less often: ${range}. A candidate to prune.` };
  return { verdict: 'prune', label: 'Prune candidate', sentence: `No measurable lift after ${groups}: ${range} includes zero. A candidate to prune.` };
}
