import type { UpgradeKitEvent } from '@upgradekit/core';
import { buildReport } from '@upgradekit/core/report';
import { assertConfig } from '@upgradekit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG } from './config.js';
import { DAY, event, T0 } from './events.js';
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
  const rechecked = stored.map((e) => (forged.includes(e) ? (({ triggerId: _t, variant: _v, ...rest }) => rest)(e as any) : e));

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
