import type { Config, UpgradeKitEvent } from '@upgradekit/core';
import type { SimulationResult } from '../../api/schemas/simulation.js';
import { byCustomer, replayCustomer } from './replay.js';

const WEEK = 7 * 864e5;

/** The value at quantile `q` by the nearest-rank method; `null` for none. */
function quantile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

/** `upgradekit simulate` of one config over stored events, in the shape `POST /api/simulate` answers. */
export function simulate(config: Config, events: readonly UpgradeKitEvent[], window: { from?: number; to?: number }): SimulationResult {
  const inWindow = events.filter((event) => event.at >= (window.from ?? -Infinity) && event.at < (window.to ?? Infinity));
  const from = window.from ?? inWindow[0]?.at ?? null;
  const to = window.to ?? inWindow.at(-1)?.at ?? null;
  const weeks = from === null || to === null ? 0 : Math.max(to - from, 864e5) / WEEK;
  const triggers = config.triggers.map((trigger) => ({ triggerId: trigger.id, firedCustomers: 0, fired: 0, heldOutCustomers: 0, shown: 0, shownCustomers: 0, weekly: [] as number[] }));
  const weekly: number[] = [];
  const weekOf = (at: number) => Math.floor((at - (from ?? 0)) / WEEK);
  let firedCustomers = 0;
  let shownCustomers = 0;
  const groups = byCustomer(inWindow);
  for (const group of groups.values()) {
    const replay = replayCustomer(config, group);
    const variants = new Map(config.triggers.map((trigger) => [trigger.id, replay.kit.prompts!.explain(trigger.id).variant]));
    for (const tally of triggers) {
      const fired = replay.fired.get(tally.triggerId) ?? 0;
      const shown = replay.shown.get(tally.triggerId) ?? 0;
      tally.fired += fired;
      tally.firedCustomers += fired > 0 ? 1 : 0;
      tally.heldOutCustomers += fired > 0 && variants.get(tally.triggerId) === 'holdout' ? 1 : 0;
      tally.shown += shown;
      tally.shownCustomers += shown > 0 ? 1 : 0;
    }
    firedCustomers += replay.fired.size > 0 ? 1 : 0;
    shownCustomers += replay.shown.size > 0 ? 1 : 0;
    // A customer-week counts when the customer had an event in it, as the CLI counts them.
    for (const week of new Set(group.map((event) => weekOf(event.at)))) {
      const inWeek = replay.shownAt.filter((prompt) => weekOf(prompt.at) === week);
      weekly.push(inWeek.length);
      for (const tally of triggers) if (replay.fired.has(tally.triggerId)) tally.weekly.push(inWeek.filter((prompt) => prompt.triggerId === tally.triggerId).length);
    }
    replay.kit.destroy();
  }
  const perWeek = (shown: number) => (weeks > 0 ? shown / weeks : 0);
  const shown = triggers.reduce((sum, trigger) => sum + trigger.shown, 0);
  const load = { median: quantile(weekly, 0.5), p95: quantile(weekly, 0.95) };
  return {
    configVersion: config.version ?? null,
    customers: groups.size,
    events: inWindow.length,
    from,
    to,
    weeks,
    triggers: triggers.map(({ weekly: own, ...trigger }) => ({ ...trigger, shownPerWeek: perWeek(trigger.shown), perCustomerWeek: { median: quantile(own, 0.5), p95: quantile(own, 0.95) } })),
    total: { firedCustomers, shown, shownCustomers, shownPerWeek: perWeek(shown), perCustomerWeek: load },
  };
}
