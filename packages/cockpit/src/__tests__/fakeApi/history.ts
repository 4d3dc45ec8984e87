import { createPromptEngine, createUpgradeKit, type Config, type DismissReason, type UpgradeKit, type UpgradeKitEvent } from '@upgradekit/core';
import { createVirtualPlatform } from '@upgradekit/core/replay';
import { seededRandom } from '@upgradekit/core/testing';

const DAY = 864e5;
const HOUR = 36e5;

export interface HistoryOptions {
  customers: number;
  days: number;
  /** The first day, epoch ms. */
  start: number;
  seed: number;
}

const REASONS: Array<DismissReason | undefined> = ['not_now', 'not_now', 'too_expensive', 'not_needed', 'other', undefined];

/**
 * The customer's answer to a prompt the engine shows. The PDF prompt moves
 * people (a click is often followed by an upgrade); the others are clicked and
 * dismissed but change nothing, so their lift stays around zero.
 */
function answer(kit: UpgradeKit, triggerId: string, random: () => number): void {
  const engine = kit.prompts!;
  const moving = triggerId === 'power-user-pdf' ? 'pro' : triggerId === 'team-growing' ? 'team' : null;
  if (moving && random() < 0.45) {
    engine.markClicked(triggerId, 'upgrade');
    if (random() < 0.6) kit.recordUpgrade({ toPlan: moving });
    return;
  }
  if (random() < 0.15) return engine.markClicked(triggerId, 'upgrade');
  if (random() < 0.6) engine.markDismissed(triggerId, REASONS[Math.floor(random() * REASONS.length)]);
}

function playSession(kit: UpgradeKit, random: () => number, advance: (ms: number) => void): void {
  const engine = kit.prompts!;
  const actions = [
    () => random() < 0.35 && kit.track('projects'),
    () => random() < 0.3 && kit.recordGateHit('pdfExport'),
    () => random() < (kit.getSnapshot().customer.plan === 'free' ? 0.06 : 0.15) && kit.track('seats'),
  ];
  for (const action of actions) {
    advance(2 * 6e4);
    action();
    for (const prompt of engine.getPrompts()) {
      if (engine.getSnapshot().open.has(prompt.triggerId)) continue;
      engine.markShown(prompt.triggerId);
      answer(kit, prompt.triggerId, random);
    }
  }
  // The organic upgrade, prompt or not: likelier on a busy workspace.
  const next = { free: 'pro', pro: 'team' }[kit.getSnapshot().customer.plan];
  if (next && random() < (kit.check('projects').ratio >= 0.6 ? 0.02 : 0.004)) kit.recordUpgrade({ toPlan: next });
  for (const triggerId of engine.getSnapshot().open) engine.markHidden(triggerId);
}

/**
 * A history of `customers` workspaces (one in three on Pro, the rest free) over `days`, made by the real SDK
 * (`createUpgradeKit` + `createPromptEngine` on a virtual clock): projects grow,
 * PDF export is attempted, seats fill up, prompts are shown, clicked and
 * dismissed, and some customers upgrade. The events are the SDK's own, in time order.
 */
export function generateHistory(config: Config, { customers, days, start, seed }: HistoryOptions): UpgradeKitEvent[] {
  const events: UpgradeKitEvent[] = [];
  for (let index = 0; index < customers; index++) {
    const random = seededRandom((seed * 7919 + index) | 0);
    const platform = createVirtualPlatform(start, seed + index);
    const kit = createUpgradeKit({
      config,
      validateConfig: () => config,
      customer: {
        id: `cus_${String(index + 1).padStart(4, '0')}`,
        ...(index % 3 === 0 ? { plan: 'pro', usage: { projects: 4 + Math.floor(random() * 6), seats: 3 } } : { plan: 'free', usage: { projects: Math.floor(random() * 3), seats: 1 } }),
        usageAsOf: start,
        activated: true,
      },
      platform,
      prompts: createPromptEngine,
      onEvent: (event) => void events.push(event),
      onWarning: () => {},
    });
    for (let day = 0; day < days; day++) {
      if (random() < 0.6) {
        platform.advanceTo(start + day * DAY + (9 + random() * 8) * HOUR);
        playSession(kit, random, (ms) => platform.advanceTo(platform.now() + ms));
      }
    }
    kit.destroy();
  }
  return events.sort((a, b) => a.at - b.at);
}
