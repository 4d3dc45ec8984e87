import type { Config, UpgradeKit, UpgradePath } from '@upgradekit/core';
import type { CustomerProfile } from './profile.js';
import type { Random } from './random.js';

/** What a sample customer's behaviour works with: their client, their character and their clock. */
export interface Customer {
  kit: UpgradeKit;
  config: Config;
  random: Random;
  profile: CustomerProfile;
  /** When they last saw a prompt: upgrading on their own is likelier for a week after. */
  lastPromptAt: number;
  /** Moves their clock on by `ms`. */
  advance(ms: number): void;
  /** Runs `run` once their clock has passed `at` (a trial's end, a call with sales). */
  later(at: number, run: () => void): void;
  /** Completes a checkout of an upgrade path. */
  buy(path: UpgradePath | null): void;
}
