import type { Config } from '../config/schema.js';
import { CONTROL } from '../prompts/experiment.js';
import { liftInterval } from './liftInterval.js';
import type { ConversionTotals, DismissCounts, FunnelStats, LastActionCounts } from './reportTypes.js';

/*
 * Mutable accumulators the report pass counts into: per trigger, per variant and
 * per customer. An event allocates nothing unless it introduces a new customer,
 * trigger, variant or exposure.
 */

/** The funnel figures counted event by event; the rates are derived from them at the end. */
export type Counters = Pick<
  FunnelStats,
  'fired' | 'heldOut' | 'shown' | 'clicked' | 'dismissed' | 'trialsStarted' | 'conversions' | 'newMrr' | 'expansionMrr' | 'conversionsByLastAction'
>;

export interface VariantAcc extends Counters {
  variant: string;
  inConfig: boolean;
  trigger: TriggerAcc;
  shownCustomers: number;
  shownCustomersConverted: number;
}

export interface TriggerAcc {
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

/** One customer's impressions, holdouts and answers of one variant (times, epoch ms). */
export interface Exposure {
  shown: number[] | null;
  heldOut: number[] | null;
  clicked: number[] | null;
  dismissed: number[] | null;
}

export interface CustomerAcc {
  firstAt: number;
  startingMrr: number;
  exposures: Map<VariantAcc, Exposure> | null;
  /** Conversions attributed to a trigger, for the split by last action. */
  conversions: Array<{ acc: VariantAcc; at: number }> | null;
}

/** The held-out customers a trigger's variants are measured against. */
export interface HoldoutGroup {
  customers: number;
  conversions: number;
}

const dismissCounts = (): DismissCounts => ({ total: 0, not_now: 0, too_expensive: 0, not_needed: 0, other: 0, unspecified: 0, forever: 0 });
export const lastActionCounts = (): LastActionCounts => ({ clicked: 0, dismissed: 0, seen: 0, none: 0 });

export function createTrigger(id: string, inConfig: boolean, holdoutShare: number): TriggerAcc {
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

export function addVariant(trigger: TriggerAcc, variant: string, inConfig: boolean): VariantAcc {
  const acc: VariantAcc = {
    variant,
    inConfig,
    trigger,
    ...emptyCounters(),
    shownCustomers: 0,
    shownCustomersConverted: 0,
  };
  trigger.variants.set(variant, acc);
  return acc;
}

/** Whether an upgrade happened within `window` ms at or after one of `times`. */
export function convertedWithin(times: number[], upgrades: number[] | undefined, window: number): boolean {
  if (!upgrades) return false;
  for (const time of times) {
    for (const upgradeAt of upgrades) if (upgradeAt >= time && upgradeAt - time <= window) return true;
  }
  return false;
}

export const ratio = (numerator: number, denominator: number): number | null => (denominator > 0 ? numerator / denominator : null);

function liftOf(rate: number | null, holdoutRate: number | null): number | null {
  return rate === null || holdoutRate === null || holdoutRate === 0 ? null : (rate - holdoutRate) / holdoutRate;
}

/** The published figures of a variant, or of a trigger across them: its counters, its customers' conversion, and the comparison with `holdout`. */
export function funnel(counters: Counters, shownCustomers: number, shownCustomersConverted: number, holdout: HoldoutGroup): FunnelStats {
  const shownCustomerConversionRate = ratio(shownCustomersConverted, shownCustomers);
  const holdoutRate = ratio(holdout.conversions, holdout.customers);
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
    liftInterval: liftInterval(shownCustomersConverted, shownCustomers, holdout.conversions, holdout.customers),
    conversionsByLastAction: { ...counters.conversionsByLastAction },
  };
}

/** Every counter at zero, with fresh nested counts. */
const emptyCounters = (): Counters => ({
  fired: 0,
  heldOut: 0,
  shown: 0,
  clicked: 0,
  dismissed: dismissCounts(),
  trialsStarted: 0,
  conversions: 0,
  newMrr: 0,
  expansionMrr: 0,
  conversionsByLastAction: lastActionCounts(),
});

export function sumCounters(variants: Iterable<VariantAcc>): Counters {
  const sum = emptyCounters();
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
    for (const key in sum.conversionsByLastAction) {
      sum.conversionsByLastAction[key as keyof LastActionCounts] += v.conversionsByLastAction[key as keyof LastActionCounts];
    }
  }
  return sum;
}

export const emptyTotals = (): ConversionTotals => ({
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
  netRevenueRetention: null,
});

/** The triggers of the config, in config order, each with its configured variants. */
export function triggersOf(config: Config): Map<string, TriggerAcc> {
  const triggers = new Map<string, TriggerAcc>();
  for (const trigger of config.triggers) {
    if (triggers.has(trigger.id)) continue;
    const acc = createTrigger(trigger.id, true, trigger.experiment?.holdout ?? 0);
    triggers.set(trigger.id, acc);
    const variants = trigger.experiment?.variants;
    if (variants?.length) for (const variant of variants) addVariant(acc, variant.id, true);
    else addVariant(acc, CONTROL, true);
  }
  return triggers;
}
