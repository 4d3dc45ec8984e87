import { offerFor, planInForce } from '@upgradekit/core';
import { useKitValue, useTrial, useUpgradeKit } from '@upgradekit/react';

/** The customer's plan id (what they pay for); re-renders only when it changes. */
export function usePlan(): string {
  const kit = useUpgradeKit();
  return useKitValue(kit, () => kit.getSnapshot().customer.plan);
}

/** A plan's display name from the config. */
export function usePlanName(planId: string | undefined): string {
  const kit = useUpgradeKit();
  return kit.config.plans.find((plan) => plan.id === planId)?.name ?? planId ?? '';
}

export interface EffectivePlan {
  /** The plan whose limits are in force: a running plan trial's, else the one paid for. */
  plan: string;
  name: string;
  /** Whole days left of a running plan trial, or `null`. */
  trialDaysLeft: number | null;
  /** The next plan that is a real upgrade from what is in force (never one with lower limits), if any. */
  next: string | undefined;
}

/**
 * What the header and copy speak of: during a Team trial the customer has Team's
 * limits, so they are "on a Team trial" and the only upgrade worth offering is
 * keeping Team (the core's `planInForce` and `offerFor` with the clock say so);
 * offering Pro would lower the limits the meters show.
 */
export function useEffectivePlan(): EffectivePlan {
  const kit = useUpgradeKit();
  const paid = usePlan();
  // Re-read on every client change; the trial hook below re-renders as its days pass and when it ends.
  const customer = useKitValue(kit, () => kit.getSnapshot().customer);
  const plan = planInForce(kit.config, customer, kit.platform.now());
  const trial = useTrial({ plan: plan === paid ? '' : plan });
  const onTrial = plan !== paid && trial.state === 'active';
  return {
    plan,
    name: usePlanName(plan),
    trialDaysLeft: onTrial ? trial.daysLeft : null,
    next: offerFor(kit.config, customer, { now: kit.platform.now() })?.plan,
  };
}

export const money = (amount: number, currency = 'USD') =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: Number.isInteger(amount) ? 0 : 2 }).format(amount);

/** Dates and times as the demo shows them: in UTC, the zone UpgradeKit computes periods in. */
export const moment = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
export const hourMinute = new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
export const day = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
