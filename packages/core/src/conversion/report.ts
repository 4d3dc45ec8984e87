import { attributionWindowMs } from '../config/policy.js';
import type { Config } from '../config/schema.js';
import { CONTROL } from '../prompts/experiment.js';
import type { UpgradeKitEvent } from './events.js';
import {
  addVariant,
  convertedWithin,
  createTrigger,
  triggersOf,
  emptyTotals,
  funnel,
  ratio,
  sumCounters,
  type CustomerAcc,
  type TriggerAcc,
  type VariantAcc,
} from './reportAccumulators.js';
import type { BuildReportOptions, ConversionReport, ConversionTotals, TriggerReport } from './reportTypes.js';

export type { BuildReportOptions, ConversionReport, ConversionTotals, DismissCounts, FunnelStats, TriggerReport, VariantReport } from './reportTypes.js';

/*
 * The conversion report, in one pass over the events. The customer-level figures
 * (who saw a prompt, or was held out, and upgraded within the attribution window)
 * need the upgrade times, which may arrive after or before the exposures in an
 * unsorted stream, so exposure and upgrade times are kept per customer and matched
 * once at the end.
 */

/** Event types that change a figure of the report when counted twice. */
const COUNTED = new Set<string>(['trigger.fired', 'prompt.held_out', 'prompt.shown', 'prompt.clicked', 'prompt.dismissed', 'trial.started', 'upgrade.completed']);

// MRR is a sum of prices (and twelfths of yearly ones), so "was paying" is tested
// against a fraction of a cent rather than exact zero.
const PAID_EPSILON = 1e-6;

/** The customer an event belongs to, keeping their earliest event's MRR as their starting MRR. */
function customerOf(customers: Map<string, CustomerAcc>, event: UpgradeKitEvent): CustomerAcc {
  let customer = customers.get(event.customerId);
  if (!customer) {
    customer = { firstAt: event.at, startingMrr: event.mrr, upgrades: null, exposures: null };
    customers.set(event.customerId, customer);
  } else if (event.at < customer.firstAt) {
    customer.firstAt = event.at;
    customer.startingMrr = event.mrr;
  }
  return customer;
}

function countExposure(acc: VariantAcc, customer: CustomerAcc, shown: boolean, at: number): void {
  const exposures = (customer.exposures ??= new Map());
  let exposure = exposures.get(acc);
  if (!exposure) exposures.set(acc, (exposure = { shown: null, heldOut: null }));
  if (shown) acc.shown++;
  else acc.heldOut++;
  (shown ? (exposure.shown ??= []) : (exposure.heldOut ??= [])).push(at);
}

function countUpgrade(event: Extract<UpgradeKitEvent, { type: 'upgrade.completed' }>, customer: CustomerAcc, totals: ConversionTotals, variantOf: VariantOf): void {
  const delta = event.mrrDelta;
  if (delta < 0) {
    if (event.mrr + delta > PAID_EPSILON) totals.contractionMrr -= delta;
    else totals.churnedMrr -= delta;
    return;
  }
  if (!(delta > 0)) return;
  const existing = event.mrr > PAID_EPSILON;
  if (existing) totals.expansionMrr += delta;
  else totals.newMrr += delta;
  totals.conversions++;
  (customer.upgrades ??= []).push(event.at);
  if (event.triggerId === undefined) {
    totals.unattributedConversions++;
    return;
  }
  totals.attributedConversions++;
  const acc = variantOf(event.triggerId, event.variant);
  acc.conversions++;
  if (existing) acc.expansionMrr += delta;
  else acc.newMrr += delta;
}

type VariantOf = (triggerId: string, variant: string | undefined) => VariantAcc;

/** Counts one event into its trigger's variant (or only its customer, for types that move no funnel figure). */
function countEvent(event: UpgradeKitEvent, customer: CustomerAcc, totals: ConversionTotals, variantOf: VariantOf): void {
  switch (event.type) {
    case 'trigger.fired':
      variantOf(event.triggerId, event.variant).fired++;
      break;
    case 'prompt.shown':
    case 'prompt.held_out':
      countExposure(variantOf(event.triggerId, event.variant), customer, event.type === 'prompt.shown', event.at);
      break;
    case 'prompt.clicked':
      variantOf(event.triggerId, event.variant).clicked++;
      break;
    case 'prompt.dismissed': {
      const dismissed = variantOf(event.triggerId, event.variant).dismissed;
      const reason = event.reason;
      dismissed.total++;
      if (event.forever === true) dismissed.forever++;
      if (reason === undefined) dismissed.unspecified++;
      else if (reason === 'not_now' || reason === 'too_expensive' || reason === 'not_needed') dismissed[reason]++;
      else dismissed.other++;
      break;
    }
    case 'trial.started':
      if (event.triggerId !== undefined) variantOf(event.triggerId, event.variant).trialsStarted++;
      break;
    case 'upgrade.completed':
      countUpgrade(event, customer, totals, variantOf);
      break;
    default:
      // usage.tracked, gate.hit, trial.ended and types newer than this version
      // only count towards customers and starting MRR.
      break;
  }
}

/**
 * Matches each customer's exposures with their upgrades. A customer exposed to
 * several variants of one trigger counts once for the trigger: per-trigger flags
 * are set in a first loop over the customer's exposures and committed in a second.
 */
function matchExposures(customers: Map<string, CustomerAcc>, totals: ConversionTotals, window: number): void {
  let mark = 0;
  for (const customer of customers.values()) {
    totals.startingMrr += customer.startingMrr;
    const exposures = customer.exposures;
    if (!exposures) continue;
    mark++;
    for (const [acc, exposure] of exposures) {
      const trigger = acc.trigger;
      if (trigger.mark !== mark) {
        trigger.mark = mark;
        trigger.sawShown = trigger.shownConverted = trigger.sawHeldOut = trigger.heldOutConverted = false;
      }
      if (exposure.shown) {
        const converted = convertedWithin(exposure.shown, customer.upgrades, window);
        acc.shownCustomers++;
        if (converted) acc.shownCustomersConverted++;
        trigger.sawShown = true;
        trigger.shownConverted ||= converted;
      }
      if (exposure.heldOut) {
        trigger.sawHeldOut = true;
        trigger.heldOutConverted ||= convertedWithin(exposure.heldOut, customer.upgrades, window);
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
  totals.customers = customers.size;
  totals.expansionRate = ratio(totals.expansionMrr, totals.startingMrr);
}

function triggerReport(trigger: TriggerAcc): TriggerReport {
  const holdoutConversionRate = ratio(trigger.heldOutConversions, trigger.heldOutCustomers);
  const variants = [...trigger.variants.values()].map((acc) => ({
    variant: acc.variant,
    inConfig: acc.inConfig,
    ...funnel(acc, acc.shownCustomers, acc.shownCustomersConverted, holdoutConversionRate),
  }));
  return {
    triggerId: trigger.id,
    inConfig: trigger.inConfig,
    holdoutShare: trigger.holdoutShare,
    ...funnel(sumCounters(trigger.variants.values()), trigger.shownCustomers, trigger.shownCustomersConverted, holdoutConversionRate),
    heldOutCustomers: trigger.heldOutCustomers,
    heldOutConversions: trigger.heldOutConversions,
    holdoutConversionRate,
    variants,
  };
}

/**
 * The conversion report of an event stream: per trigger and variant, the funnel
 * from fired to upgraded, the holdout's conversion rate and the lift over it; in
 * total, MRR movements and expansion rate. Pure, single pass, any runtime.
 *
 * - Events with an id seen before count once.
 * - Events outside `[from, to)` are ignored entirely, including for attribution
 *   windows: a customer held out or shown near `to` has less time to convert
 *   (alike in both groups, so lift stays comparable). To follow every exposure
 *   for a full window, end `to` one window later.
 * - Upgrades are attributed as the events say (`triggerId`/`variant` on
 *   `upgrade.completed` and `trial.started`); an event without a `variant` counts
 *   as `control`.
 * - Events need not be sorted.
 */
export function buildReport(events: Iterable<UpgradeKitEvent>, config: Config, options: BuildReportOptions = {}): ConversionReport {
  const from = options.from ?? -Infinity;
  const to = options.to ?? Infinity;
  const window = attributionWindowMs(config);
  const triggers = triggersOf(config);
  const variantOf: VariantOf = (triggerId, variant) => {
    let trigger = triggers.get(triggerId);
    if (!trigger) triggers.set(triggerId, (trigger = createTrigger(triggerId, false, 0)));
    const name = variant ?? CONTROL;
    return trigger.variants.get(name) ?? addVariant(trigger, name, false);
  };
  const seen = new Set<string>();
  const customers = new Map<string, CustomerAcc>();
  const totals = emptyTotals();
  for (const event of events) {
    // Written as a negated range so a missing or NaN `at` falls outside too.
    if (!(event.at >= from && event.at < to)) continue;
    totals.events++;
    // Only events that move a figure need their id remembered: a repeated
    // usage.tracked, gate.hit or trial.ended changes nothing, and those are most of
    // the stream; skipping them keeps the Set small, which is most of the time spent.
    if (COUNTED.has(event.type)) {
      // One hash lookup instead of has() then add(): the size tells whether it was new.
      const size = seen.size;
      if (seen.add(event.id).size === size) {
        totals.duplicates++;
        continue;
      }
    }
    countEvent(event, customerOf(customers, event), totals, variantOf);
  }
  matchExposures(customers, totals, window);
  return {
    from: Number.isFinite(from) ? from : null,
    to: Number.isFinite(to) ? to : null,
    attributionWindowMs: window,
    triggers: [...triggers.values()].map(triggerReport),
    totals,
  };
}
