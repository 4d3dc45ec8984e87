import type { Config } from '../config/schema.js';
import { check, type CheckResult } from '../entitlements/check.js';
import type { Customer, UsageEntry } from '../entitlements/customer.js';

interface Cached {
  customer: Customer;
  entry: UsageEntry | undefined;
  /** The next moment the answer can change for the same data: a reset or a trial boundary. */
  until: number;
  result: CheckResult;
}

/**
 * `check()` that returns the same object while its inputs are unchanged, so it is
 * safe in render and selectors compare by identity. A check depends on the plan,
 * add-ons, trials, period anchor and its own feature's usage only: tracking one
 * feature leaves every other feature's result untouched.
 */
export function createCheckCache(config: Config) {
  const cache = new Map<string, Cached>();
  return {
    check(customer: Customer, featureId: string, now: number, requested?: number): CheckResult {
      // A requested amount is a question about the future, and a non-string id no feature: answered, not cached.
      if (requested !== undefined || typeof featureId !== 'string') return check(config, customer, featureId, requested === undefined ? { now } : { requested, now });
      const entry = customer.usage[featureId];
      const hit = cache.get(featureId);
      if (hit && now < hit.until && hit.entry === entry && sameEntitlements(hit.customer, customer)) return hit.result;
      const result = check(config, customer, featureId, { now });
      cache.set(featureId, { customer, entry, until: validUntil(customer, result, now), result });
      return result;
    },
    clear: () => cache.clear(),
  };
}

const sameEntitlements = (a: Customer, b: Customer) =>
  a === b || (a.plan === b.plan && a.addOns === b.addOns && a.trials === b.trials && a.periodStart === b.periodStart);

/** Until when a check result stays true for an unchanged customer: the next reset or trial boundary. */
function validUntil(customer: Customer, result: CheckResult, now: number): number {
  let until = result.resetsAt ?? Infinity;
  for (const trial of customer.trials) {
    if (trial.startedAt > now) until = Math.min(until, trial.startedAt);
    if (trial.endsAt > now) until = Math.min(until, trial.endsAt);
  }
  return until;
}
