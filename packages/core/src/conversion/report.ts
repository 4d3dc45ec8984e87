import type { Config } from '../config/schema.js';
import { durationToMs } from '../utils/duration.js';
import type { UpgradeKitEvent } from './events.js';

/*
 * The conversion report, in one pass over the events.
 *
 * Counts are kept in mutable accumulators found through Maps; an event allocates
 * nothing unless it introduces a new customer, trigger, variant or exposure. The
 * customer-level figures (who saw a prompt, or was held out, and upgraded within
 * the attribution window) need the upgrade times, which may arrive after or before
 * the exposures in an unsorted stream, so exposure and upgrade times are kept per
 * customer and matched once at the end.
 */

/** Attribution window when `config.policy.attributionWindow` is not set. */
export const DEFAULT_ATTRIBUTION_WINDOW = '7d';

/** The variant label of events of a trigger without variants. */
export const CONTROL_VARIANT = 'control';

/** Event types that change a figure of the report when counted twice. */
const COUNTED = new Set<string>(['trigger.fired', 'prompt.held_out', 'prompt.shown', 'prompt.clicked', 'prompt.dismissed', 'trial.started', 'upgrade.completed']);

// MRR is a sum of prices (and twelfths of yearly ones), so "was paying" is tested
// against a fraction of a cent rather than exact zero.
const PAID_EPSILON = 1e-6;

export interface BuildReportOptions {
  /** Start of the reporting window, epoch ms, inclusive. Default: no lower bound. */
  from?: number | undefined;
  /** End of the reporting window, epoch ms, exclusive. Default: no upper bound. */
  to?: number | undefined;
}

/** `prompt.dismissed` events by reason; `unspecified` when the customer gave none. */
export interface DismissCounts {
  total: number;
  not_now: number;
  too_expensive: number;
  not_needed: number;
  /** `other`, and reasons this version does not know. */
  other: number;
  unspecified: number;
}

/**
 * The funnel of one variant of a trigger, or of the trigger across its variants.
 *
 * Event-level figures count events in the window. A ratio whose denominator is 0
 * is `null` (not 0), so "no data" never reads as "0%".
 *
 * Customer-level figures, used for lift, treat prompts as an experiment: a
 * customer is *exposed* by a `prompt.shown` (treatment) or a `prompt.held_out`
 * (holdout) of the trigger, and *converts* when any `upgrade.completed` with a
 * positive `mrrDelta` happens between an exposure and the end of the attribution
 * window after it (both ends inclusive), whatever trigger that upgrade is
 * attributed to — a held-out customer's upgrade cannot be attributed to a prompt
 * they never saw, so attribution cannot be the test for either group. A customer
 * with both kinds of event (the holdout share changed) is in both groups.
 */
export interface FunnelStats {
  /** `trigger.fired` events. */
  fired: number;
  /** `prompt.held_out` events (per variant: by the variant the event carries). */
  heldOut: number;
  /** `prompt.shown` events (impressions, not customers). */
  shown: number;
  /** `prompt.clicked` events. */
  clicked: number;
  dismissed: DismissCounts;
  /** `trial.started` events attributed to the trigger. */
  trialsStarted: number;
  /** `upgrade.completed` events attributed to the trigger with `mrrDelta > 0`. */
  conversions: number;
  /** conversions / shown; `null` when nothing was shown. Can exceed 1 when impressions fell before `from`. */
  conversionRate: number | null;
  /** clicked / shown; `null` when nothing was shown. */
  clickThroughRate: number | null;
  /** Sum of `mrrDelta` of attributed conversions by customers who paid nothing before (free → paid). */
  newMrr: number;
  /** Sum of `mrrDelta` of attributed conversions by customers who already paid (see `ConversionTotals.expansionMrr`). */
  expansionMrr: number;
  /** Distinct customers with a `prompt.shown` of it. */
  shownCustomers: number;
  /** Of those, customers who converted within the attribution window after an impression. */
  shownCustomersConverted: number;
  /** shownCustomersConverted / shownCustomers; `null` when no one was shown it. */
  shownCustomerConversionRate: number | null;
  /**
   * (shownCustomerConversionRate − trigger's holdoutConversionRate) / holdoutConversionRate:
   * `0.5` means customers who saw the prompt converted 1.5× as often as those held out.
   * Every variant is compared with the trigger's whole holdout group. `null` when either
   * rate is undefined or the holdout rate is 0.
   */
  lift: number | null;
}

export interface VariantReport extends FunnelStats {
  variant: string;
  /** `false` for a variant that events name but the config does not. */
  inConfig: boolean;
}

export interface TriggerReport extends FunnelStats {
  triggerId: string;
  /** `false` for a trigger that events name but the config does not (renamed or removed). */
  inConfig: boolean;
  /** The configured `experiment.holdout` share; 0 when none or not in the config. */
  holdoutShare: number;
  /** Distinct customers with a `prompt.held_out` of this trigger, whatever their variant. */
  heldOutCustomers: number;
  /** Of those, customers who converted within the attribution window after being held out. */
  heldOutConversions: number;
  /** heldOutConversions / heldOutCustomers; `null` when no one was held out. */
  holdoutConversionRate: number | null;
  /**
   * The configured variants in config order (`control` alone when it has none),
   * then variants only events name, in the order first seen.
   */
  variants: VariantReport[];
}

/**
 * MRR movements are classified per `upgrade.completed`, by the customer's MRR before
 * it (the event's `mrr`: the client emits it before applying the change) and after
 * it (`mrr + mrrDelta`).
 */
export interface ConversionTotals {
  /** Events in the window, as read (repeated copies included). */
  events: number;
  /**
   * Copies skipped because an event with their id had been counted already. Only
   * events that move a figure are de-duplicated (trigger, prompt, trial.started and
   * upgrade events); a repeated `usage.tracked`, `gate.hit` or `trial.ended`
   * changes no figure and is neither tracked nor counted here.
   */
  duplicates: number;
  /** Distinct customers with an event in the window. */
  customers: number;
  /**
   * Sum of each customer's `mrr` on their earliest event in the window (by `at`, so
   * input order does not matter; on an `upgrade.completed` that is the MRR before it).
   * Customers with no event in the window are not known to the report and add nothing.
   */
  startingMrr: number;
  /** `upgrade.completed` events with `mrrDelta > 0`. */
  conversions: number;
  /** Of those, the ones attributed to a trigger (in the config or not). */
  attributedConversions: number;
  /** Of those, the ones attributed to no trigger. */
  unattributedConversions: number;
  /** Positive deltas of customers paying nothing before (free → paid); not expansion. */
  newMrr: number;
  /** Positive deltas of customers already paying (upgrades, add-ons): the SaaS expansion MRR. */
  expansionMrr: number;
  /** Lost MRR of customers still paying after the change, as a positive amount. */
  contractionMrr: number;
  /** Lost MRR of customers paying nothing after the change, as a positive amount. */
  churnedMrr: number;
  /** expansionMrr / startingMrr; `null` when startingMrr is 0. */
  expansionRate: number | null;
}

export interface ConversionReport {
  /** `options.from`, or `null` when unbounded. */
  from: number | null;
  /** `options.to`, or `null` when unbounded. */
  to: number | null;
  /** The attribution window used for customer-level conversions, in ms. */
  attributionWindowMs: number;
  /** Triggers in config order (zeros when no event names them), then triggers only events name. */
  triggers: TriggerReport[];
  totals: ConversionTotals;
}

/** The funnel figures counted event by event; the rates are derived from them at the end. */
type Counters = Pick<FunnelStats, 'fired' | 'heldOut' | 'shown' | 'clicked' | 'dismissed' | 'trialsStarted' | 'conversions' | 'newMrr' | 'expansionMrr'>;

interface VariantAcc extends Counters {
  variant: string;
  inConfig: boolean;
  trigger: TriggerAcc;
  shownCustomers: number;
  shownCustomersConverted: number;
}

interface TriggerAcc {
  id: string;
  inConfig: boolean;
  holdoutShare: number;
  variants: Map<string, VariantAcc>;
  shownCustomers: number;
  shownCustomersConverted: number;
  heldOutCustomers: number;
  heldOutConversions: number;
  // Per-customer scratch for the final matching: which customer the flags belong to.
  mark: number;
  sawShown: boolean;
  shownConverted: boolean;
  sawHeldOut: boolean;
  heldOutConverted: boolean;
}

/** One customer's impressions and holdouts of one variant (times, epoch ms). */
interface Exposure {
  shown: number[] | null;
  heldOut: number[] | null;
}

interface CustomerAcc {
  firstAt: number;
  startingMrr: number;
  /** Times of upgrades with a positive delta. */
  upgrades: number[] | null;
  exposures: Map<VariantAcc, Exposure> | null;
}

const dismissCounts = (): DismissCounts => ({ total: 0, not_now: 0, too_expensive: 0, not_needed: 0, other: 0, unspecified: 0 });

function createTrigger(id: string, inConfig: boolean, holdoutShare: number): TriggerAcc {
  return {
    id,
    inConfig,
    holdoutShare,
    variants: new Map(),
    shownCustomers: 0,
    shownCustomersConverted: 0,
    heldOutCustomers: 0,
    heldOutConversions: 0,
    mark: 0,
    sawShown: false,
    shownConverted: false,
    sawHeldOut: false,
    heldOutConverted: false,
  };
}

function addVariant(trigger: TriggerAcc, variant: string, inConfig: boolean): VariantAcc {
  const acc: VariantAcc = {
    variant,
    inConfig,
    trigger,
    fired: 0,
    heldOut: 0,
    shown: 0,
    clicked: 0,
    dismissed: dismissCounts(),
    trialsStarted: 0,
    conversions: 0,
    newMrr: 0,
    expansionMrr: 0,
    shownCustomers: 0,
    shownCustomersConverted: 0,
  };
  trigger.variants.set(variant, acc);
  return acc;
}

/** Whether an upgrade happened within `window` ms at or after one of `times`. */
function convertedWithin(times: number[], upgrades: number[] | null, window: number): boolean {
  if (!upgrades) return false;
  for (const time of times) {
    for (const upgradeAt of upgrades) if (upgradeAt >= time && upgradeAt - time <= window) return true;
  }
  return false;
}

const ratio = (numerator: number, denominator: number): number | null => (denominator > 0 ? numerator / denominator : null);

function liftOf(rate: number | null, holdoutRate: number | null): number | null {
  return rate === null || holdoutRate === null || holdoutRate === 0 ? null : (rate - holdoutRate) / holdoutRate;
}

function funnel(counters: Counters, shownCustomers: number, shownCustomersConverted: number, holdoutRate: number | null): FunnelStats {
  const shownCustomerConversionRate = ratio(shownCustomersConverted, shownCustomers);
  return {
    fired: counters.fired,
    heldOut: counters.heldOut,
    shown: counters.shown,
    clicked: counters.clicked,
    dismissed: { ...counters.dismissed },
    trialsStarted: counters.trialsStarted,
    conversions: counters.conversions,
    conversionRate: ratio(counters.conversions, counters.shown),
    clickThroughRate: ratio(counters.clicked, counters.shown),
    newMrr: counters.newMrr,
    expansionMrr: counters.expansionMrr,
    shownCustomers,
    shownCustomersConverted,
    shownCustomerConversionRate,
    lift: liftOf(shownCustomerConversionRate, holdoutRate),
  };
}

function sumCounters(variants: Iterable<VariantAcc>): Counters {
  const sum: Counters = { fired: 0, heldOut: 0, shown: 0, clicked: 0, dismissed: dismissCounts(), trialsStarted: 0, conversions: 0, newMrr: 0, expansionMrr: 0 };
  for (const v of variants) {
    sum.fired += v.fired;
    sum.heldOut += v.heldOut;
    sum.shown += v.shown;
    sum.clicked += v.clicked;
    sum.trialsStarted += v.trialsStarted;
    sum.conversions += v.conversions;
    sum.newMrr += v.newMrr;
    sum.expansionMrr += v.expansionMrr;
    for (const key in sum.dismissed) sum.dismissed[key as keyof DismissCounts] += v.dismissed[key as keyof DismissCounts];
  }
  return sum;
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
  const window = durationToMs(config.policy.attributionWindow ?? DEFAULT_ATTRIBUTION_WINDOW);

  const triggers = new Map<string, TriggerAcc>();
  for (const trigger of config.triggers) {
    if (triggers.has(trigger.id)) continue;
    const acc = createTrigger(trigger.id, true, trigger.experiment?.holdout ?? 0);
    triggers.set(trigger.id, acc);
    const variants = trigger.experiment?.variants;
    if (variants?.length) for (const variant of variants) addVariant(acc, variant.id, true);
    else addVariant(acc, CONTROL_VARIANT, true);
  }
  const variantOf = (triggerId: string, variant: string | undefined): VariantAcc => {
    let trigger = triggers.get(triggerId);
    if (!trigger) {
      trigger = createTrigger(triggerId, false, 0);
      triggers.set(triggerId, trigger);
    }
    const name = variant ?? CONTROL_VARIANT;
    return trigger.variants.get(name) ?? addVariant(trigger, name, false);
  };

  const seen = new Set<string>();
  const customers = new Map<string, CustomerAcc>();
  const totals: ConversionTotals = {
    events: 0,
    duplicates: 0,
    customers: 0,
    startingMrr: 0,
    conversions: 0,
    attributedConversions: 0,
    unattributedConversions: 0,
    newMrr: 0,
    expansionMrr: 0,
    contractionMrr: 0,
    churnedMrr: 0,
    expansionRate: null,
  };

  for (const event of events) {
    const at = event.at;
    // Written as a negated range so a missing or NaN `at` falls outside too.
    if (!(at >= from && at < to)) continue;
    totals.events++;
    // Only events that move a figure need their id remembered. A repeated
    // usage.tracked, gate.hit or trial.ended changes nothing (its customer and MRR
    // are the same), and those are most of the stream; skipping them keeps the Set
    // small, which is most of this function's time and memory.
    if (COUNTED.has(event.type)) {
      // One hash lookup instead of has() then add(): the size tells whether it was new.
      const size = seen.size;
      if (seen.add(event.id).size === size) {
        totals.duplicates++;
        continue;
      }
    }

    let customer = customers.get(event.customerId);
    if (!customer) {
      customer = { firstAt: at, startingMrr: event.mrr, upgrades: null, exposures: null };
      customers.set(event.customerId, customer);
    } else if (at < customer.firstAt) {
      customer.firstAt = at;
      customer.startingMrr = event.mrr;
    }

    switch (event.type) {
      case 'trigger.fired':
        variantOf(event.triggerId, event.variant).fired++;
        break;
      case 'prompt.shown':
      case 'prompt.held_out': {
        const acc = variantOf(event.triggerId, event.variant);
        const exposures = (customer.exposures ??= new Map());
        let exposure = exposures.get(acc);
        if (!exposure) {
          exposure = { shown: null, heldOut: null };
          exposures.set(acc, exposure);
        }
        if (event.type === 'prompt.shown') {
          acc.shown++;
          (exposure.shown ??= []).push(at);
        } else {
          acc.heldOut++;
          (exposure.heldOut ??= []).push(at);
        }
        break;
      }
      case 'prompt.clicked':
        variantOf(event.triggerId, event.variant).clicked++;
        break;
      case 'prompt.dismissed': {
        const dismissed = variantOf(event.triggerId, event.variant).dismissed;
        dismissed.total++;
        const reason = event.reason;
        if (reason === undefined) dismissed.unspecified++;
        else if (reason === 'not_now' || reason === 'too_expensive' || reason === 'not_needed') dismissed[reason]++;
        else dismissed.other++;
        break;
      }
      case 'trial.started':
        if (event.triggerId !== undefined) variantOf(event.triggerId, event.variant).trialsStarted++;
        break;
      case 'upgrade.completed': {
        const delta = event.mrrDelta;
        if (delta > 0) {
          const existing = event.mrr > PAID_EPSILON;
          if (existing) totals.expansionMrr += delta;
          else totals.newMrr += delta;
          totals.conversions++;
          (customer.upgrades ??= []).push(at);
          if (event.triggerId === undefined) {
            totals.unattributedConversions++;
          } else {
            totals.attributedConversions++;
            const acc = variantOf(event.triggerId, event.variant);
            acc.conversions++;
            if (existing) acc.expansionMrr += delta;
            else acc.newMrr += delta;
          }
        } else if (delta < 0) {
          if (event.mrr + delta > PAID_EPSILON) totals.contractionMrr -= delta;
          else totals.churnedMrr -= delta;
        }
        break;
      }
      default:
        // usage.tracked, gate.hit, trial.ended and types newer than this version
        // only count towards customers and starting MRR.
        break;
    }
  }

  // Match exposures with upgrades. A customer exposed to several variants of one
  // trigger counts once for the trigger: per-trigger flags are set in a first loop
  // over the customer's exposures and committed in a second.
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

  const reports: TriggerReport[] = [];
  for (const trigger of triggers.values()) {
    const holdoutConversionRate = ratio(trigger.heldOutConversions, trigger.heldOutCustomers);
    const variants: VariantReport[] = [];
    for (const acc of trigger.variants.values()) {
      variants.push({
        variant: acc.variant,
        inConfig: acc.inConfig,
        ...funnel(acc, acc.shownCustomers, acc.shownCustomersConverted, holdoutConversionRate),
      });
    }
    reports.push({
      triggerId: trigger.id,
      inConfig: trigger.inConfig,
      holdoutShare: trigger.holdoutShare,
      ...funnel(sumCounters(trigger.variants.values()), trigger.shownCustomers, trigger.shownCustomersConverted, holdoutConversionRate),
      heldOutCustomers: trigger.heldOutCustomers,
      heldOutConversions: trigger.heldOutConversions,
      holdoutConversionRate,
      variants,
    });
  }

  return {
    from: Number.isFinite(from) ? from : null,
    to: Number.isFinite(to) ? to : null,
    attributionWindowMs: window,
    triggers: reports,
    totals,
  };
}
