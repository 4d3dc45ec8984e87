import type { UpgradeKitEvent } from '@upgradekit/core';
import { buildReport } from '@upgradekit/core/report';
import { assertConfig } from '@upgradekit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG } from './config.js';
import { DAY, event, T0, withoutAttribution } from './events.js';
import { byTimeAndId, history } from './history.js';
import { testServer, WRITE_KEY, type TestServer } from './server.js';
import { STORE_KINDS } from './stores.js';

const config = assertConfig(CONFIG);
const plain = (value: unknown) => JSON.parse(JSON.stringify(value));
const OTHER_KEY = 'wk_other';

/** Posts events as the sink would: batches of 50, some twice (retries), in a shuffled order. */
async function post(server: TestServer, events: readonly UpgradeKitEvent[], key = WRITE_KEY) {
  const batches: UpgradeKitEvent[][] = [];
  for (let index = 0; index < events.length; index += 50) batches.push(events.slice(index, index + 50));
  const order = [...batches.keys()].sort((a, b) => ((a * 7919) % batches.length) - ((b * 7919) % batches.length));
  for (const index of [...order, ...order.filter((i) => i % 4 === 0)]) {
    const { status } = await server.call('POST', '/api/events', { key, body: { events: batches[index] } });
    expect(status).toBe(200);
  }
}

describe.each(STORE_KINDS)('the report on %s', (kind) => {
  let server: TestServer;
  const acme = history(3000);
  const other = history(400, { seed: 11 });
  // Upgrades that claim a trigger the customer never saw within the window: the server re-checks them.
  const forged = [
    event({ type: 'upgrade.completed', customerId: 'acct_3', at: T0 + 27 * DAY, mrr: 0, mrrDelta: 24.99, triggerId: 'power-user', variant: 'a', configVersion: 'v2' }),
    event({ type: 'upgrade.completed', customerId: 'nobody', at: T0 + 3 * DAY, mrr: 24.99, mrrDelta: 54.51, triggerId: 'near-limit', variant: 'control', configVersion: 'v1' }),
  ];
  const stored = byTimeAndId([...acme, ...forged]);
  const rechecked = stored.map((e) => (forged.includes(e) ? withoutAttribution(e) : e));

  beforeAll(async () => {
    server = await testServer(kind, { writeKeys: { [WRITE_KEY]: { app: 'acme' }, [OTHER_KEY]: { app: 'other' } } });
    await post(server, [...acme, ...forged]);
    await post(server, other, OTHER_KEY);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("equals buildReport on the app's stored events, with forged attributions counted as unattributed", async () => {
    const { status, body } = await server.call('GET', '/api/report?app=acme', { admin: true });
    expect(status).toBe(200);
    expect(body).toEqual(plain(buildReport(rechecked, config)));
    expect(body.totals.unattributedConversions).toBeGreaterThan(buildReport(stored, config).totals.unattributedConversions);
  });

  it('equals buildReport within a window and split by config version', async () => {
    const from = T0 + 5 * DAY;
    const to = T0 + 20 * DAY;
    const { body } = await server.call('GET', `/api/report?app=acme&from=${from}&to=${to}&by=version`, { admin: true });
    expect(body).toEqual(plain(buildReport(rechecked, config, { from, to, byConfigVersion: true })));
    expect(body.versions.map((version: any) => version.configVersion)).toEqual(['v1', 'v2']);
  });

  it('reports every app together when none is named', async () => {
    const { body } = await server.call('GET', '/api/report', { admin: true });
    expect(body).toEqual(plain(buildReport(byTimeAndId([...rechecked, ...other]), config)));
  });

  it('gives each week of the series the figures of buildReport over that week', async () => {
    const from = T0 + 2 * DAY;
    const to = T0 + 16 * DAY;
    const { body } = await server.call('GET', `/api/report/series?app=acme&from=${from}&to=${to}`, { admin: true });
    expect(body.interval).toBe('week');
    // Weeks start on Monday 00:00 UTC (T0 is a Monday morning): the window cuts the first week and ends inside the third.
    const monday = Date.UTC(2026, 0, 5);
    expect(body.points.map((point: any) => [point.from, point.to])).toEqual([
      [from, monday + 7 * DAY],
      [monday + 7 * DAY, monday + 14 * DAY],
      [monday + 14 * DAY, to],
    ]);
    for (const point of body.points) {
      const expected = buildReport(rechecked, config, { from: point.from, to: point.to });
      expect(point.totals).toEqual(plain(expected.totals));
      expect(point.conversionsByTrigger).toEqual(Object.fromEntries(expected.triggers.map((trigger) => [trigger.triggerId, trigger.conversions])));
    }
  });

  it('tells how many prompts active customers were shown per week', async () => {
    const { body } = await server.call('GET', '/api/report/prompts-per-week?app=acme', { admin: true });
    // The same figures, counted here directly from the events.
    const week = (at: number) => Math.floor((at - 4 * DAY) / (7 * DAY));
    const active = new Set(stored.map((e) => `${e.customerId}|${week(e.at)}`));
    const shown = new Map<string, number>();
    for (const e of stored) if (e.type === 'prompt.shown') shown.set(`${e.customerId}|${week(e.at)}`, (shown.get(`${e.customerId}|${week(e.at)}`) ?? 0) + 1);
    const counts = [...active].map((key) => shown.get(key) ?? 0).sort((a, b) => a - b);
    const rank = (share: number) => counts[Math.ceil(share * counts.length) - 1];
    expect(body.customerWeeks).toBe(active.size);
    expect(body.total).toEqual({ median: rank(0.5), p95: rank(0.95) });
    expect(Object.keys(body.triggers).sort()).toEqual(['near-limit', 'power-user', 'retired']);
  });

  it('explains a bad query', async () => {
    expect((await server.call('GET', '/api/report?from=yesterday', { admin: true })).body).toMatchObject({ error: 'invalid_query', message: expect.stringContaining('"from"') });
    expect((await server.call('GET', '/api/report?by=customer', { admin: true })).status).toBe(400);
  });
});

describe.each(STORE_KINDS)('the report on %s, event by event', (kind) => {
  let server: TestServer;
  const W = 7 * DAY;
  const at = (days: number) => T0 + days * DAY;
  const touch = { type: 'prompt.shown', triggerId: 'power-user', variant: 'a' } as const;
  const upgrade = (customerId: string, days: number, more: Record<string, unknown> = {}) =>
    event({ type: 'upgrade.completed', customerId, at: at(days), mrr: 0, mrrDelta: 29, triggerId: 'power-user', variant: 'a', ...more });
  // Upgrades whose only impression is outside the scope's window, exactly a window before, at the same moment (an id sorting after), or in another app.
  const early = [event({ ...touch, customerId: 'acct_early', at: at(9) }), upgrade('acct_early', 12)];
  const edge = [event({ ...touch, customerId: 'acct_edge', at: at(10) }), upgrade('acct_edge', 10 + W / DAY)];
  const late = [event({ ...touch, customerId: 'acct_late', at: at(10) - 1 }), upgrade('acct_late', 10 + W / DAY)];
  const sameMoment = upgrade('acct_same', 11);
  const same = [sameMoment, event({ ...touch, customerId: 'acct_same', at: sameMoment.at, id: `${sameMoment.id}~` })];
  const foreign = [event({ ...touch, customerId: 'acct_far', at: at(11) }), upgrade('acct_far', 12)];
  // Triggers and variants missing from the config, first mentioned in time order by retired-b, then retired-a, yet posted the other way round.
  const retired = [
    event({ type: 'trigger.fired', customerId: 'acct_r', at: at(13), triggerId: 'retired-a', variant: 'x' }),
    event({ type: 'prompt.shown', customerId: 'acct_r', at: at(11.5), triggerId: 'retired-b', variant: 'y' }),
    event({ type: 'trial.started', customerId: 'acct_r', at: at(11.6), triggerId: 'power-user', variant: 'c', plan: 'pro', endsAt: at(25) }),
    event({ type: 'prompt.clicked', customerId: 'acct_r', at: at(11.7), triggerId: 'retired-a', variant: 'x' }),
  ];
  const dismissals = [
    event({ type: 'prompt.dismissed', customerId: 'acct_d', at: at(12), variant: 'b', reason: 'not_now', forever: true }),
    event({ type: 'prompt.dismissed', customerId: 'acct_d', at: at(12.1), variant: 'b', forever: false }),
    event({ type: 'prompt.dismissed', customerId: 'acct_d', at: at(12.2), variant: 'b', reason: 'too_expensive', forever: true }),
  ];
  const acme = [...early, ...edge, ...late, ...same, foreign[1]!, ...retired, ...dismissals, event({ customerId: 'acct_d', at: at(1), mrr: 29 })];
  const unattributed = new Set([late[1], foreign[1]]);
  const rechecked = byTimeAndId(acme).map((e) => (unattributed.has(e) ? withoutAttribution(e) : e));

  beforeAll(async () => {
    server = await testServer(kind, { writeKeys: { [WRITE_KEY]: { app: 'acme' }, [OTHER_KEY]: { app: 'other' } } });
    await post(server, [...acme].reverse());
    await post(server, [foreign[0]!], OTHER_KEY);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('credits an upgrade on an impression up to the window before it, at its very moment, and before the report starts, but not from another app', async () => {
    const from = at(10);
    for (const query of [`from=${from}`, `from=${from}&by=version`, 'app=acme']) {
      const { body } = await server.call('GET', `/api/report?${query}`, { admin: true });
      const window = query.startsWith('from') ? { from } : {};
      const events = query === 'app=acme' ? rechecked : byTimeAndId([...rechecked, foreign[0]!]);
      expect(body).toEqual(plain(buildReport(events, config, { ...window, byConfigVersion: query.includes('version') })));
    }
    const { body } = await server.call('GET', `/api/report?from=${from}`, { admin: true });
    expect(body.totals.attributedConversions).toBe(3);
    expect(body.totals.unattributedConversions).toBe(2);
  });

  it('lists triggers and variants missing from the config in the order they were first seen, and counts dismissals for good', async () => {
    const { body } = await server.call('GET', '/api/report?app=acme', { admin: true });
    expect(body.triggers.map((trigger: any) => trigger.triggerId)).toEqual(['power-user', 'near-limit', 'retired-b', 'retired-a']);
    expect(body.triggers[0].variants.map((variant: any) => variant.variant)).toEqual(['a', 'b', 'c']);
    expect(body.triggers[0].dismissed).toMatchObject({ total: 3, forever: 2, not_now: 1, too_expensive: 1, unspecified: 1 });
  });
});
