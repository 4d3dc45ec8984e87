import { convertedWithin, funnel, ratio, sumCounters, type CustomerAcc, type TriggerAcc } from './reportAccumulators.js';
import type { Segment } from './reportSegment.js';
import type { ConversionTotals, LastActionCounts, TriggerReport } from './reportTypes.js';

/*
 * The end of a report pass: the customer-level figures, which need every
 * customer's exposures and upgrades whatever order they arrived in, and the
 * accumulators turned into the report's shape.
 */

/** The latest of `times` at or before `at`, or -Infinity. */
function latestUntil(times: number[] | null, at: number): number {
  let latest = -Infinity;
  if (times) for (const time of times) if (time <= at && time > latest) latest = time;
  return latest;
}

/** What the customer last did with the trigger's prompt (any variant) before an upgrade at `at`. */
function lastActionBefore(customer: CustomerAcc, trigger: TriggerAcc, at: number): keyof LastActionCounts {
  let shown = -Infinity;
  let clicked = -Infinity;
  let dismissed = -Infinity;
  for (const [acc, exposure] of customer.exposures ?? []) {
    if (acc.trigger !== trigger) continue;
    shown = Math.max(shown, latestUntil(exposure.shown, at));
    clicked = Math.max(clicked, latestUntil(exposure.clicked, at));
    dismissed = Math.max(dismissed, latestUntil(exposure.dismissed, at));
  }
  const answered = Math.max(clicked, dismissed);
  // An answer follows its impression, even when both carry the same millisecond.
  if (answered !== -Infinity && answered >= shown) return clicked >= dismissed ? 'clicked' : 'dismissed';
  return shown === -Infinity ? 'none' : 'seen';
}

/**
 * Matches one customer's exposures with their upgrades. A customer exposed to
 * several variants of one trigger counts once for the trigger: per-trigger flags
 * are set in a first loop over the customer's exposures and committed in a second.
 */
function matchCustomer(customer: CustomerAcc, upgrades: number[] | undefined, window: number, mark: number): void {
  const exposures = customer.exposures;
  if (!exposures) return;
  for (const [acc, exposure] of exposures) {
    const trigger = acc.trigger;
    if (trigger.mark !== mark) {
      trigger.mark = mark;
      trigger.sawShown = trigger.shownConverted = trigger.sawHeldOut = trigger.heldOutConverted = false;
    }
    if (exposure.shown) {
      const converted = convertedWithin(exposure.shown, upgrades, window);
      acc.shownCustomers++;
      if (converted) acc.shownCustomersConverted++;
      trigger.sawShown = true;
      trigger.shownConverted ||= converted;
    }
    if (exposure.heldOut) {
      trigger.sawHeldOut = true;
      trigger.heldOutConverted ||= convertedWithin(exposure.heldOut, upgrades, window);
    }
  }
  for (const acc of exposures.keys()) {
    const trigger = acc.trigger;
    if (trigger.mark !== mark) continue;
    trigger.mark = 0;
    if (trigger.sawShown) trigger.shownCustomers++;
    if (trigger.shownConverted) trigger.shownCustomersConverted++;
    if (trigger.sawHeldOut) trigger.heldOutCustomers++;
    if (trigger.heldOutConverted) trigger.heldOutConversions++;
  }
}

/**
 * Completes a segment's customer-level figures: exposures matched with the
 * customers' upgrades (`upgrades`: positive upgrade times by customer, from every
 * segment), attributed conversions split by last action, starting MRR and the rates.
 */
export function matchExposures(segment: Segment, upgrades: ReadonlyMap<string, number[]>, window: number): void {
  const { customers, totals } = segment;
  let mark = 0;
  for (const [customerId, customer] of customers) {
    totals.startingMrr += customer.startingMrr;
    matchCustomer(customer, upgrades.get(customerId), window, ++mark);
    for (const { acc, at } of customer.conversions ?? []) acc.conversionsByLastAction[lastActionBefore(customer, acc.trigger, at)]++;
  }
  totals.customers = customers.size;
  completeRates(totals);
}

function completeRates(totals: ConversionTotals): void {
  totals.expansionRate = ratio(totals.expansionMrr, totals.startingMrr);
  const retained = totals.startingMrr + totals.expansionMrr - totals.contractionMrr - totals.churnedMrr;
  totals.netRevenueRetention = ratio(retained, totals.startingMrr);
}

/** A trigger's accumulators as the report's shape: the trigger across its variants, then each variant, all against the trigger's holdout. */
export function triggerReport(trigger: TriggerAcc): TriggerReport {
  const holdout = { customers: trigger.heldOutCustomers, conversions: trigger.heldOutConversions };
  const variants = [...trigger.variants.values()].map((acc) => ({
    variant: acc.variant,
    inConfig: acc.inConfig,
    ...funnel(acc, acc.shownCustomers, acc.shownCustomersConverted, holdout),
  }));
  return {
    triggerId: trigger.id,
    inConfig: trigger.inConfig,
    holdoutShare: trigger.holdoutShare,
    ...funnel(sumCounters(trigger.variants.values()), trigger.shownCustomers, trigger.shownCustomersConverted, holdout),
    heldOutCustomers: trigger.heldOutCustomers,
    heldOutConversions: trigger.heldOutConversions,
    holdoutConversionRate: ratio(trigger.heldOutConversions, trigger.heldOutCustomers),
    variants,
  };
}
