import type { Config } from '../config/schema.js';
import type { TrialState } from '../triggers/leaf.js';
import { durationToMs } from '../utils/duration.js';
import { DAY } from '../utils/time.js';
import { isTrialActive } from './check.js';
import type { Customer, CustomerTrial } from './customer.js';
import { grantedLimit } from './upgradePath.js';

/** What a trial is of: one feature, or a whole plan (exactly one of the two). */
export interface TrialTarget {
  feature?: string | undefined;
  plan?: string | undefined;
}

export interface TrialStatus {
  state: TrialState;
  /** End of the active trial, or of the last one when expired. */
  endsAt: number | null;
  /** Whole days left, rounded up, while active. */
  daysLeft: number | null;
}

export type StartTrialResult =
  | { ok: true; endsAt: number }
  | { ok: false; reason: 'no_trial' | 'not_eligible' | 'active' | 'max_reached' };

/** What a trial is of, as one string: `pdfExport/` for a feature, `/team` for a plan. */
export const targetOf = (target: TrialTarget) => `${target.feature ?? ''}/${target.plan ?? ''}`;

/** One trial's identity across tabs and reloads: its target and end. */
export const trialKey = (trial: CustomerTrial) => `${targetOf(trial)}@${trial.endsAt}`;

const isFor = (trial: CustomerTrial, target: TrialTarget) =>
  target.feature !== undefined ? trial.feature === target.feature : trial.plan === target.plan;

/**
 * Whether the customer may start a trial of `target` now, and when it would end.
 * Eligible means: the config offers it, none is running, the per-customer
 * maximum is not used up, and it would add something (the feature is not
 * already included; the plan is above the current one).
 */
export function trialEligibility(config: Config, customer: Customer, target: TrialTarget, now: number): StartTrialResult {
  const offer = config.trials.find((trial) => (target.feature !== undefined ? trial.feature === target.feature : trial.plan === target.plan));
  if (!offer) return { ok: false, reason: 'no_trial' };
  const past = customer.trials.filter((trial) => isFor(trial, target));
  if (past.some((trial) => isTrialActive(trial, now))) return { ok: false, reason: 'active' };
  if (past.length >= (offer.maxPerCustomer ?? 1)) return { ok: false, reason: 'max_reached' };
  const planIndex = config.plans.findIndex((plan) => plan.id === customer.plan);
  const plan = config.plans[planIndex];
  const addsSomething =
    target.feature !== undefined
      ? !plan || grantedLimit(config, plan, customer.addOns, target.feature) !== 'unlimited'
      : config.plans.findIndex((candidate) => candidate.id === target.plan) > planIndex;
  if (!addsSomething) return { ok: false, reason: 'not_eligible' };
  return { ok: true, endsAt: now + durationToMs(offer.duration) };
}

export function trialStatus(config: Config, customer: Customer, target: TrialTarget, now: number): TrialStatus {
  let latest: CustomerTrial | undefined;
  for (const trial of customer.trials) {
    if (!isFor(trial, target)) continue;
    if (isTrialActive(trial, now)) return { state: 'active', endsAt: trial.endsAt, daysLeft: Math.ceil((trial.endsAt - now) / DAY) };
    if (trial.endsAt <= now && (!latest || trial.endsAt > latest.endsAt)) latest = trial;
  }
  if (trialEligibility(config, customer, target, now).ok) return { state: 'eligible', endsAt: null, daysLeft: null };
  return latest ? { state: 'expired', endsAt: latest.endsAt, daysLeft: null } : { state: 'unavailable', endsAt: null, daysLeft: null };
}

/**
 * Two lists of a customer's trials joined: every trial of either, but one of two
 * that overlap for the same target (two tabs started it at once), the earlier.
 */
export function mergeTrials(local: readonly CustomerTrial[], remote: readonly CustomerTrial[]): CustomerTrial[] {
  const merged: CustomerTrial[] = [];
  for (const trial of [...local, ...remote].sort((a, b) => a.startedAt - b.startedAt || a.endsAt - b.endsAt)) {
    const target = targetOf(trial);
    const overlapping = merged.some((kept) => targetOf(kept) === target && kept.startedAt < trial.endsAt && trial.startedAt < kept.endsAt);
    if (!overlapping) merged.push(trial);
  }
  return merged;
}
