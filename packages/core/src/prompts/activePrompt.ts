import type { Config, Cta, PromptKind, Trigger } from '../config/schema.js';
import type { CheckResult } from '../entitlements/check.js';
import type { Customer } from '../entitlements/customer.js';
import { mrrOf, type UpgradePath } from '../entitlements/upgradePath.js';

/** A prompt the arbiter allows now, with its copy resolved for the customer's variant. */
export interface ActivePrompt {
  triggerId: string;
  variant: string;
  kind: PromptKind;
  placement?: string;
  feature?: string;
  title?: string;
  body?: string;
  cta: Cta;
  ctaLabel?: string;
  /** http(s) only (checked when the config is parsed). */
  url?: string;
  /** The recommended plan. */
  plan?: string;
  /** How to get there and what it adds to MRR. */
  upgrade: UpgradePath | null;
  priority: number;
}

/**
 * Resolves a trigger's prompt for a variant: the variant's copy over the
 * trigger's, and the recommended plan: the prompt's own, else the cheapest
 * path that unlocks its feature, else the next plan up.
 */
export function toActivePrompt(
  config: Config,
  trigger: Trigger,
  variant: string,
  checkFeature: (featureId: string) => CheckResult,
  customer: Customer,
): ActivePrompt {
  const overrides = trigger.experiment?.variants?.find((candidate) => candidate.id === variant)?.prompt;
  const prompt = { ...trigger.prompt, ...overrides };
  let upgrade: UpgradePath | null = null;
  const planIndex = config.plans.findIndex((plan) => plan.id === customer.plan);
  const target = prompt.plan ?? (prompt.feature ? undefined : config.plans[planIndex + 1]?.id);
  if (target) {
    const plan = config.plans.find((candidate) => candidate.id === target)!;
    upgrade = {
      plan: target,
      addOns: [],
      limit: 'unlimited',
      mrrDelta: mrrOf(config, target, customer.addOns) - mrrOf(config, customer.plan, customer.addOns),
      currency: plan.price.currency,
    };
    if (prompt.feature) {
      const grant = plan.grants[prompt.feature];
      upgrade.limit = grant === true || grant === undefined ? (grant ? 'unlimited' : 0) : grant;
    }
  } else if (prompt.feature) {
    upgrade = checkFeature(prompt.feature).upgrade;
  }
  const active: ActivePrompt = {
    triggerId: trigger.id,
    variant,
    kind: prompt.kind,
    cta: prompt.cta ?? 'upgrade',
    upgrade,
    priority: trigger.priority ?? 0,
  };
  if (upgrade) active.plan = upgrade.plan;
  for (const key of ['placement', 'feature', 'title', 'body', 'ctaLabel', 'url'] as const) {
    if (prompt[key] !== undefined) active[key] = prompt[key];
  }
  return active;
}
