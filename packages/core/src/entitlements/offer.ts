import { featureOf } from '../config/normalize.js';
import type { Config } from '../config/schema.js';
import { isTrialActive } from './check.js';
import type { Customer } from './customer.js';
import { findUpgradePath, grantedLimit, mrrOf, type UpgradePath } from './upgradePath.js';

export interface OfferTarget {
  /** The feature the offer is about: the cheapest path that raises its limit (or unlocks it). */
  feature?: string | undefined;
  /** A plan to offer as it is, whatever the cheapest path would be. */
  plan?: string | undefined;
  /**
   * The moment to read trials at (epoch ms): a plan trial running then puts its plan
   * in force, so "the next plan up" is never one with lower limits than the customer
   * has now. Default: trials are not read.
   */
  now?: number | undefined;
}

/**
 * What to offer a customer, and what it adds to MRR: `plan` when given; else the
 * cheapest plan or add-on that raises `feature`'s limit above the plan's (trials
 * aside: an offer is what keeps the feature after a trial), else the next plan up
 * from the plan in force (see `nextPlanUp`). `null` when nothing in the config is
 * above what the customer has. One answer for every prompt, button and modal.
 */
export function offerFor(config: Config, customer: Customer, { feature, plan, now }: OfferTarget = {}): UpgradePath | null {
  const path = plan === undefined && feature !== undefined ? cheapestPath(config, customer, feature, { now }) : null;
  return path ?? pathTo(config, customer, plan ?? nextPlanUp(config, customer, now), [], feature);
}

/**
 * The plan whose limits are in force at `now`: the highest plan of a running plan
 * trial when it ranks above the one paid for, else the paid plan. Without `now`, the paid plan.
 */
export function planInForce(config: Config, customer: Customer, now?: number): string {
  const rank = (id: string | undefined) => config.plans.findIndex((candidate) => candidate.id === id);
  let best = customer.plan;
  if (now === undefined) return best;
  for (const trial of customer.trials) {
    if (trial.plan !== undefined && isTrialActive(trial, now) && rank(trial.plan) > rank(best)) best = trial.plan;
  }
  return best;
}

/**
 * The plan to offer when nothing narrower is asked: during a plan trial, the
 * trial's plan (buying it keeps what the customer has); else the next plan above
 * the paid one. `undefined` at the top.
 */
export function nextPlanUp(config: Config, customer: Customer, now?: number): string | undefined {
  const inForce = planInForce(config, customer, now);
  if (inForce !== customer.plan) return inForce;
  return config.plans[config.plans.findIndex((candidate) => candidate.id === customer.plan) + 1]?.id;
}

/**
 * The cheapest path that raises `feature`'s limit above what the customer's plan
 * grants (usage above the limit included); with `addOns: false`, the cheapest plan.
 * With `now` during a plan trial, the path also keeps at least the limit the trial
 * grants, so it never offers less than the customer has. `null` for an unknown plan
 * or feature, an unlimited one, or when nothing in the config does it.
 */
export function cheapestPath(config: Config, customer: Customer, feature: string, options: { addOns?: boolean; now?: number | undefined } = {}): UpgradePath | null {
  const current = config.plans.find((candidate) => candidate.id === customer.plan);
  if (!current || !featureOf(config, feature)) return null;
  const limit = grantedLimit(config, current, customer.addOns, feature);
  if (limit === 'unlimited') return null;
  const usage = customer.usage[feature]?.value ?? 0;
  return findUpgradePath(config, customer, current, feature, Math.max(limit + 1, usage + 1, trialLimit(config, customer, feature, options.now)), options.addOns);
}

/** What a running plan trial grants of `feature` (`Infinity` for unlimited), `0` without one. */
function trialLimit(config: Config, customer: Customer, feature: string, now: number | undefined): number {
  const inForce = config.plans.find((candidate) => candidate.id === planInForce(config, customer, now));
  if (!inForce || inForce.id === customer.plan) return 0;
  const granted = grantedLimit(config, inForce, customer.addOns, feature);
  return granted === 'unlimited' ? Infinity : granted;
}

/**
 * The path to exactly `planId` with `extra` add-ons bought on top of those the
 * customer owns, and what it adds to MRR; `limit` is `feature`'s there (`'unlimited'`
 * without a feature). `null` for an unknown plan.
 */
export function pathTo(
  config: Config,
  customer: Customer,
  planId: string | undefined,
  extra: ReadonlyArray<{ id: string; quantity: number }> = [],
  feature?: string,
): UpgradePath | null {
  const target = config.plans.find((candidate) => candidate.id === planId);
  if (!target) return null;
  const owned = customer.addOns.concat(extra);
  return {
    plan: target.id,
    addOns: extra.map((addOn) => ({ ...addOn })),
    limit: feature === undefined ? 'unlimited' : grantedLimit(config, target, owned, feature),
    mrrDelta: mrrOf(config, target.id, owned) - mrrOf(config, customer.plan, customer.addOns),
    currency: target.price.currency,
  };
}
