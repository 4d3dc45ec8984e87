import type { Config, Cta, PromptKind, Trigger } from '../config/schema.js';
import type { Customer } from '../entitlements/customer.js';
import { offerFor } from '../entitlements/offer.js';
import type { UpgradePath } from '../entitlements/upgradePath.js';
import type { TrialLeaf } from '../triggers/leaves/trial.js';
import { trialOf } from '../triggers/trialOf.js';

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
  /**
   * The trial the trigger's condition is about (its first `trial` leaf), and the
   * state it fires in: a trial prompt speaks for that trial, in that state
   * (`ending`: "2 days left in your Team trial"; `expired`: "Your trial ended").
   */
  trial?: { feature?: string; plan?: string; state: TrialLeaf['state'] };
}

const COPY = ['placement', 'feature', 'title', 'body', 'ctaLabel', 'url'] as const;

/**
 * Resolves a trigger's prompt for a variant: the variant's copy over the
 * trigger's, and the offer (see `offerFor`): the prompt's own plan, else the
 * cheapest path that unlocks its feature, else the next plan up.
 */
export function toActivePrompt(config: Config, trigger: Trigger, variant: string, customer: Customer, now: number): ActivePrompt {
  const overrides = trigger.experiment?.variants?.find((candidate) => candidate.id === variant)?.prompt;
  const prompt = { ...trigger.prompt, ...overrides };
  const upgrade = offerFor(config, customer, { feature: prompt.feature, plan: prompt.plan, now });
  const active: ActivePrompt = { triggerId: trigger.id, variant, kind: prompt.kind, cta: prompt.cta ?? 'upgrade', upgrade, priority: trigger.priority ?? 0 };
  if (upgrade) active.plan = upgrade.plan;
  for (const key of COPY) if (prompt[key] !== undefined) active[key] = prompt[key];
  const trial = trialOf(trigger.when);
  if (trial) active.trial = { ...(trial.feature !== undefined ? { feature: trial.feature } : { plan: trial.plan! }), state: trial.state };
  return active;
}
