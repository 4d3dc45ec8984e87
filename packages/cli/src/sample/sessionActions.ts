import { mrrOf, type CheckResult } from '@upgradekit/core';
import type { Customer } from './customerContext.js';
import type { UsageHabit } from './profile.js';

/** Chance that a paying customer at a limit buys what lifts it (an add-on or the next plan) on the spot. */
const BUY_AT_LIMIT = 0.04;
/** Chance a seat is given up rather than added, when the team changes. */
const SEAT_LEAVES = 0.15;

/** Splits `units` into a few amounts, as an app tracks usage in bursts rather than one by one. */
function bursts(customer: Customer, units: number): number[] {
  if (units <= 0) return [];
  const count = Math.max(1, Math.min(units, customer.random.int(1, 4)));
  const each = Math.floor(units / count);
  return Array.from({ length: count }, (_, index) => (index === count - 1 ? units - each * (count - 1) : each));
}

/** Units used this session: the daily pace over the chance of a session, rounded by chance. */
function unitsThisSession(customer: Customer, habit: UsageHabit): number {
  const expected = habit.perDay / customer.profile.sessionChance;
  return Math.floor(expected) + (customer.random.chance(expected % 1) ? 1 : 0);
}

/** The app checks before using a feature (counting a refusal as a gate hit); a paying customer at the limit may buy more. */
function useFeature(customer: Customer, habit: UsageHabit, amount: number): void {
  const { kit, config } = customer;
  const result: CheckResult = kit.check(habit.feature, { requested: amount, attempt: true });
  if (!result.allowed) {
    const { plan, addOns } = kit.getSnapshot().customer;
    if (mrrOf(config, plan, addOns) > 0 && customer.random.chance(BUY_AT_LIMIT * customer.profile.willingness)) customer.buy(result.upgrade);
    return;
  }
  kit.track(habit.feature, amount);
  if (!habit.cumulative) return;
  // Product events the config counts go with what they describe: invitations with seats, creations with what only grows.
  const pattern = habit.type === 'seats' ? /invite/i : /creat/i;
  for (const name of customer.profile.tiedEvents) if (pattern.test(name)) kit.recordEvent(name, { feature: habit.feature });
}

/**
 * What the customer does in one session, in a shuffled order: usage of each
 * metered feature at its pace, team changes, attempts at features outside the
 * plan, and the product events the config reads.
 */
export function sessionActions(customer: Customer): Array<() => void> {
  const { kit, random, profile } = customer;
  const actions: Array<() => void> = [];
  for (const habit of profile.habits) {
    if (habit.type === 'seats') {
      for (let change = unitsThisSession(customer, habit); change > 0; change--) {
        actions.push(random.chance(SEAT_LEAVES) ? () => kit.track(habit.feature, -1) : () => useFeature(customer, habit, 1));
      }
    } else {
      for (const amount of bursts(customer, unitsThisSession(customer, habit))) actions.push(() => useFeature(customer, habit, amount));
    }
  }
  for (const { feature, perSession } of profile.interests) {
    for (let attempt = random.poisson(perSession); attempt > 0; attempt--) actions.push(() => void kit.check(feature, { attempt: true }));
  }
  for (const { name, perSession } of profile.events) {
    for (let count = random.poisson(perSession); count > 0; count--) actions.push(() => kit.recordEvent(name));
  }
  // Pages looked at without using anything metered: nothing to record, but the prompts on them get a look.
  while (actions.length < profile.actionsPerSession) actions.push(() => {});
  // Fisher–Yates with the customer's own random source.
  for (let index = actions.length - 1; index > 0; index--) {
    const other = random.int(0, index);
    [actions[index], actions[other]] = [actions[other]!, actions[index]!];
  }
  return actions;
}
