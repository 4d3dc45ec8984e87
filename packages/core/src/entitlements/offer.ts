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
  const current = plans[index];
  if (plan === undefined && feature !== undefined && current && featureOf(config, feature)) {
    const limit = grantedLimit(config, current, customer.addOns, feature);
    const usage = customer.usage[feature]?.value ?? 0;
    const needed = limit === 'unlimited' ? Infinity : Math.max(limit + 1, usage + 1);
    const path = Number.isFinite(needed) ? findUpgradePath(config, customer, current, feature, needed) : null;
    if (path) return path;
  }
  const target = plans.find((candidate) => candidate.id === (plan ?? plans[index + 1]?.id));
  if (!target) return null;
  const limit = feature === undefined ? 'unlimited' : grantedLimit(config, target, customer.addOns, feature);
  return {
    plan: target.id,
    addOns: [],
    limit,
    mrrDelta: mrrOf(config, target.id, customer.addOns) - mrrOf(config, customer.plan, customer.addOns),
    currency: target.price.currency,
  };
}
