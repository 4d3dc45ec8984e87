import { useUpgradeKit, useKitValue } from '@upgradekit/react';

/** The customer's current plan id; re-renders only when it changes. */
export function usePlan(): string {
  const kit = useUpgradeKit();
  return useKitValue(kit, () => kit.getSnapshot().customer.plan);
}

/** A plan's display name from the config. */
export function usePlanName(planId: string | undefined): string {
  const kit = useUpgradeKit();
  return kit.config.plans.find((plan) => plan.id === planId)?.name ?? planId ?? '';
}

/** The plan after `planId` in the config's order, if any. */
export function useNextPlan(planId: string): string | undefined {
  const kit = useUpgradeKit();
  const plans = kit.config.plans;
  return plans[plans.findIndex((plan) => plan.id === planId) + 1]?.id;
}

export const money = (amount: number, currency = 'USD') =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: Number.isInteger(amount) ? 0 : 2 }).format(amount);
