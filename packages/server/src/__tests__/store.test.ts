import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CountedEvent, EventScope, FiringInput, ReportSummary, UpgradeKitStore } from '../store/types.js';
import { DAY, event, T0 } from './events.js';
import { createPostgresStore } from '../store/postgres.js';
import { dropSchema, freshSchema, openStore, postgresUrl, STORE_KINDS } from './stores.js';

/** What `reportRows` sends, gathered: the summary, then every counted slice in order. */
async function readReportRows(store: UpgradeKitStore, scope: EventScope, options: { byConfigVersion: boolean; attributionWindowMs: number }) {
  let summary: ReportSummary | null = null;
  const counted: CountedEvent[] = [];
  const { firings } = await store.reportRows(scope, options, {
    summary: (rows) => void (summary = rows),
    counted: (slice) => {
      if (!summary) throw new Error('a counted slice came before the summary');
      counted.push(...slice);
    },
  });
  return { ...summary!, counted, firings };
}

const firing = (eventId: string, customerId: string, firedAt: number, endpoints = ['crm']): FiringInput => ({
  eventId,
  customerId,
  triggerId: 'power-user',
  route: 'sales',
  firedAt,
  body: { id: eventId, customer: { id: customerId } },
  endpoints,
});

describe.each(STORE_KINDS)('the %s store', (kind) => {
  let store: UpgradeKitStore;
  beforeAll(async () => {
    store = await openStore(kind);
  });
  afterAll(async () => {
    await store?.close();
  });

  it('stores each event id once, however often and in whichever batch it comes', async () => {
    const events = [event(), event(), event()];
    expect(await store.ingest('app1', events, { firings: [], onceWithinMs: 0, now: T0 })).toEqual({ stored: 3, duplicates: 0, firings: 0 });
    const again = [events[1]!, event(), events[1]!];
    expect(await store.ingest('app1', again, { firings: [], onceWithinMs: 0, now: T0 })).toEqual({ stored: 1, duplicates: 2, firings: 0 });
    expect(await store.countEvents()).toBe(4);
  });

  it('records one firing per customer and trigger within the window, with a delivery per endpoint', async () => {
    const first = event({ type: 'trigger.fired', customerId: 'acct_f', at: T0 });
    const otherTab = event({ type: 'trigger.fired', customerId: 'acct_f', at: T0 + 5_000 });
    const later = event({ type: 'trigger.fired', customerId: 'acct_f', at: T0 + 2 * DAY });
    const otherCustomer = event({ type: 'trigger.fired', customerId: 'acct_g', at: T0 + 10 });
    const toFiring = (e: typeof first) => firing(e.id, e.customerId, e.at, ['crm', 'slack']);
    const result = await store.ingest('app1', [first, otherTab, otherCustomer], { firings: [first, otherTab, otherCustomer].map(toFiring), onceWithinMs: DAY, now: T0 });
    expect(result).toEqual({ stored: 3, duplicates: 0, firings: 2 });
    // The same batch again (a retry) and the other tab's report arriving later add nothing.
    expect((await store.ingest('app1', [first, otherTab], { firings: [first, otherTab].map(toFiring), onceWithinMs: DAY, now: T0 })).firings).toBe(0);
    expect((await store.ingest('app1', [later], { firings: [toFiring(later)], onceWithinMs: DAY, now: T0 })).firings).toBe(1);
    expect(await store.deliveryCounts()).toEqual({ pending: 6, delivered: 0, failed: 0 });
  });

  it('hands each due delivery to one attempt at a time, and settles it', async () => {
    const now = T0 + 3 * DAY;
    const claimed = await store.claimDeliveries(now, 100, 60_000);
    expect(claimed).toHaveLength(6);
    expect(claimed.every((delivery) => delivery.attempt === 1)).toBe(true);
    expect(claimed[0]!.body).toMatchObject({ customer: { id: expect.any(String) } });
    // Claimed rows are leased: not due again until the lease ends.
    expect(await store.claimDeliveries(now + 1000, 100, 60_000)).toEqual([]);
    const [done, retried, failed, ...rest] = claimed;
    await store.settleDelivery(done!, { delivered: true, retryAt: null, error: null, now });
    await store.settleDelivery(retried!, { delivered: false, retryAt: now + 30_000, error: 'HTTP 500', now });
    await store.settleDelivery(failed!, { delivered: false, retryAt: null, error: 'HTTP 500', now });
    expect(await store.deliveryCounts()).toEqual({ pending: 4, delivered: 1, failed: 1 });
    const due = await store.claimDeliveries(now + 30_000, 100, 60_000);
    expect(due.map((delivery) => [delivery.firingId, delivery.endpoint, delivery.attempt])).toEqual([[retried!.firingId, retried!.endpoint, 2]]);
    // The lease of the rest ran out without a settlement (a server died mid-request): they are due again.
    const expired = await store.claimDeliveries(now + 61_000, 100, 60_000);
    expect(expired.map((delivery) => delivery.attempt).sort()).toEqual(rest.map(() => 2));
    // A settlement from the attempt that lost its lease changes nothing.
    await store.settleDelivery(rest[0]!, { delivered: true, retryAt: null, error: null, now });
    expect((await store.deliveryCounts()).delivered).toBe(1);
  });

  it('keeps config versions append-only, newest live, each with its version in the config', async () => {
    const v1 = await store.putConfig({ plans: [], features: { b: 1, a: 2 } }, { author: 'ana', note: 'first', rollbackOf: null, now: T0 });
    const v2 = await store.putConfig({ plans: [], features: {} }, { author: 'ben', note: null, rollbackOf: null, now: T0 + 1 });
    const v3 = await store.putConfig({ plans: [], features: { b: 1, a: 2 } }, { author: 'ana', note: null, rollbackOf: v1, now: T0 + 2 });
    expect([v1, v2, v3]).toEqual(['v1', 'v2', 'v3']);
    expect((await store.configVersions()).map((version) => [version.version, version.author, version.rollbackOf])).toEqual([
      ['v3', 'ana', 'v1'],
      ['v2', 'ben', null],
      ['v1', 'ana', null],
    ]);
    const live = await store.liveConfig();
    expect(live?.version).toBe('v3');
    // The author's key order survives (jsonb would sort it), and the stored config names its version.
    expect(live?.json).toBe('{"plans":[],"features":{"b":1,"a":2},"version":"v3"}');
    expect((await store.configVersion('v1'))?.note).toBe('first');
    expect(await store.configVersion('v9')).toBeNull();
  });

  it("sends the report's counted events after the summary, in slices of time that never split a moment", async () => {
    const scope = { from: T0 + 10 * DAY, to: T0 + 20 * DAY, app: 'slices' };
    // Two events at each of 30 moments over the scope, the first a firing of the same trigger.
    const events = Array.from({ length: 30 }, (_, moment) => [
      event({ type: 'trigger.fired', customerId: `acct_${moment % 3}`, at: scope.from + moment * 8 * 3_600_000 }),
      event({ type: moment % 2 ? 'prompt.shown' : 'prompt.dismissed', customerId: `acct_${moment % 3}`, at: scope.from + moment * 8 * 3_600_000 }),
    ]).flat();
    await store.ingest('slices', events, { firings: [], onceWithinMs: 0, now: T0 });
    const slices: Array<Array<{ type: string; at: number; id: number }>> = [];
    let summarized = false;
    const { firings } = await store.reportRows(scope, { byConfigVersion: false, attributionWindowMs: 7 * DAY }, {
      summary: () => void (summarized = true),
      counted: (slice) => {
        expect(summarized).toBe(true);
        slices.push(slice.map(({ type, at, id }) => ({ type, at, id })));
      },
    });
    expect(slices.length).toBeGreaterThan(1);
    const counted = slices.flat();
    // 30 impressions and dismissals, and the first of the 30 firings (the database counts the rest).
    expect(counted).toHaveLength(31);
    expect(firings).toEqual([{ triggerId: 'power-user', variant: 'control', configVersion: null, count: 30 }]);
    expect(counted[0]).toMatchObject({ type: 'trigger.fired', at: scope.from });
    expect(counted.map(({ at }) => at)).toEqual(counted.map(({ at }) => at).sort((a, b) => a - b));
    expect(counted.map(({ id }) => id)).toEqual(counted.map((_, index) => index));
    for (const [index, slice] of slices.entries()) {
      if (index > 0 && slice.length && slices[index - 1]!.length) expect(slice[0]!.at).toBeGreaterThan(slices[index - 1]!.at(-1)!.at);
    }
  });

  it('deletes events older than the retention and keeps the rest', async () => {
    const old = event({ at: T0 - 400 * DAY });
    const recent = event({ at: T0 });
    await store.ingest('app1', [old, recent], { firings: [], onceWithinMs: 0, now: T0 });
    const before = await store.countEvents();
    expect(await store.deleteBefore(T0 - 365 * DAY)).toBe(1);
    expect(await store.countEvents()).toBe(before - 1);
  });
});

describe("the PostgreSQL store's report reads", () => {
  const schema = freshSchema();
  const stores: UpgradeKitStore[] = [];
  const open = async (max: number) => {
    const store = await createPostgresStore({ connectionString: postgresUrl(), schema, max });
    stores.push(store);
    return store;
  };
  afterAll(async () => {
    for (const store of stores) await store.close();
    await dropSchema(schema);
  });
  const scope = { from: null, to: null, app: null };
  const options = { byConfigVersion: true, attributionWindowMs: 7 * DAY };
  const batch = (offset: number) =>
    Array.from({ length: 40 }, (_, index) =>
      event({ type: index % 4 ? 'prompt.shown' : 'trigger.fired', customerId: `acct_${index % 7}`, at: T0 + (offset + index) * 1000, configVersion: index % 2 ? 'v1' : 'v2' }),
    );

  it('answers on a pool of one connection, and with reports and writes at once on a pool of two', async () => {
    const single = await open(1);
    const pair = await open(2);
    await single.ingest('app1', batch(0), { firings: [], onceWithinMs: 0, now: T0 });
    const expected = await readReportRows(single, scope, options);
    expect(expected.counted.length + expected.firings.reduce((sum, group) => sum + group.count - 1, 0)).toBe(40);
    const writes = [1, 2, 3].map((round) => pair.ingest('app1', batch(round * 100), { firings: [], onceWithinMs: 0, now: T0 }));
    const reports = await Promise.all([1, 2, 3, 4].map(() => readReportRows(pair, scope, options)));
    await Promise.all(writes);
    // Each report saw one moment: its counts and its events agree, whatever the writes did meanwhile.
    for (const report of reports) {
      const events = report.counts.reduce((sum, count) => sum + count.events, 0);
      expect(report.counted.length + report.firings.reduce((sum, group) => sum + group.count - 1, 0)).toBe(events);
      expect(events % 40).toBe(0);
    }
    expect((await readReportRows(pair, scope, options)).counts.reduce((sum, count) => sum + count.events, 0)).toBe(160);
  });
});
