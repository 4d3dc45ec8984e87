'use client';
import { useMemo } from 'react';
import {
  summarizePlans,
  type ActivePrompt,
  type BilledPrices,
  type Config,
  type Customer,
  type FeatureType,
  type Limit,
  type PlanComparison,
  type PlanPosition,
  type Price,
  type UpgradePath,
} from '@upgradekit/core';
import { useKitContext } from '../context.js';
import type { Diagnostics } from '../diagnostics.js';
import { safely } from '../safe.js';
import { featureText, planName } from '../utils.js';
import { useCatalog, useRecommendation } from './useRecommendation.js';

/** A billing period: what the yearly toggle switches between. */
export type Billing = Price['interval'];

/** One plan's place in a picker, with copy of your own. Every field but `id` is optional. */
export interface PlanDetails {
  /** The plan's id in the config. */
  id: string;
  /** Default: the config's `name`, else the id capitalised. */
  name?: string | undefined;
  /** A line under the price. Default: none. */
  description?: string | undefined;
  /** What its CTA does: `upgrade` (your `onUpgrade`) or `contact_sales` (`url`, else your `onContactSales`). Default: `upgrade`. */
  cta?: 'upgrade' | 'contact_sales' | undefined;
  /** The CTA's label. Default: `Upgrade to {plan}` / `Contact sales`. */
  ctaLabel?: string | undefined;
  /** Where `contact_sales` leads; http(s) only. Default: none (the CTA calls `onContactSales`). */
  url?: string | undefined;
  /** Shown instead of the price ("Custom", "Let's talk"). Default: the config's price. */
  priceLabel?: string | undefined;
}

/** Which plans to show and what for: what `usePlans()` and `<PlanPicker>` both take. */
export interface PlansFor {
  /** The feature the customer wants: the recommended plan is the cheapest that unlocks it. Default: the prompt's. */
  feature?: string | undefined;
  /** The plan to recommend. Default: the prompt's offer, else the cheapest plan that unlocks `feature`, else the next plan up. */
  plan?: string | undefined;
  /** The prompt this is shown for: its feature, its offer, and its trigger, which CTAs credit. */
  prompt?: ActivePrompt | null | undefined;
  /** The plans to show, in this order: ids, or `{ id, ...copy }`. Default: every plan, in the config's order. */
  plans?: ReadonlyArray<string | PlanDetails> | undefined;
  /** The features to show as rows, in this order. Default: every feature a plan shown grants, in the config's order. */
  features?: readonly string[] | undefined;
}

export interface UsePlansOptions extends PlansFor {
  /** The billing period prices are shown for. Default: `month`. */
  billing?: Billing | undefined;
}

export interface PlanPrice {
  /** What is billed each `interval`, in `currency`. */
  amount: number;
  currency: string;
  /** `year` when the plan is billed yearly (chosen, or the only way it is billed). */
  interval: Billing;
  /** What it comes to per month. */
  perMonth: number;
  /** What billing yearly saves a year; 0 when billed monthly. */
  saving: number;
  /** The plan's `priceLabel`, to show instead. */
  label: string | undefined;
}

/** Props for `<UpgradeButton>`: the plan's CTA, credited to the prompt's trigger. */
export interface PlanCta {
  cta: 'upgrade' | 'contact_sales';
  plan: string;
  feature: string | undefined;
  triggerId: string | undefined;
  upgrade: UpgradePath;
  url: string | undefined;
  billing: Billing;
  children: string | undefined;
}

export interface PlanView {
  id: string;
  name: string;
  description: string | undefined;
  position: PlanPosition;
  recommended: boolean;
  price: PlanPrice;
  /** The limit the plan grants for each of `features`, in the same order. Gates: `'unlimited'` or 0. */
  grants: Limit[];
  /** Add-ons that can be bought with it. */
  addOns: Array<{ id: string; name: string; price: Price }>;
  /** What changes from the customer's plan; `null` for it and the plans below. */
  comparison: PlanComparison | null;
  /** Spread on `<UpgradeButton {...plan.cta} />`; `null` for the current plan and those below (no self-serve downgrades). */
  cta: PlanCta | null;
}

export interface Plans {
  plans: PlanView[];
  /** The rows: each feature's id, display name and type. */
  features: Array<{ id: string; name: string; type: FeatureType }>;
  current: string;
  /** The cheapest plan that unlocks the feature (or the one asked for), when it is shown. */
  recommended: string | null;
  billing: Billing;
  /** Whether a plan shown is billed both monthly and yearly: when a billing toggle makes sense. */
  yearly: boolean;
}

/**
 * The config's plans as a picker shows them, for markup of your own: prices for
 * the billing period, grants per feature, the current and the recommended plan,
 * and each plan's CTA. Re-renders when the customer, the config or the feature's usage changes.
 */
export function usePlans(options: UsePlansOptions = {}): Plans {
  const context = useKitContext('usePlans()');
  const feature = options.prompt?.feature ?? options.feature;
  const { config, customer, version } = useCatalog(context, feature);
  const recommendation = useRecommendation(context, { feature, plan: options.plan, prompt: options.prompt });
  const { plans, features, billing = 'month', prompt } = options;
  return useMemo(
    () => {
      const recommended = recommendation.plan?.path.plan ?? null;
      const input = { config, customer, feature, triggerId: prompt?.triggerId, billing, recommended };
      return plansView(input, plans, features, context.diagnostics);
    },
    // `version` changes with the feature's usage; inline `plans` and `features` arrays only cost a recompute.
    [context.diagnostics, config, customer, version, recommendation, feature, prompt?.triggerId, billing, plans, features],
  );
}

interface ViewInput {
  config: Config;
  customer: Customer;
  feature: string | undefined;
  triggerId: string | undefined;
  billing: Billing;
  recommended: string | null;
}

function plansView(input: ViewInput, chosen: UsePlansOptions['plans'], rows: UsePlansOptions['features'], diagnostics: Diagnostics): Plans {
  const { config, customer, billing } = input;
  const summaries = safely(diagnostics, 'summarizePlans()', () => summarizePlans(config, customer), []);
  const details = (chosen ?? config.plans.map((plan) => plan.id)).map((entry) => (typeof entry === 'string' ? { id: entry } : entry));
  const known = (kind: string, ids: readonly string[], defined: string[]) =>
    ids
      .filter((id) => defined.includes(id) || void diagnostics.warn(`${kind}s lists ${kind} "${id}", which is not in the config (defined: ${defined.join(', ')}); it is left out`))
      .filter((id, index, all) => all.indexOf(id) === index);
  const shownIds = known('plan', details.map((detail) => detail.id), config.plans.map((plan) => plan.id));
  const shown = shownIds.map((id) => ({ summary: summaries.find((summary) => summary.plan === id)!, detail: details.find((detail) => detail.id === id)! }));
  const featureIds = rows ? known('feature', rows, Object.keys(config.features)) : Object.keys(config.features).filter((id) => shown.some(({ summary }) => limitOf(summary, id) !== 0));
  const views = shown.map(({ summary, detail }): PlanView => {
    const comparison = summary.comparison;
    const price = priceFor(summary.prices, billing, detail.priceLabel);
    return {
      id: summary.plan,
      name: detail.name ?? planName(config, summary.plan),
      description: detail.description,
      position: summary.position,
      recommended: summary.plan === input.recommended && summary.position === 'above',
      price,
      grants: featureIds.map((id) => limitOf(summary, id)),
      addOns: summary.addOns.map((id) => config.addOns.find((addOn) => addOn.id === id)!).map((addOn) => ({ id: addOn.id, name: addOn.name ?? addOn.id, price: addOn.price })),
      comparison,
      cta: comparison && {
        cta: detail.cta ?? 'upgrade',
        plan: summary.plan,
        feature: input.feature,
        triggerId: input.triggerId,
        upgrade: comparison.path,
        url: detail.url,
        billing: price.interval,
        children: detail.ctaLabel,
      },
    };
  });
  return {
    plans: views,
    features: featureIds.map((id) => ({ id, name: featureText(config, id).name, type: config.features[id]!.type })),
    current: customer.plan,
    recommended: views.some((view) => view.recommended) ? input.recommended : null,
    billing,
    yearly: shown.some(({ summary }) => summary.prices.month !== null && summary.prices.year !== null && summary.prices.month > 0),
  };
}

const limitOf = (summary: { grants: Array<{ feature: string; limit: Limit }> }, feature: string): Limit =>
  summary.grants.find((grant) => grant.feature === feature)?.limit ?? 0;

/** The price shown for a billing period: the yearly price when chosen and offered, else the way the plan is billed. */
function priceFor({ month, year, yearlySaving, currency }: BilledPrices, billing: Billing, label: string | undefined): PlanPrice {
  if (year !== null && (billing === 'year' || month === null)) {
    return { amount: year, currency, interval: 'year', perMonth: year / 12, saving: billing === 'year' ? yearlySaving : 0, label };
  }
  return { amount: month ?? 0, currency, interval: 'month', perMonth: month ?? 0, saving: 0, label };
}
