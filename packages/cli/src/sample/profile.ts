import type { Condition, Config } from '@upgradekit/core';
import { grantedLimit } from '@upgradekit/core/internal';
import type { Random } from './random.js';

/** How much of a metered or seats feature a customer uses, in the feature's units per day. */
export interface UsageHabit {
  feature: string;
  type: 'metered' | 'seats';
  perDay: number;
  /** A feature that only grows (`reset: never`, seats): product events about creating and inviting follow it. */
  cumulative: boolean;
}

/** One sample customer's character: their plan, how active they are, and how they respond to prompts. */
export interface CustomerProfile {
  id: string;
  plan: string;
  /** The host knows the customer is activated (most existing customers); the rest are left to `policy.activation`. */
  activated: boolean;
  /** Chance of a session on a given day. */
  sessionChance: number;
  actionsPerSession: number;
  habits: UsageHabit[];
  startUsage: Record<string, number>;
  /** Attempts per session to use each boolean feature (gate hits while it is not in the plan). */
  interests: Array<{ feature: string; perSession: number }>;
  /** Product events the config's conditions read that follow no feature, per session. */
  events: Array<{ name: string; perSession: number }>;
  /** Product events the config reads that follow a feature: invitations (seats) and creations (what only grows). */
  tiedEvents: string[];
  /** Multiplies the chance of clicking a prompt. */
  responsiveness: number;
  /** Multiplies the chance of buying. */
  willingness: number;
}

const DAY = 864e5;

/** Every product event name a condition of the config reads (triggers and activation). */
export function eventNames(config: Config): string[] {
  const names = new Set<string>();
  const visit = (node: Condition) => {
    node.all?.forEach(visit);
    node.any?.forEach(visit);
    if (node.not) visit(node.not);
    if (node.event) names.add(node.event.name);
  };
  config.triggers.forEach((trigger) => visit(trigger.when));
  if (config.policy.activation) visit(config.policy.activation);
  return [...names];
}

/** The limit usage is scaled by: the plan's own, else the largest finite one any plan grants, else 10. */
function scaleOf(config: Config, planId: string, feature: string): number {
  const plan = config.plans.find((candidate) => candidate.id === planId)!;
  const limit = grantedLimit(config, plan, [], feature);
  if (typeof limit === 'number' && limit > 0) return limit;
  const finite = config.plans.map((candidate) => grantedLimit(config, candidate, [], feature)).filter((value): value is number => typeof value === 'number' && value > 0);
  return finite.length ? Math.max(...finite) : 10;
}

/** Spread over the plans, entry tier first: about 60%, 27%, 12% for three. */
const planWeights = (config: Config) => config.plans.map((plan, index) => [plan.id, 0.45 ** index] as const);

/** Draws a customer: a plan, usage that grows at a pace of its own per feature, interests and temperament. */
export function drawProfile(config: Config, random: Random, id: string, start: number): CustomerProfile {
  const plan = random.weighted(planWeights(config));
  const habits: UsageHabit[] = [];
  const startUsage: Record<string, number> = {};
  const monthStart = Date.UTC(new Date(start).getUTCFullYear(), new Date(start).getUTCMonth(), 1);
  for (const [feature, definition] of Object.entries(config.features)) {
    if (definition.type === 'boolean') continue;
    const scale = scaleOf(config, plan, feature);
    const reset = definition.type === 'metered' ? (definition.reset ?? 'month') : 'never';
    const cumulative = reset === 'never';
    if (definition.type === 'seats') {
      startUsage[feature] = random.int(1, Math.max(1, Math.ceil(scale * 0.9) - 1));
      habits.push({ feature, type: 'seats', perDay: random.spread(0.05, 1), cumulative: true });
      continue;
    }
    // Monthly usage: about 40% of customers are on a pace that would pass the limit before the month ends.
    const perDay = scale * random.spread(cumulative ? 0.012 : 0.028, cumulative ? 1 : 0.7);
    habits.push({ feature, type: 'metered', perDay, cumulative });
    startUsage[feature] = cumulative ? Math.floor(scale * random.between(0.1, 0.8)) : reset === 'month' ? Math.floor((perDay * (start - monthStart)) / DAY) : 0;
  }
  const interests = Object.entries(config.features)
    .filter(([, definition]) => definition.type === 'boolean')
    .map(([feature]) => ({ feature, perSession: random.chance(0.45) ? random.spread(0.5, 0.8) : 0.03 }));
  const names = eventNames(config);
  const tied = (name: string) => /invite|creat/i.test(name);
  const events = names.filter((name) => !tied(name)).map((name) => ({ name, perSession: random.spread(0.4, 0.8) }));
  return {
    id,
    plan,
    activated: random.chance(0.85),
    sessionChance: random.between(0.3, 0.9),
    actionsPerSession: random.int(4, 12),
    habits,
    startUsage,
    interests,
    events,
    tiedEvents: names.filter(tied),
    responsiveness: random.spread(1, 0.4),
    willingness: random.spread(1, 0.5),
  };
}
