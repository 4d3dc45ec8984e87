import { featureOf } from '../config/normalize.js';
import type { Config } from '../config/schema.js';
import type { Customer } from './customer.js';
import { findUpgradePath, grantedLimit, mrrOf, type UpgradePath } from './upgradePath.js';

export interface OfferTarget {
  /** The feature the offer is about: the cheapest path that raises its limit (or unlocks it). */
  feature?: string | undefined;
  /** A plan to offer as it is, whatever the cheapest path would be. */
  plan?: string | undefined;
}

/**
 * What to offer a customer, and what it adds to MRR: `plan` when given; else the
 * cheapest plan or add-on that raises `feature`'s limit above the plan's (trials
 * aside: an offer is what keeps the feature after a trial), else the next plan up.
 * `null` when nothing in the config is above what the customer has. One answer
 * for every prompt, button and modal.
 */
export function offerFor(config: Config, customer: Customer, { feature, plan }: OfferTarget = {}): UpgradePath | null {
  const plans = config.plans;
  const index = plans.findIndex((candidate) => candidate.id === customer.plan);
  const path = plan === undefined && feature !== undefined ? cheapestPath(config, customer, feature) : null;
  return path ?? pathTo(config, customer, plan ?? plans[index + 1]?.id, [], feature);
}

/**
 * The cheapest path that raises `feature`'s limit above what the customer's plan
 * grants (usage above the limit included); with `addOns: false`, the cheapest plan.
 * `null` for an unknown plan or feature, an unlimited one, or when nothing in the config does it.
 */
export function cheapestPath(config: Config, customer: Customer, feature: string, options: { addOns?: boolean } = {}): UpgradePath | null {
  const current = config.plans.find((candidate) => candidate.id === customer.plan);
  if (!current || !featureOf(config, feature)) return null;
  const limit = grantedLimit(config, current, customer.addOns, feature);
  if (limit === 'unlimited') return null;
  const usage = customer.usage[feature]?.value ?? 0;
  return findUpgradePath(config, customer, current, feature, Math.max(limit + 1, usage + 1), options.addOns);
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
