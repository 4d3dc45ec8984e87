import { createPromptEngine, createUpgradeKit, mrrOf, type Config, type UpgradeKit, type UpgradeKitEvent, type UpgradePath } from '@upgradekit/core';
import { createVirtualPlatform } from '@upgradekit/core/replay';
import type { CustomerProfile } from './profile.js';
import type { Customer } from './customerContext.js';
import { respondToPrompt } from './promptResponses.js';
import type { Random } from './random.js';
import { sessionActions } from './sessionActions.js';

const MINUTE = 6e4;
const HOUR = 36e5;
const DAY = 864e5;
const WEEK = 7 * DAY;

/** Chance per session that a customer upgrades on their own (base, near a limit, and after a prompt). */
const ORGANIC = { base: 0.0006, nearLimit: 4, afterPrompt: 3 };
/** Chance per day that a paying customer cancels (back to the entry plan). */
const CHURN_PER_DAY = 0.001;

/** One sample customer: a real client and prompt engine on a simulated clock, driven a day at a time. */
export interface SampleCustomer {
  playDay(dayStart: number): void;
  destroy(): void;
}

/**
 * Creates the customer's client (`createUpgradeKit` + `createPromptEngine`, the
 * SDK a browser runs) on a virtual platform starting at `start`; every event it
 * emits goes to `onEvent`. `config` is validated already, so it is not again per customer.
 */
export function createSampleCustomer(config: Config, profile: CustomerProfile, random: Random, start: number, onEvent: (event: UpgradeKitEvent) => void): SampleCustomer {
  const platform = createVirtualPlatform(start, Math.floor(random.next() * 2 ** 31));
  const kit = createUpgradeKit({
    config,
    validateConfig: () => config,
    customer: { id: profile.id, plan: profile.plan, usageAsOf: start, ...(profile.activated && { activated: true }) },
    platform,
    prompts: createPromptEngine,
    onEvent,
    onWarning: () => {},
  });
  const scheduled: Array<{ at: number; run: () => void }> = [];
  // The app reports the usage the customer brings along when they first open it, so a replay starts from the same levels.
  let usageReported = false;
  const reportUsage = () => {
    if (usageReported) return;
    usageReported = true;
    for (const [feature, amount] of Object.entries(profile.startUsage)) if (amount > 0) kit.track(feature, amount);
  };
  const customer: Customer = {
    kit,
    config,
    random,
    profile,
    lastPromptAt: -Infinity,
    advance: (ms) => platform.advanceTo(platform.now() + ms),
    later: (at, run) => void scheduled.push({ at, run }),
    buy: (path) => buy(kit, path),
  };
  const runDue = () => {
    const now = platform.now();
    for (const item of scheduled.filter((candidate) => candidate.at <= now)) {
      scheduled.splice(scheduled.indexOf(item), 1);
      item.run();
    }
  };
  return {
    playDay(dayStart) {
      if (random.chance(profile.sessionChance)) {
        platform.advanceTo(dayStart + random.between(8, 20) * HOUR);
        runDue();
        reportUsage();
        playSession(customer);
      }
      platform.advanceTo(dayStart + 23 * HOUR + random.between(0, 59) * MINUTE);
      runDue();
      if (mrrOf(config, kit.getSnapshot().customer.plan, kit.getSnapshot().customer.addOns) > 0 && random.chance(CHURN_PER_DAY)) {
        kit.recordUpgrade({ toPlan: config.plans[0]!.id });
      }
      platform.advanceTo(dayStart + DAY - 1);
    },
    destroy: () => kit.destroy(),
  };
}

/** Buys an upgrade path as checkout would: its plan and the add-ons on top. */
function buy(kit: UpgradeKit, path: UpgradePath | null): void {
  if (path) kit.recordUpgrade({ toPlan: path.plan, addOns: path.addOns });
}

/** A session: the customer's actions a minute or so apart, the prompts the engine offers on the way, then the page closes. */
function playSession(customer: Customer): void {
  const { kit, random } = customer;
  const engine = kit.prompts!;
  const onScreen = new Set<string>();
  for (const action of sessionActions(customer)) {
    customer.advance(random.between(0.3, 4) * MINUTE);
    action();
    for (const prompt of engine.getPrompts()) {
      if (onScreen.has(prompt.triggerId)) continue;
      onScreen.add(prompt.triggerId);
      engine.markShown(prompt.triggerId);
      customer.lastPromptAt = kit.platform.now();
      respondToPrompt(customer, prompt);
    }
  }
  maybeUpgradeOnTheirOwn(customer);
  // Leaving the page: prompts still on screen go unanswered, and count again when shown next time.
  for (const triggerId of engine.getSnapshot().open) engine.markHidden(triggerId);
}

/** The organic upgrade: likelier near a limit, and likelier again within a week of seeing a prompt. */
function maybeUpgradeOnTheirOwn({ kit, config, random, profile, lastPromptAt }: Customer): void {
  const { plan } = kit.getSnapshot().customer;
  const next = config.plans[config.plans.findIndex((candidate) => candidate.id === plan) + 1];
  if (!next) return;
  const nearLimit = profile.habits.some((habit) => kit.check(habit.feature).ratio >= 0.8);
  const primed = kit.platform.now() - lastPromptAt < WEEK;
  const chance = ORGANIC.base * profile.willingness * (nearLimit ? ORGANIC.nearLimit : 1) * (primed ? ORGANIC.afterPrompt : 1);
  if (random.chance(chance)) kit.recordUpgrade({ toPlan: next.id });
}
