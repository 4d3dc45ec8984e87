import type { AddOn, Config, Plan, Price } from '../config/schema.js';
import { monthly } from './price.js';
import type { Customer } from './customer.js';
import type { Limit } from './limit.js';

export type { Limit } from './limit.js';

export interface UpgradePath {
  /** The plan to be on (the current one when only add-ons are needed). */
  plan: string;
  /** Add-ons to buy on top of what the customer has. */
  addOns: Array<{ id: string; quantity: number }>;
  /** The limit the customer would have. */
  limit: Limit;
  /** Monthly recurring revenue this upgrade adds (yearly prices count a twelfth). */
  mrrDelta: number;
  currency: string;
}

const isAvailableOn = (addOn: AddOn, plan: Plan) => !addOn.plans || addOn.plans.includes(plan.id);

/** The limit a plan plus add-ons grant for a feature. Add-on grants stack per unit bought. */
export function grantedLimit(
  config: Config,
  plan: Plan,
  addOns: ReadonlyArray<{ id: string; quantity: number }>,
  featureId: string,
): Limit {
  let limit = toLimit(plan.grants[featureId]);
  for (const owned of addOns) {
    if (limit === 'unlimited') break;
    const addOn = config.addOns.find((candidate) => candidate.id === owned.id);
    if (!addOn || !isAvailableOn(addOn, plan)) continue;
    const extra = toLimit(addOn.grants[featureId]);
    limit = extra === 'unlimited' ? extra : limit + extra * owned.quantity;
  }
  return limit;
}

function toLimit(grant: true | number | 'unlimited' | undefined): Limit {
  return grant === true ? 'unlimited' : (grant ?? 0);
}

/** Monthly recurring revenue of a plan plus add-ons (0 for an unknown plan). */
export function mrrOf(config: Config, planId: string, addOns: ReadonlyArray<{ id: string; quantity: number }>): number {
  return costOf(config, planId, addOns, monthly);
}

/** What a plan plus the add-ons available on it cost, each price counted by `per` (a month's, a year's); 0 for an unknown plan. */
export function costOf(config: Config, planId: string, addOns: ReadonlyArray<{ id: string; quantity: number }>, per: (price: Price) => number): number {
  const plan = config.plans.find((candidate) => candidate.id === planId);
  return plan ? per(plan.price) + addOnsCost(config, addOns, plan, per) : 0;
}

function addOnsCost(config: Config, addOns: ReadonlyArray<{ id: string; quantity: number }>, plan: Plan, per: (price: Price) => number = monthly): number {
  let cost = 0;
  for (const owned of addOns) {
    const addOn = config.addOns.find((candidate) => candidate.id === owned.id);
    if (addOn && isAvailableOn(addOn, plan)) cost += per(addOn.price) * owned.quantity;
  }
  return cost;
}

/** How many more units of `addOn` the customer can buy: its `maxQuantity` less what they own. */
export function addOnRoom(addOn: AddOn, customer: Pick<Customer, 'addOns'>): number {
  const owned = customer.addOns.find((candidate) => candidate.id === addOn.id)?.quantity ?? 0;
  return Math.max(0, (addOn.maxQuantity ?? 1) - owned);
}

/**
 * The fewest units of `addOn` to buy on top of the plan's `base` limit so that
 * `needed` fits, worked out arithmetically (an add-on may stack thousands of
 * times); `undefined` when the add-on does not grant the feature or cannot stack enough.
 */
function quantityNeeded(addOn: AddOn, featureId: string, base: Limit, needed: number, customer: Customer): number | undefined {
  const grant = addOn.grants[featureId];
  if (grant === undefined || base === 'unlimited') return undefined;
  // addOnRoom(), inline: this runs in check(), whose bytes every page that checks pays for (see .size-limit.js).
  const room = (addOn.maxQuantity ?? 1) - (customer.addOns.find((candidate) => candidate.id === addOn.id)?.quantity ?? 0);
  if (room < 1) return undefined;
  if (grant === true || grant === 'unlimited') return 1;
  if (!(grant > 0)) return undefined;
  const quantity = Math.max(1, Math.ceil((needed - base) / grant));
  return quantity <= room ? quantity : undefined;
}

/**
 * The cheapest way for `customer` to be allowed `needed` units of a feature
 * (any amount for gates): the same or a higher plan, optionally with one kind
 * of add-on bought in the smallest quantity that suffices. The customer keeps
 * the add-ons they own. Ties go to the lower plan. `null` when nothing in the
 * config allows it. With `withAddOns` false, only plans are considered.
 */
export function findUpgradePath(
  config: Config,
  customer: Customer,
  current: Plan,
  featureId: string,
  needed: number,
  withAddOns = true,
): UpgradePath | null {
  const fits = (limit: Limit) => limit === 'unlimited' || (limit > 0 && needed <= limit);
  const currentCost = monthly(current.price) + addOnsCost(config, customer.addOns, current);
  let best: (UpgradePath & { cost: number }) | null = null;
  const consider = (plan: Plan, extra: UpgradePath['addOns'], limit: Limit) => {
    const owned = customer.addOns.concat(extra);
    const cost = monthly(plan.price) + addOnsCost(config, owned, plan);
    if (best && cost >= best.cost) return;
    best = { plan: plan.id, addOns: extra, limit, mrrDelta: cost - currentCost, currency: plan.price.currency, cost };
  };

  for (const plan of config.plans.slice(config.plans.indexOf(current))) {
    const base = grantedLimit(config, plan, customer.addOns, featureId);
    if (fits(base)) {
      if (plan !== current) consider(plan, [], base);
      continue;
    }
    if (!withAddOns) continue;
    for (const addOn of config.addOns) {
      const quantity = isAvailableOn(addOn, plan) ? quantityNeeded(addOn, featureId, base, needed, customer) : undefined;
      if (quantity === undefined) continue;
      const extra = [{ id: addOn.id, quantity }];
      consider(plan, extra, grantedLimit(config, plan, customer.addOns.concat(extra), featureId));
    }
  }
  if (!best) return null;
  const { cost: _cost, ...path } = best as UpgradePath & { cost: number };
  return path;
}
