import { createUpgradeKit } from '../client/createUpgradeKit.js';
import type { UpgradeKit } from '../client/types.js';
import type { Config } from '../config/schema.js';
import type { UpgradeKitEvent } from '../conversion/events.js';
import { createVirtualPlatform } from '../platform/virtual.js';
import { createPromptEngine, type PromptState } from '../prompts/engine.js';
import { hashToUnit } from '../prompts/experiment.js';
import { applyEvent, initialPlan } from './applyEvent.js';
import type { Tally } from './tally.js';

/** A pause this long between two of a customer's events ends a visit: prompts still on screen were closed unanswered. */
export const SESSION_GAP = 30 * 6e4;
/** Snoozes and cool-downs run out with time alone: prompts are asked for again at least this often. */
const REQUERY_MS = 36e5;

/** Whether the history shows the customer an interrupting prompt: then they were activated, whatever the host knew. */
const shownInterrupting = (events: readonly UpgradeKitEvent[]) =>
  events.some((event) => event.type === 'prompt.shown' && (event.kind === 'modal' || event.kind === 'trial'));

/**
 * One customer's history (in time order) replayed through the real client and
 * prompt engine (`createUpgradeKit` + `createPromptEngine`, the code a browser
 * runs) on a virtual clock moved to each event's time (`reads`: what the
 * config's conditions read, see `readsOf`). What fires and what the
 * arbiter offers is the config's; each offer is shown once per display
 * (`markShown`), so caps, cool-downs, max impressions and snoozes apply. The
 * customer's recorded clicks and dismissals answer the prompts the replay shows.
 * `inspect` sees the client at the end of the history, before it is destroyed.
 */
export function replayCustomer(
  config: Config,
  reads: ReadonlySet<string>,
  events: readonly UpgradeKitEvent[],
  tally: Tally,
  inspect?: (kit: UpgradeKit) => void,
): void {
  const first = events[0]!;
  const platform = createVirtualPlatform(first.at, Math.floor(hashToUnit(first.customerId) * 2 ** 31));
  const kit = createUpgradeKit({
    config,
    validateConfig: () => config,
    customer: { id: first.customerId, plan: initialPlan(config, events), usageAsOf: first.at, ...(shownInterrupting(events) && { activated: true }) },
    platform,
    prompts: createPromptEngine,
    onWarning: () => {},
  });
  const engine = kit.prompts!;
  const counter = tally.customer(first.customerId, first.at);
  engine.getSnapshot().fired.forEach(counter.fired);
  engine.subscribe((state, previous) => {
    if (state.fired !== previous.fired) for (const triggerId of state.fired) if (!previous.fired.has(triggerId)) counter.fired(triggerId);
  });
  let lastAt = first.at;
  let seen: PromptState | null = null;
  let seenHour = -1;
  for (const event of events) {
    if (event.at - lastAt > SESSION_GAP) for (const triggerId of engine.getSnapshot().open) engine.markHidden(triggerId);
    lastAt = event.at;
    counter.at(lastAt);
    platform.advanceTo(lastAt);
    applyEvent(kit, event, reads);
    // What the arbiter offers changes only with the engine's state (firings, governance) or with time.
    const hour = Math.floor(lastAt / REQUERY_MS);
    if (engine.getSnapshot() === seen && hour === seenHour) continue;
    seenHour = hour;
    for (const prompt of engine.getPrompts()) {
      if (engine.getSnapshot().open.has(prompt.triggerId)) continue;
      engine.markShown(prompt.triggerId);
      counter.shown(prompt.triggerId);
    }
    seen = engine.getSnapshot();
  }
  counter.done();
  inspect?.(kit);
  kit.destroy();
}
