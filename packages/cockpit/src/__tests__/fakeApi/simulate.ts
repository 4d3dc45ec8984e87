import type { Config, UpgradeKitEvent } from '@upgradekit/core';
import { simulateHistories, type SimulationResult } from '@upgradekit/core/replay';

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

/** The live and a candidate config simulated on the events in `[from, to)`, with the core's replay, as `POST /api/simulate` answers. */
export async function simulate(configs: readonly Config[], events: readonly UpgradeKitEvent[], window: { from?: number; to?: number }): Promise<SimulationResult[]> {
  const inWindow = events.filter((event) => event.at >= (window.from ?? -Infinity) && event.at < (window.to ?? Infinity));
  const span = { from: window.from ?? inWindow[0]?.at ?? null, to: window.to ?? inWindow.at(-1)?.at ?? null };
  return simulateHistories(configs, byCustomer(inWindow).values(), span);
}
