import { warningRatio } from '../config/policy.js';
import { featureOf } from '../config/normalize.js';
import type { Config, Plan } from '../config/schema.js';
import type { Customer, CustomerTrial } from './customer.js';
import { periodAt } from './period.js';
import { findUpgradePath, grantedLimit, type Limit, type UpgradePath } from './upgradePath.js';

export type CheckReason = 'included' | 'trial' | 'limit_reached' | 'not_in_plan' | 'unknown_feature' | 'fallback';

export interface CheckResult {
  feature: string;
  allowed: boolean;
  /** Why: `fallback` and `unknown_feature` answers come from the fail mode, not from data. */
  reason: CheckReason;
  /** Usage in the current period (metered), members (seats), 0 for gates. */
  usage: number;
  /** The limit in force. Gates: `'unlimited'` when granted, 0 when not. */
  limit: Limit;
  remaining: Limit;
  /** usage / limit; 0 for unlimited. Above 1 when over the limit. */
  ratio: number;
  /** When metered usage starts over (epoch ms); `null` if it never does. */
  resetsAt: number | null;
  /**
   * The cheapest way (plan, add-on, or both) to allow it when the check is
   * denied, or to raise the limit when usage is at or above the warning
   * threshold; otherwise `null`.
   */
  upgrade: UpgradePath | null;
}

export interface CheckOptions {
  /** How much the caller is about to use. Default: 1 (also for non-finite values; ignored for gates). */
  requested?: number;
  /** The time to check at, epoch ms. Default: `Date.now()`. */
  now?: number;
  /** Whether to search for the upgrade path. Default: `true`; `false` is faster when only limits matter. */
  upgrade?: boolean;
}


export function isTrialActive(trial: CustomerTrial, now: number): boolean {
  return trial.startedAt <= now && now < trial.endsAt;
}

/**
 * Whether `customer` may use `featureId` now. Pure over (config, customer, now),
 * so the same call enforces on the server what the client shows.
 */
export function check(config: Config, customer: Customer, featureId: string, options: CheckOptions = {}): CheckResult {
  const now = options.now ?? Date.now();
  const feature = featureOf(config, featureId);
  const plan = config.plans.find((candidate) => candidate.id === customer.plan);
  if (!feature || !plan) {
    const open = (feature?.failMode ?? config.policy.failMode) === 'open';
    return {
      feature: featureId,
      allowed: open,
      reason: feature ? 'fallback' : 'unknown_feature',
      usage: 0,
      limit: open ? 'unlimited' : 0,
      remaining: open ? 'unlimited' : 0,
      ratio: 0,
      resetsAt: null,
      upgrade: null,
    };
  }

  let usage = 0;
  let resetsAt: number | null = null;
  if (feature.type !== 'boolean') {
    const entry = customer.usage[featureId];
    if (feature.type === 'metered') {
      const period = periodAt(feature.reset ?? 'month', customer.periodStart, now);
      if (Number.isFinite(period.end)) resetsAt = period.end;
      // Usage measured in an earlier period has been reset since.
      usage = entry && entry.asOf >= period.start ? entry.value : 0;
    } else {
      usage = entry?.value ?? 0;
    }
  }
  // A non-finite request (NaN from a bad form field) is treated as the default single unit.
  const asked = options.requested ?? 1;
  const requested = feature.type === 'boolean' ? 0 : Number.isFinite(asked) ? Math.max(0, asked) : 1;
  const fits = (limit: Limit) => limit === 'unlimited' || (limit > 0 && usage + requested <= limit);

  // While a trial grants more than the plan, its limit is the one in force (meters show it too).
  const planLimit = grantedLimit(config, plan, customer.addOns, featureId);
  const trialLimit = activeTrialLimit(config, customer, plan, featureId, now);
  const onTrial = trialLimit !== undefined && trialLimit !== planLimit && (trialLimit === 'unlimited' || (planLimit !== 'unlimited' && trialLimit > planLimit));
  const limit = onTrial ? trialLimit : planLimit;
  const reason: CheckReason = fits(limit) ? (onTrial ? 'trial' : 'included') : limit === 0 ? 'not_in_plan' : 'limit_reached';
  const allowed = reason === 'included' || reason === 'trial';
  const ratio = limit === 'unlimited' ? 0 : limit === 0 ? (usage > 0 ? 1 : 0) : usage / limit;
  const warning = warningRatio(config);
  // Near the limit, what fits already is no upgrade: the path has to grant more than the limit now.
  const needed = reason === 'included' && limit !== 'unlimited' ? limit + 1 : usage + requested;
  return {
    feature: featureId,
    allowed,
    reason,
    usage,
    limit,
    remaining: limit === 'unlimited' ? limit : Math.max(0, limit - usage),
    ratio,
    resetsAt,
    upgrade: options.upgrade !== false && (!allowed || ratio >= warning) ? findUpgradePath(config, customer, plan, featureId, needed) : null,
  };
}

/** The limit an active trial grants for a feature, if any. */
function activeTrialLimit(config: Config, customer: Customer, plan: Plan, featureId: string, now: number): Limit | undefined {
  let best: Limit | undefined;
  for (const trial of customer.trials) {
    if (!isTrialActive(trial, now)) continue;
    let limit: Limit | undefined;
    if (trial.plan !== undefined) {
      const trialPlan = config.plans.find((candidate) => candidate.id === trial.plan);
      if (trialPlan) limit = grantedLimit(config, trialPlan, customer.addOns, featureId);
    } else if (trial.feature === featureId) {
      limit = featureTrialLimit(config, customer, plan, featureId);
    }
    if (limit !== undefined && (best === undefined || limit === 'unlimited' || (best !== 'unlimited' && limit > best))) best = limit;
  }
  return best;
}

/** A feature trial grants what the next plan up that grants more would. */
export function featureTrialLimit(config: Config, customer: Customer, plan: Plan, featureId: string): Limit {
  const current = grantedLimit(config, plan, customer.addOns, featureId);
  for (const candidate of config.plans.slice(config.plans.indexOf(plan) + 1)) {
    const limit = grantedLimit(config, candidate, customer.addOns, featureId);
    if (limit === 'unlimited' || (current !== 'unlimited' && limit > current)) return limit;
  }
  return 'unlimited';
}
