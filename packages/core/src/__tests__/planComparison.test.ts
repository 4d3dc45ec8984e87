import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../config/normalize.js';
import type { ConfigInput } from '../config/schema.js';
import { parseCustomer, type CustomerInput } from '../entitlements/customer.js';
import { nextPlanUp, offerFor, planInForce } from '../entitlements/offer.js';
import { comparePlans, recommendUpgrade, summarizePlans } from '../entitlements/planComparison.js';
import { billedPrices } from '../entitlements/price.js';
import { grantedLimit, mrrOf } from '../entitlements/upgradePath.js';
import { saasConfig } from './fixtures.js';

const NOW = Date.UTC(2026, 10, 20);
const config = normalizeConfig(saasConfig);
const customerOf = (input: Omit<CustomerInput, 'id'>, model = config) => parseCustomer({ id: 'c1', ...input }, model, NOW).customer;
/** The fixture with a yearly price for Pro: $290 a year instead of 12 × $29. */
const withYearlyPro = normalizeConfig({
  ...saasConfig,
  plans: saasConfig.plans.map((plan) => (plan.id === 'pro' ? { ...plan, price: { ...plan.price, yearly: 290 } } : plan)),
} as ConfigInput);

describe('comparePlans', () => {
  it('lists what changes from Free to Pro, in the config order, and the price difference', () => {
    const comparison = comparePlans(config, customerOf({ plan: 'free' }), { plan: 'pro' });
    expect(comparison?.rows).toEqual([
      { feature: 'projects', from: 3, to: 20 },
      { feature: 'apiCalls', from: 1000, to: 10000 },
      { feature: 'exports', from: 5, to: 50 },
      { feature: 'seats', from: 2, to: 5 },
      { feature: 'pdfExport', from: 0, to: 'unlimited' },
    ]);
    expect(comparison).toMatchObject({ from: 'free', monthlyDelta: 29, yearlyDelta: 348, currency: 'USD', path: { plan: 'pro', addOns: [], mrrDelta: 29 } });
  });

  it('prices a year billed yearly where the plan offers it, and counts a yearly plan a twelfth a month', () => {
    const toTeam = comparePlans(withYearlyPro, customerOf({ plan: 'pro' }, withYearlyPro), { plan: 'team' });
    // Team is $948 a year ($79 a month); Pro billed yearly is $290.
    expect(toTeam).toMatchObject({ monthlyDelta: 50, yearlyDelta: 658 });
    expect(toTeam?.rows.map((row) => row.feature)).toEqual(['projects', 'apiCalls', 'exports', 'seats', 'sso']);
  });

  it('compares add-ons bought on the current plan, on top of those owned', () => {
    const customer = customerOf({ plan: 'pro', addOns: [{ id: 'seats5', quantity: 1 }] });
    expect(comparePlans(config, customer, { addOns: [{ id: 'seats5', quantity: 2 }] }, 'seats')).toMatchObject({
      rows: [{ feature: 'seats', from: 10, to: 20 }],
      monthlyDelta: 20,
      path: { plan: 'pro', addOns: [{ id: 'seats5', quantity: 2 }], limit: 20 },
    });
    // Owned add-ons come along to the new plan and count on both sides.
    expect(comparePlans(config, customer, { plan: 'team' })?.rows).toContainEqual({ feature: 'seats', from: 10, to: 25 });
  });

  it('answers null for a plan the config does not have, and compares from nothing for an unknown current plan', () => {
    expect(comparePlans(config, customerOf({ plan: 'free' }), { plan: 'enterprise' })).toBeNull();
    const fromNowhere = comparePlans(config, customerOf({ plan: 'legacy' }), { plan: 'free' });
    expect(fromNowhere?.rows).toContainEqual({ feature: 'projects', from: 0, to: 3 });
    expect(fromNowhere?.monthlyDelta).toBe(0);
  });
});

describe('recommendUpgrade', () => {
  it('recommends the cheapest plan that unlocks a gate, with no add-on', () => {
    const recommendation = recommendUpgrade(config, customerOf({ plan: 'free' }), { feature: 'pdfExport' });
    expect(recommendation.plan?.path.plan).toBe('pro');
    expect(recommendation.addOn).toBeNull();
  });

  it('offers an add-on beside the plan when it raises a seats limit for less, with how many can be bought', () => {
    const recommendation = recommendUpgrade(config, customerOf({ plan: 'pro', usage: { seats: 5 } }), { feature: 'seats' });
    expect(recommendation.plan).toMatchObject({ path: { plan: 'team', addOns: [] }, monthlyDelta: 50 });
    expect(recommendation.addOn).toMatchObject({ path: { plan: 'pro', addOns: [{ id: 'seats5', quantity: 1 }], limit: 10 }, monthlyDelta: 10 });
    expect(recommendation.maxQuantity).toBe(4);
    // One owned already: three more can be bought.
    const owning = customerOf({ plan: 'pro', usage: { seats: 10 }, addOns: [{ id: 'seats5', quantity: 1 }] });
    expect(recommendUpgrade(config, owning, { feature: 'seats' }).maxQuantity).toBe(3);
  });

  it('offers a metered add-on on the free plan when it is cheaper than Pro', () => {
    const recommendation = recommendUpgrade(config, customerOf({ plan: 'free', usage: { apiCalls: 1000 } }), { feature: 'apiCalls' });
    expect(recommendation.plan?.path.plan).toBe('pro');
    expect(recommendation.addOn).toMatchObject({ path: { plan: 'free', addOns: [{ id: 'api10k', quantity: 1 }] }, monthlyDelta: 15 });
  });

  it('recommends a prompt’s offer as it is: a plan it names, or its add-on beside the cheapest plan', () => {
    const customer = customerOf({ plan: 'pro', usage: { seats: 5 } });
    const named = comparePlans(config, customer, { plan: 'team' }, 'seats')!.path;
    expect(recommendUpgrade(config, customer, { feature: 'seats', offer: named })).toMatchObject({ plan: { path: { plan: 'team' } }, addOn: null });
    const addOn = { plan: 'pro', addOns: [{ id: 'seats5', quantity: 2 }], limit: 15, mrrDelta: 20, currency: 'USD' };
    expect(recommendUpgrade(config, customer, { feature: 'seats', offer: addOn })).toMatchObject({ plan: { path: { plan: 'team' } }, addOn: { path: addOn, monthlyDelta: 20 } });
  });

  it('recommends the plan asked for as it is, and nothing above the top plan', () => {
    expect(recommendUpgrade(config, customerOf({ plan: 'free', usage: { seats: 2 } }), { feature: 'seats', plan: 'team' })).toMatchObject({
      plan: { path: { plan: 'team' } },
      addOn: null,
    });
    expect(recommendUpgrade(config, customerOf({ plan: 'team' }), { feature: 'sso' })).toEqual({ plan: null, addOn: null, maxQuantity: 0 });
    // Without a feature: the next plan up.
    expect(recommendUpgrade(config, customerOf({ plan: 'free' })).plan?.path.plan).toBe('pro');
  });

  it('offers only the add-on when no plan alone would do', () => {
    // 30 seats: Team has 20; Team with two packs of five has 30.
    const recommendation = recommendUpgrade(config, customerOf({ plan: 'team', usage: { seats: 29 }, addOns: [{ id: 'seats5', quantity: 1 }] }), { feature: 'seats' });
    expect(recommendation).toMatchObject({ plan: null, addOn: { path: { plan: 'team', addOns: [{ id: 'seats5', quantity: 1 }] } }, maxQuantity: 3 });
  });
});

describe('summarizePlans and billedPrices', () => {
  it('summarizes every plan against the customer: position, prices, grants, add-ons and the upgrade to it', () => {
    const plans = summarizePlans(withYearlyPro, customerOf({ plan: 'pro' }, withYearlyPro));
    expect(plans.map(({ plan, position }) => [plan, position])).toEqual([
      ['free', 'below'],
      ['pro', 'current'],
      ['team', 'above'],
    ]);
    expect(plans.map((plan) => plan.prices)).toEqual([
      { currency: 'USD', month: 0, year: 0, yearlySaving: 0 },
      { currency: 'USD', month: 29, year: 290, yearlySaving: 58 },
      { currency: 'USD', month: null, year: 948, yearlySaving: 0 },
    ]);
    expect(plans[2]!.grants.find((grant) => grant.feature === 'sso')).toEqual({ feature: 'sso', limit: 'unlimited' });
    expect(plans.map((plan) => plan.addOns)).toEqual([['api10k'], ['seats5', 'api10k'], ['seats5', 'api10k']]);
    expect(plans.map((plan) => plan.comparison?.path.plan ?? null)).toEqual([null, null, 'team']);
  });

  it('bills a monthly price without a yearly one monthly only', () => {
    expect(billedPrices({ amount: 29, currency: 'EUR', interval: 'month' })).toEqual({ currency: 'EUR', month: 29, year: null, yearlySaving: 0 });
    // A yearly price above twelve months saves nothing rather than a negative amount.
    expect(billedPrices({ amount: 10, currency: 'EUR', interval: 'month', yearly: 130 }).yearlySaving).toBe(0);
  });

  it('ignores a yearly alternative on a price that is yearly already', () => {
    expect(billedPrices({ amount: 948, currency: 'USD', interval: 'year', yearly: 900 })).toEqual({ currency: 'USD', month: null, year: 948, yearlySaving: 0 });
  });
});

describe('properties', () => {
  fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261201) });
  const planIds = config.plans.map((plan) => plan.id);
  const featureIds = Object.keys(config.features);
  const customer = fc
    .record({
      plan: fc.constantFrom(...planIds),
      usage: fc.record({ projects: fc.nat(40), apiCalls: fc.nat(200_000), exports: fc.nat(80), seats: fc.nat(40) }),
      addOns: fc.subarray(config.addOns.map((addOn) => addOn.id)).chain((ids) => fc.tuple(...ids.map((id) => fc.integer({ min: 1, max: 2 }).map((quantity) => ({ id, quantity }))))),
    })
    .map((input) => customerOf(input));

  it('every row changes, and every feature left out is unchanged', () => {
    fc.assert(
      fc.property(customer, fc.constantFrom(...planIds), fc.constantFrom(...config.addOns.map((addOn) => addOn.id)), fc.integer({ min: 0, max: 3 }), (who, plan, addOn, quantity) => {
        const extra = quantity ? [{ id: addOn, quantity }] : [];
        const comparison = comparePlans(config, who, { plan, addOns: extra })!;
        const current = config.plans.find((candidate) => candidate.id === who.plan)!;
        const target = config.plans.find((candidate) => candidate.id === plan)!;
        for (const feature of featureIds) {
          const from = grantedLimit(config, current, who.addOns, feature);
          const to = grantedLimit(config, target, who.addOns.concat(extra), feature);
          const row = comparison.rows.find((candidate) => candidate.feature === feature);
          expect(row ?? { feature, from, to: from }).toEqual({ feature, from, to });
        }
        expect(comparison.monthlyDelta).toBeCloseTo(mrrOf(config, plan, who.addOns.concat(extra)) - mrrOf(config, who.plan, who.addOns));
      }),
      { numRuns: 200 },
    );
  });

  it('recommends what a prompt offers: the cheaper of the plan and the add-on is offerFor’s path', () => {
    fc.assert(
      fc.property(customer, fc.constantFrom(...featureIds), (who, feature) => {
        const { plan, addOn } = recommendUpgrade(config, who, { feature });
        const offer = offerFor(config, who, { feature });
        const cheapest = addOn ?? plan;
        expect(cheapest?.path ?? null).toEqual(offer);
        // A prompt's offer (the same offerFor answer) gives the same recommendation.
        expect(recommendUpgrade(config, who, { feature, offer })).toEqual({ plan, addOn, maxQuantity: recommendUpgrade(config, who, { feature }).maxQuantity });
        // The add-on is only beside a plan when it costs less, and a recommended plan buys no add-ons beside it.
        if (addOn && plan) {
          expect(addOn.monthlyDelta).toBeLessThan(plan.monthlyDelta);
          expect(plan.path.addOns).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('offers during a plan trial', () => {
  const DAY = 864e5;
  const onTeamTrial = customerOf({ plan: 'free', trials: [{ plan: 'team', startedAt: NOW - DAY, endsAt: NOW + 6 * DAY }] });

  it('puts the trial plan in force while it runs, and the paid plan before and after', () => {
    expect(planInForce(config, onTeamTrial, NOW)).toBe('team');
    expect(planInForce(config, onTeamTrial, NOW + 7 * DAY)).toBe('free');
    expect(planInForce(config, onTeamTrial, NOW - 2 * DAY)).toBe('free');
    expect(planInForce(config, onTeamTrial)).toBe('free');
  });

  it('offers keeping the trial plan, never the plan between, which would lower the limits the customer has', () => {
    expect(nextPlanUp(config, onTeamTrial, NOW)).toBe('team');
    expect(offerFor(config, onTeamTrial, { now: NOW })).toMatchObject({ plan: 'team', mrrDelta: 79 });
    expect(recommendUpgrade(config, onTeamTrial, { now: NOW }).plan?.path.plan).toBe('team');
    // Once the trial is over, the next plan up from Free again.
    expect(offerFor(config, onTeamTrial, { now: NOW + 7 * DAY })?.plan).toBe('pro');
  });

  it('offers for a feature the cheapest path that keeps at least what the trial grants of it', () => {
    // Pro grants PDF export as Team does: buying Pro keeps it.
    expect(offerFor(config, onTeamTrial, { feature: 'pdfExport', now: NOW })?.plan).toBe('pro');
    // Pro has 20 projects, the Team trial unlimited: only Team keeps them.
    expect(offerFor(config, onTeamTrial, { feature: 'projects', now: NOW })?.plan).toBe('team');
    expect(offerFor(config, onTeamTrial, { feature: 'projects' })?.plan).toBe('pro');
  });

  it('offers the next plan up from a paid plan above a trial of a lower one', () => {
    const teamWithProTrial = customerOf({ plan: 'team', trials: [{ plan: 'pro', startedAt: NOW - DAY, endsAt: NOW + DAY }] });
    expect(planInForce(config, teamWithProTrial, NOW)).toBe('team');
    expect(nextPlanUp(config, teamWithProTrial, NOW)).toBe(config.plans[config.plans.findIndex((plan) => plan.id === 'team') + 1]?.id);
  });
});
