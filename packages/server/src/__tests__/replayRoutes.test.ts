import { parseConfig, type UpgradeKitEvent } from '@upgradekit/core';
import { simulateHistories } from '@upgradekit/core/replay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG } from './config.js';
import { DAY, event, T0 } from './events.js';
import { history } from './history.js';
import { testServer, WRITE_KEY, type TestServer } from './server.js';
import { pagesOf } from '../store/historySql.js';
import { STORE_KINDS } from './stores.js';

/** The live config with the power-user trigger asking for five gate hits instead of two. */
const STRICTER = { ...CONFIG, triggers: CONFIG.triggers.map((trigger) => (trigger.id === 'power-user' ? { ...trigger, when: { all: [trigger.when.all![0], { gateHits: { feature: 'pdfExport', atLeast: 5, within: '7d' } }] } } : trigger)) };

/** A free customer with 2 of 3 projects who tries PDF export three times, is shown the modal and dismisses it. */
function powerUser(customerId: string, start: number): UpgradeKitEvent[] {
  const at = (minutes: number) => ({ customerId, at: start + minutes * 6e4 });
  return [
    event({ ...at(0), type: 'usage.tracked', feature: 'projects', amount: 2, usage: 2 }),
    event({ ...at(1), type: 'gate.hit', feature: 'pdfExport' }),
    event({ ...at(2), type: 'gate.hit', feature: 'pdfExport' }),
    event({ ...at(3), type: 'gate.hit', feature: 'pdfExport' }),
    event({ ...at(3), type: 'prompt.shown', triggerId: 'power-user', variant: 'a', kind: 'modal' }),
    event({ ...at(4), type: 'prompt.dismissed', triggerId: 'power-user', variant: 'a', reason: 'too_expensive' }),
  ];
}

/** Events per customer, as the simulator groups them. */
function groups(events: readonly UpgradeKitEvent[]): UpgradeKitEvent[][] {
  const byCustomer = new Map<string, UpgradeKitEvent[]>();
  for (const one of events) byCustomer.set(one.customerId, [...(byCustomer.get(one.customerId) ?? []), one]);
  return [...byCustomer.values()];
}

describe.each(STORE_KINDS)('replays of the stored history on %s', (kind) => {
  let server: TestServer;
  const stored = [...history(4000, { customers: 450 }), ...powerUser('acct_power', T0 + 2 * DAY)];
  beforeAll(async () => {
    server = await testServer(kind);
    for (let start = 0; start < stored.length; start += 500) await server.store.ingest('acme', stored.slice(start, start + 500), { firings: [], onceWithinMs: 0, now: T0 });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('simulates a candidate beside the live config, with the figures the core computes on the same events', async () => {
    const { status, body } = await server.call('POST', '/api/simulate', { admin: true, body: { config: STRICTER } });
    expect(status).toBe(200);
    const times = stored.map((one) => one.at);
    const span = { from: Math.min(...times), to: Math.max(...times) };
    const [live, candidate] = await simulateHistories([parseConfig(CONFIG).config!, parseConfig(STRICTER).config!], groups(stored), span);
    expect(body.live).toEqual({ ...live, configVersion: 'v1' });
    expect(body.candidate).toEqual(candidate);
    const fired = (result: typeof live) => result!.triggers.find((trigger) => trigger.triggerId === 'power-user')!.firedCustomers;
    expect(fired(body.live)).toBeGreaterThan(fired(body.candidate));
    expect(body.live.customers).toBe(451);
  });

  it('replays only the window it is given', async () => {
    const window = { from: T0 + 2 * DAY, to: T0 + 2 * DAY + 3600e3 };
    const { body } = await server.call('POST', '/api/simulate', { admin: true, body: { config: CONFIG, ...window } });
    const inWindow = stored.filter((one) => one.at >= window.from && one.at < window.to);
    expect(body.live.events).toBe(inWindow.length);
    expect(body.live.customers).toBe(new Set(inWindow.map((one) => one.customerId)).size);
    expect([body.live.from, body.live.to]).toEqual([window.from, window.to]);
  });

  it('refuses an invalid candidate with every problem, and bad windows or bodies with what to send', async () => {
    const invalid = await server.call('POST', '/api/simulate', { admin: true, body: { config: { ...CONFIG, plans: [] } } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.message).toContain('Nothing was simulated.');
    expect(invalid.body.issues.length).toBeGreaterThan(0);
    expect(await server.call('POST', '/api/simulate', { admin: true, body: { config: CONFIG, from: 'monday' } })).toMatchObject({ status: 400, body: { message: '"from" must be epoch milliseconds (got "monday").' } });
    expect(await server.call('POST', '/api/simulate', { admin: true, body: { config: CONFIG, from: 10, to: 5 } })).toMatchObject({ status: 400, body: { error: 'invalid_body' } });
    expect(await server.call('POST', '/api/simulate', { admin: true, body: { from: 10 } })).toMatchObject({ status: 400, body: { error: 'invalid_body' } });
    expect((await server.call('POST', '/api/simulate', { key: WRITE_KEY, body: { config: CONFIG } })).status).toBe(401);
  });

  it("explains one customer's triggers after replaying their events, beside the prompts they were shown and their answers", async () => {
    const { status, body } = await server.call('GET', '/api/customers/acct_power', { admin: true });
    expect(status).toBe(200);
    expect(body.customerId).toBe('acct_power');
    expect(body.events).toBe(6);
    const powerUserExplained = body.explanations.find((explanation: { triggerId: string }) => explanation.triggerId === 'power-user');
    expect(powerUserExplained.fired).toBe(true);
    expect(powerUserExplained.explain.map((leaf: { held: boolean }) => leaf.held)).toEqual([true, true]);
    expect(body.explanations.find((explanation: { triggerId: string }) => explanation.triggerId === 'near-limit').fired).toBe(false);
    expect(body.prompts).toEqual([
      { at: T0 + 2 * DAY + 3 * 6e4, type: 'prompt.shown', triggerId: 'power-user', variant: 'a', kind: 'modal' },
      { at: T0 + 2 * DAY + 4 * 6e4, type: 'prompt.dismissed', triggerId: 'power-user', variant: 'a', reason: 'too_expensive' },
    ]);
  });

  it('answers 404 for a customer with no stored events, and for one of another app', async () => {
    expect(await server.call('GET', '/api/customers/acct_nobody', { admin: true })).toMatchObject({ status: 404, body: { error: 'unknown_customer' } });
    expect((await server.call('GET', '/api/customers/acct_power?app=other', { admin: true })).status).toBe(404);
  });
});

describe('pages of customers for the simulator', () => {
  it('holds at most the limit of events per page, a customer never split, one with more alone', () => {
    const customers = [
      { customer_id: 'a', events: 30 },
      { customer_id: 'b', events: 60 },
      { customer_id: 'c', events: 250 },
      { customer_id: 'd', events: 10 },
      { customer_id: 'e', events: 90 },
    ];
    expect([...pagesOf(customers, 100)]).toEqual([['a', 'b'], ['c'], ['d', 'e']]);
    expect([...pagesOf([], 100)]).toEqual([]);
  });
});
