/* The conversion report's shape: what `buildReport` returns (see `report.ts`). */

export interface BuildReportOptions {
  /** Start of the reporting window, epoch ms, inclusive. Default: no lower bound. */
  from?: number | undefined;
  /** End of the reporting window, epoch ms, exclusive. Default: no upper bound. */
  to?: number | undefined;
  /**
   * Also report each config version on its own (`ConversionReport.versions`), by the
   * `configVersion` every event records, so a change of thresholds can be read
   * before and after. Default: `false`.
   */
  byConfigVersion?: boolean | undefined;
}

/**
 * Attributed conversions by what the customer last did with the trigger's prompt
 * before upgrading: the latest `prompt.shown`, `prompt.clicked` or `prompt.dismissed`
 * of the trigger (any variant) at or before the upgrade. An answer at the same moment
 * as an impression counts as the answer.
 */
export interface LastActionCounts {
  /** The last was a click on the prompt. */
  clicked: number;
  /** The last was a dismissal (the customer came back and upgraded anyway). */
  dismissed: number;
  /** The last was an impression the customer neither clicked nor dismissed. */
  seen: number;
  /** No impression, click or dismissal of the trigger in the window before it (before `from`, or under another config version). */
  none: number;
}

/**
 * The holdout comparison with its uncertainty: the difference between the shown
 * customers' and the held-out customers' conversion rates, with a 95% confidence
 * interval (see `liftInterval.ts` for the method). An interval that excludes 0 says
 * the prompt changed how often customers convert.
 */
export interface LiftInterval {
  /** shownCustomerConversionRate − holdoutConversionRate; `null` when either is undefined. */
  difference: number | null;
  /** Lower end of the 95% interval of the difference; `null` without an interval. */
  low: number | null;
  /** Upper end of the 95% interval of the difference; `null` without an interval. */
  high: number | null;
  /**
   * Why there is no interval: a group of fewer than `MIN_INTERVAL_CUSTOMERS` (30)
   * customers (no holdout at all included), or a group in which no one converted.
   * `null` when there is one.
   */
  insufficient: 'too_few_customers' | 'no_conversions' | null;
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
  /** Of `total`, the dismissals that hid the prompt for good ("Don't show again"), whatever their reason. */
  forever: number;
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
  /** The same comparison as a difference of rates, with its 95% confidence interval. */
  liftInterval: LiftInterval;
  /** `conversions` by what the customer last did with the prompt before upgrading. */
  conversionsByLastAction: LastActionCounts;
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
  /**
   * Net revenue retention: (startingMrr + expansionMrr − contractionMrr − churnedMrr) /
   * startingMrr. New MRR (free → paid) is not retention and stays out. `null` when startingMrr is 0.
   */
  netRevenueRetention: number | null;
}

/** The figures of the events recorded under one config version (`BuildReportOptions.byConfigVersion`). */
export interface VersionReport {
  /** The events' `configVersion`; `null` for events recorded under a config that names no version. */
  configVersion: string | null;
  /** Earliest event of this version in the window (epoch ms). */
  firstAt: number;
  /** Latest event of this version in the window (epoch ms). */
  lastAt: number;
  triggers: TriggerReport[];
  totals: ConversionTotals;
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
  /**
   * With `byConfigVersion`: the same figures per config version, earliest first. Each
   * version counts the events recorded under it; whether an exposure converted is
   * judged against the customer's upgrades under any version, so an impression shortly
   * before a config change still gets its conversion.
   */
  versions?: VersionReport[];
}
