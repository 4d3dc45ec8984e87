import type { UpgradeKitEvent } from '@upgradekit/core';
import { seededRandom } from '@upgradekit/core/testing';
import { DAY, T0 } from './events.js';

/*
 * A seeded history of many customers, shaped like what the SDK sends: usage and
 * gate hits, firings, holdouts, impressions, clicks, dismissals with and without
 * reasons, trials, upgrades (attributed only within 7 days of an impression of the
 * trigger, as the client does), downgrades and churn, two config versions, a
 * trigger the config no longer has, a type this version does not know, and events
 * sharing a millisecond.
 */

const TRIGGERS = ['power-user', 'near-limit', 'retired'];
const VARIANTS: Record<string, string[]> = { 'power-user': ['a', 'b'], 'near-limit': ['control'], retired: ['control'] };
const PRICES = [0, 24.99, 79.5];
const REASONS = ['not_now', 'too_expensive', 'not_needed', 'other', 'bored', undefined];

export function history(count: number, { seed = 7, customers = 60, span = 28 * DAY } = {}): UpgradeKitEvent[] {
  const rand = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const tier: number[] = Array.from({ length: customers }, () => (rand() < 0.3 ? 1 : 0));
  const lastShown = new Map<string, { triggerId: string; variant: string; at: number }>();
  const events: UpgradeKitEvent[] = [];
  let at = T0;
  for (let index = 0; index < count; index++) {
    // Every fifth event shares the millisecond of the one before.
    if (index % 5) at += Math.floor(rand() * (span / count) * 2);
    const customer = Math.floor(rand() * customers);
    const customerId = `acct_${customer}`;
    const triggerId = pick(TRIGGERS);
    const variant = rand() < 0.15 && triggerId === 'power-user' ? 'holdout' : pick(VARIANTS[triggerId]!);
    const base = { v: 1, id: `h${seed}_${index.toString(36).padStart(6, '0')}`, at, customerId, mrr: PRICES[tier[customer]!]!, sdkVersion: '0.1.0', configVersion: at < T0 + span / 2 ? 'v1' : 'v2' };
    const roll = rand();
    let event: Record<string, unknown>;
    if (roll < 0.4) event = { ...base, type: 'usage.tracked', feature: 'projects', amount: 1, usage: Math.floor(rand() * 20) };
    else if (roll < 0.5) event = { ...base, type: 'gate.hit', feature: 'pdfExport' };
    else if (roll < 0.58) event = { ...base, type: 'trigger.fired', triggerId, variant };
    else if (roll < 0.61) event = { ...base, type: 'prompt.held_out', triggerId, variant: 'holdout' };
    else if (roll < 0.7 && variant !== 'holdout') {
      event = { ...base, type: 'prompt.shown', triggerId, variant, kind: 'modal' };
      lastShown.set(customerId, { triggerId, variant, at });
    } else if (roll < 0.74 && variant !== 'holdout') event = { ...base, type: 'prompt.clicked', triggerId, variant, cta: 'upgrade' };
    else if (roll < 0.8 && variant !== 'holdout') event = { ...base, type: 'prompt.dismissed', triggerId, variant, ...(pick(REASONS) !== undefined && { reason: pick(REASONS) }) };
    else if (roll < 0.82) event = { ...base, type: 'trial.started', triggerId, variant, plan: 'pro', endsAt: at + 14 * DAY };
    else if (roll < 0.9) {
      const before = PRICES[tier[customer]!]!;
      tier[customer] = rand() < 0.75 ? Math.min(2, tier[customer]! + 1) : rand() < 0.5 ? 0 : Math.max(0, tier[customer]! - 1);
      const touch = lastShown.get(customerId);
      const credited = touch && at - touch.at <= 7 * DAY ? { triggerId: touch.triggerId, variant: touch.variant } : {};
      event = { ...base, mrr: before, type: 'upgrade.completed', fromPlan: 'x', toPlan: 'y', addOns: [], mrrDelta: PRICES[tier[customer]!]! - before, ...credited };
    } else if (roll < 0.95) event = { ...base, type: 'event.recorded', name: 'admin.invited', props: { role: 'editor' } };
    else event = { ...base, type: 'account.renamed', name: 'new' };
    events.push(event as unknown as UpgradeKitEvent);
  }
  return events;
}

/** Sorted as the server reads stored events: by time, then id. */
export const byTimeAndId = (events: readonly UpgradeKitEvent[]) => [...events].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
