import { createPromptEngine, createUpgradeKit, type Config, type UpgradeKit, type UpgradeKitEvent } from '@upgradekit/core';
import { createVirtualPlatform } from './virtualPlatform.js';

/** What one customer's replay through a config saw. */
export interface CustomerReplay {
  kit: UpgradeKit;
  /** Times each trigger started firing, and prompts the arbiter let through. */
  fired: Map<string, number>;
  shown: Map<string, number>;
  /** Every prompt shown, with when. */
  shownAt: Array<{ triggerId: string; at: number }>;
}

/**
 * One customer's stored events (time order) replayed through `config` with the
 * SDK's own client and prompt engine, as the server's replay does: what the
 * customer did is applied, and the engine decides anew what fires and what is
 * shown. Call `kit.destroy()` when done.
 */
export function replayCustomer(config: Config, events: readonly UpgradeKitEvent[]): CustomerReplay {
  const first = events[0]!;
  const platform = createVirtualPlatform(first.at, 1);
  const kit = createUpgradeKit({
    config,
    validateConfig: () => config,
    // The plan the customer paid for at their first event: the one whose price is their MRR then.
    customer: { id: first.customerId, plan: config.plans.find((plan) => plan.price.amount === first.mrr)?.id ?? config.plans[0]!.id, usageAsOf: first.at, activated: true },
    platform,
    prompts: createPromptEngine,
    onWarning: () => {},
  });
  const engine = kit.prompts!;
  const replay: CustomerReplay = { kit, fired: new Map(), shown: new Map(), shownAt: [] };
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  engine.subscribe((state, previous) => {
    for (const id of state.fired) if (!previous.fired.has(id)) bump(replay.fired, id);
  });
  for (const event of events) {
    platform.advanceTo(event.at);
    if (event.type === 'usage.tracked' && config.features[event.feature]) {
      // Recorded usage is absolute; the client starts from none, so apply the difference.
      const delta = event.usage - (kit.check(event.feature).usage ?? 0);
      if (delta !== 0) kit.track(event.feature, delta);
    } else if (event.type === 'gate.hit' && config.features[event.feature]) kit.recordGateHit(event.feature);
    else if (event.type === 'upgrade.completed' && config.plans.some((plan) => plan.id === event.toPlan)) kit.recordUpgrade({ toPlan: event.toPlan });
    else if (event.type === 'prompt.clicked' && engine.getSnapshot().open.has(event.triggerId)) engine.markClicked(event.triggerId, event.cta);
    else if (event.type === 'prompt.dismissed' && engine.getSnapshot().open.has(event.triggerId)) engine.markDismissed(event.triggerId, event.reason);
    for (const prompt of engine.getPrompts()) {
      if (engine.getSnapshot().open.has(prompt.triggerId)) continue;
      engine.markShown(prompt.triggerId);
      bump(replay.shown, prompt.triggerId);
      replay.shownAt.push({ triggerId: prompt.triggerId, at: event.at });
    }
  }
  return replay;
}

/** Events grouped by customer, each group in time order. */
export function byCustomer(events: readonly UpgradeKitEvent[]): Map<string, UpgradeKitEvent[]> {
  const groups = new Map<string, UpgradeKitEvent[]>();
  for (const event of events) {
    const group = groups.get(event.customerId);
    if (group) group.push(event);
    else groups.set(event.customerId, [event]);
  }
  for (const group of groups.values()) group.sort((a, b) => a.at - b.at);
  return groups;
}
