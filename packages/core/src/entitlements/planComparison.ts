import type { Config } from '../config/schema.js';
import type { Customer } from './customer.js';
import type { Limit } from './limit.js';
import { cheapestPath, offerFor, pathTo, type OfferTarget } from './offer.js';
import { billedPrices, yearly, type BilledPrices } from './price.js';
import { addOnRoom, costOf, grantedLimit, type UpgradePath } from './upgradePath.js';

/*
 * What an upgrade buys, for plan pickers and upgrade modals: the features whose
 * limits change, the price difference, and which plan (or add-on) to recommend.
 * Pure over (config, customer), and built on the same upgrade paths and offers as
 * checks and prompts, so a picker never recommends what a prompt would not.
 */

/** One feature before and after an upgrade. Gates read `'unlimited'` when granted and 0 when not, as in checks. */
export interface ComparisonRow {
  feature: string;
  from: Limit;
  to: Limit;
}

export interface PlanComparison {
  /** The customer's plan. */
  from: string;
  /** The upgrade compared with it: the plan to be on, the add-ons to buy and what it adds to MRR. */
  path: UpgradePath;
  /** The features whose limit changes, in the config's order. */
  rows: ComparisonRow[];
  /** What it adds per month (`path.mrrDelta`, yearly prices counting a twelfth)... */
  monthlyDelta: number;
  /** ...and per year, each price billed yearly where the config offers it. */
  yearlyDelta: number;
  currency: string;
}

/** An upgrade to compare: a plan (default the customer's), with add-ons bought on top of those they own. */
export interface UpgradeTarget {
  plan?: string | undefined;
  addOns?: ReadonlyArray<{ id: string; quantity: number }> | undefined;
}

/**
 * The customer's plan against `target` (a plan, add-ons, or an `UpgradePath`):
 * every feature whose limit changes, and the price difference per month and per
 * year. Trials aside, as offers are: what changes for good. `path.limit` is
 * `feature`'s limit there (`'unlimited'` without one). `null` when the target plan
 * is not in the config.
 */
export function comparePlans(config: Config, customer: Customer, target: UpgradeTarget, feature?: string): PlanComparison | null {
  const path = pathTo(config, customer, target.plan ?? customer.plan, target.addOns ?? [], feature);
  if (!path) return null;
  const current = config.plans.find((plan) => plan.id === customer.plan);
  const next = config.plans.find((plan) => plan.id === path.plan)!;
  const owned = customer.addOns.concat(path.addOns);
  const rows: ComparisonRow[] = [];
  for (const feature of Object.keys(config.features)) {
    const from = current ? grantedLimit(config, current, customer.addOns, feature) : 0;
    const to = grantedLimit(config, next, owned, feature);
    if (from !== to) rows.push({ feature, from, to });
  }
  return {
    from: customer.plan,
    path,
    rows,
    monthlyDelta: path.mrrDelta,
    yearlyDelta: costOf(config, path.plan, owned, yearly) - costOf(config, customer.plan, customer.addOns, yearly),
    currency: path.currency,
  };
}

export interface UpgradeRecommendation {
  /** The plan to recommend against the current one: the cheapest that unlocks the target's feature, else the one asked for, else the next plan up. */
  plan: PlanComparison | null;
  /**
   * Add-ons, when buying them (on the current plan or on `plan`'s way) unlocks the
   * feature for less than the plan: the cheaper path for a seats or metered limit.
   */
  addOn: PlanComparison | null;
  /** How many units of the add-on the customer could buy at most (0 without an add-on path). */
  maxQuantity: number;
}

export interface RecommendTarget extends OfferTarget {
  /**
   * An offer made already (an `ActivePrompt`'s `upgrade`), recommended as it is:
   * with the cheapest plan beside it when it buys add-ons. Default: `offerFor`'s.
   */
  offer?: UpgradePath | null | undefined;
}

/**
 * What to recommend for a prompt, a modal or a picker: the cheapest plan that
 * unlocks `feature` (the add-ons the customer owns counted), and beside it the
 * add-on path when that is cheaper. With `plan` given, that plan and no add-on.
 */
export function recommendUpgrade(config: Config, customer: Customer, target: RecommendTarget = {}): UpgradeRecommendation {
  const none = { plan: null, addOn: null, maxQuantity: 0 };
  const best = target.offer ?? (target.plan === undefined && target.feature !== undefined ? cheapestPath(config, customer, target.feature, { now: target.now }) : null);
  const compare = (path: UpgradePath | null) => path && comparePlans(config, customer, path, target.feature);
  if (!best?.addOns.length) {
    const plan = compare(best ?? offerFor(config, customer, target));
    return plan ? { ...none, plan } : none;
  }
  const planOnly = target.feature === undefined ? null : cheapestPath(config, customer, target.feature, { addOns: false, now: target.now });
  const addOn = config.addOns.find((candidate) => candidate.id === best.addOns[0]!.id)!;
  const cheaper = !planOnly || best.mrrDelta < planOnly.mrrDelta;
  return {
    plan: compare(planOnly),
    addOn: cheaper ? compare(best) : null,
    maxQuantity: cheaper ? addOnRoom(addOn, customer) : 0,
  };
}

/** Where a plan stands against the customer's: below it, the current one, or above (an upgrade). */
export type PlanPosition = 'below' | 'current' | 'above';

export interface PlanSummary {
  plan: string;
  /** Its price billed monthly and yearly, and the yearly saving. */
  prices: BilledPrices;
  /** What the plan itself grants, per feature (no add-ons), in the config's order. */
  grants: Array<{ feature: string; limit: Limit }>;
  /** The add-ons that can be bought with it. */
  addOns: string[];
  position: PlanPosition;
  /** The upgrade to it from the customer's plan; `null` for the current plan and those below. */
  comparison: PlanComparison | null;
}

/** Every plan of the config, in its order, as a plan picker shows them. */
export function summarizePlans(config: Config, customer: Customer): PlanSummary[] {
  const currentIndex = config.plans.findIndex((plan) => plan.id === customer.plan);
  return config.plans.map((plan, index) => {
    const position: PlanPosition = index === currentIndex ? 'current' : index < currentIndex ? 'below' : 'above';
    return {
      plan: plan.id,
      prices: billedPrices(plan.price),
      grants: Object.keys(config.features).map((feature) => ({ feature, limit: grantedLimit(config, plan, [], feature) })),
      addOns: config.addOns.filter((addOn) => !addOn.plans || addOn.plans.includes(plan.id)).map((addOn) => addOn.id),
      position,
      comparison: position === 'above' ? comparePlans(config, customer, { plan: plan.id }) : null,
    };
  });
}
