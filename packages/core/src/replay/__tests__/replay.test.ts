import { describe, expect, it } from 'vitest';
import { createUpgradeKit } from '../../client/createUpgradeKit.js';
import type { UpgradeKitEvent } from '../../conversion/events.js';
import { createMemoryPlatform } from '../../platform/memory.js';
import { saasConfig as saasInput } from '../../__tests__/fixtures.js';
import { normalizeConfig } from '../../config/normalize.js';
import { replayCustomerState, replayHistories, simulateHistories, simulationResults } from '../simulate.js';

const DAY = 864e5;
const saasConfig = normalizeConfig(saasInput);
const START = Date.parse('2026-03-02T09:00:00Z');

/** A history recorded by the real client: projects usage, then `pdfHits` PDF gate hits a day apart. */
function recordHistory(customerId: string, projects: number, pdfHits: number): UpgradeKitEvent[] {
  let now = START;
  const events: UpgradeKitEvent[] = [];
  const kit = createUpgradeKit({ config: saasConfig, customer: { id: customerId, plan: 'free' }, platform: createMemoryPlatform({ now: () => now, storage: null }), onEvent: (event) => events.push(event) });
  kit.track('projects', projects);
  for (let hit = 0; hit < pdfHits; hit++) {
    now += DAY;
    kit.recordGateHit('pdfExport');
  }
  kit.destroy();
  return events;
}

const stricter = normalizeConfig({
  ...saasInput,
  version: 'stricter',
  triggers: saasInput.triggers.map((trigger) => ({ ...trigger, when: { gateHits: { feature: 'pdfExport', atLeast: 10, within: '7d' } } })),
});

describe('replaying recorded history', () => {
  it("explains each trigger at the customer's last event, with the values the history reached", () => {
    const state = replayCustomerState(saasConfig, recordHistory('ready', 3, 3));
    const explanation = state!.explanations.find((entry) => entry.triggerId === 'power-user-pdf')!;
    expect(explanation.fired).toBe(true);
    expect(JSON.stringify(explanation.explain)).toContain('"actual":3');
  });

  it('says a customer without history has nothing to replay', () => {
    expect(replayCustomerState(saasConfig, [])).toBeNull();
  });

  it('counts what each config would fire on the same histories, and repeated events once', async () => {
    const ready = recordHistory('ready', 3, 3);
    const quiet = recordHistory('quiet', 1, 1);
    const [live, candidate] = await simulateHistories([saasConfig, stricter], [[...ready, ...ready], quiet], { from: START, to: START + 7 * DAY });
    expect(live!.customers).toBe(2);
    expect(live!.events).toBe(ready.length + quiet.length);
    expect(live!.triggers[0]!.firedCustomers).toBe(1);
    expect(candidate!.triggers[0]!.firedCustomers).toBe(0);
    expect(candidate!.configVersion).toBe('stricter');
  });

  it('gives the same simulation from replays split by customer, merged, as from one replay of them all', async () => {
    const histories = [recordHistory('a', 3, 3), recordHistory('b', 1, 1), recordHistory('c', 5, 6), recordHistory('d', 2, 4), recordHistory('e', 4, 2)];
    const span = { from: START, to: START + 7 * DAY };
    const configs = [saasConfig, stricter];
    const whole = await simulateHistories(configs, histories, span);
    // Parts as a worker thread posts them back: through structuredClone.
    const parts = await Promise.all([histories.slice(0, 2), histories.slice(2)].map(async (some) => structuredClone(await replayHistories(configs, some, span))));
    expect(simulationResults(configs, parts, span)).toEqual(whole);
    expect(whole[0]!.triggers[0]!.perCustomerWeek.median).not.toBeNull();
  });
});
