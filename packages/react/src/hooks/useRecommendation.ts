'use client';
import { useMemo } from 'react';
import { planInForce, recommendUpgrade, type ActivePrompt, type Config, type Customer, type UpgradeRecommendation } from '@upgradekit/core';
import type { UpgradeKitContextValue } from '../context.js';
import { safeCheck, safely } from '../safe.js';
import { useKitValue } from './useUpgradeKit.js';

/** What an upgrade is for: a feature, a plan asked for, or a prompt (which names both and carries its offer). */
export interface UpgradeFor {
  feature?: string | undefined;
  plan?: string | undefined;
  prompt?: ActivePrompt | null | undefined;
}

const NONE: UpgradeRecommendation = { plan: null, addOn: null, maxQuantity: 0 };

/**
 * The config and customer in force, re-read when either changes or the usage of
 * `feature` does (usage is updated in place, so the customer alone would not say so).
 */
export function useCatalog(context: UpgradeKitContextValue, feature: string | undefined): { config: Config; customer: Customer; version: unknown } {
  const { kit } = context;
  const config = useKitValue(kit, () => kit.config);
  const customer = useKitValue(kit, () => kit.getSnapshot().customer);
  const version = useKitValue(kit, () => (feature ? safeCheck(context, feature) : null));
  return { config, customer, version };
}

/**
 * The plan to recommend against the customer's and, when cheaper, the add-on
 * beside it (core's `recommendUpgrade`): a prompt's own offer as it is, the plan
 * asked for, else the cheapest plan that unlocks the feature, else the next plan up.
 */
export function useRecommendation(context: UpgradeKitContextValue, { feature, plan, prompt }: UpgradeFor): UpgradeRecommendation {
  const { config, customer, version } = useCatalog(context, feature);
  // The prompt's offer answers for the plan it resolved; a plan the host asks for wins over it.
  const offer = plan === undefined ? prompt?.upgrade : undefined;
  // Time matters only through the plan in force (a plan trial running or not).
  const inForce = safely(context.diagnostics, 'planInForce()', () => planInForce(config, customer, context.kit.platform.now()), customer.plan);
  return useMemo(
    () => safely(context.diagnostics, 'recommendUpgrade()', () => recommendUpgrade(config, customer, { feature, plan, offer, now: context.kit.platform.now() }), NONE),
    // `version` changes with the feature's usage, which the recommendation reads.
    [context.diagnostics, context.kit, config, customer, version, feature, plan, offer, inForce],
  );
}
