import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UpgradeKitEvent } from '../../conversion/events.js';
import { createMemoryPlatform, createMemoryStorage, createMemoryTabs, type MemoryPlatformOptions } from '../../platform/memory.js';
import { createHttpSink, type HttpSinkOptions } from '../http.js';
import { deferred, fakeFetch, range, reply, STORAGE_KEY, stored, trial, upgrade, URL, usage } from './helpers.js';

beforeEach(() => {
  vi.useFakeTimers();
  // Whole seconds, so an HTTP-date Retry-After (second precision) is exact.
  vi.setSystemTime(Date.UTC(2026, 0, 1, 12, 0, 0));
});
afterEach(() => {
  vi.useRealTimers();
});

function setup(
  respond: Parameters<typeof fakeFetch>[0],
  options: Partial<HttpSinkOptions> = {},
  platformOptions: MemoryPlatformOptions = {},
) {
  const server = fakeFetch(respond);
  const storage = createMemoryStorage();
  const platform = createMemoryPlatform({ storage, fetch: server.fetch, ...platformOptions });
  const warnings: string[] = [];
  const sink = createHttpSink({ url: URL, platform, onWarning: (m) => warnings.push(m), ...options });
  return { sink, server, storage, platform, warnings };
}

describe('batching', () => {
  it('sends a full batch at once and the rest after the flush interval', async () => {
    const { sink, server } = setup(() => reply(200), { batchSize: 3 });
    for (const i of range(7)) sink.send(usage(i));
    // The third event filled a batch: its request left synchronously.
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(server.requests.map((r) => r.ids.length)).toEqual([3, 3]);
    expect(sink.pending()).toBe(1);
    await vi.advanceTimersByTimeAsync(4999);
    expect(server.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.requests.map((r) => r.ids)).toEqual([
      ['evt000000', 'evt000001', 'evt000002'],
      ['evt000003', 'evt000004', 'evt000005'],
      ['evt000006'],
    ]);
    expect(sink.pending()).toBe(0);
  });

  it('waits flushInterval after the first queued event, then sends everything queued', async () => {
    const { sink, server } = setup(() => reply(200), { flushInterval: 2000 });
    sink.send(usage(1));
    await vi.advanceTimersByTimeAsync(1500);
    sink.send(usage(2));
    await vi.advanceTimersByTimeAsync(499);
    expect(server.requests).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.requests.map((r) => r.ids)).toEqual([['evt000001', 'evt000002']]);
  });

  it('POSTs JSON { events } with the configured headers', async () => {
    const { sink, server } = setup(() => reply(204), { headers: { authorization: 'Bearer k' } });
    sink.send(usage(1));
    await sink.flush();
    const [request] = server.requests;
    expect(request!.url).toBe(URL);
    expect(request!.init.method).toBe('POST');
    expect(request!.init.headers).toEqual({ 'content-type': 'application/json', authorization: 'Bearer k' });
    expect(JSON.parse(String(request!.init.body))).toEqual({ events: [usage(1)] });
  });

  it('keeps one request in flight at a time', async () => {
    const answers = [deferred<Response>(), deferred<Response>(), deferred<Response>()];
    const { sink, server } = setup((_, i) => answers[i]!.promise, { batchSize: 2 });
    for (const i of range(6)) sink.send(usage(i));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(server.requests).toHaveLength(1);
    answers[0]!.resolve(reply(200));
    await vi.advanceTimersByTimeAsync(0);
    expect(server.requests).toHaveLength(2);
    answers[1]!.resolve(reply(200));
    await vi.advanceTimersByTimeAsync(0);
    answers[2]!.resolve(reply(200));
    await vi.advanceTimersByTimeAsync(0);
    expect(server.requests.map((r) => r.ids.length)).toEqual([2, 2, 2]);
    expect(sink.pending()).toBe(0);
  });

  it('flush() sends a partial batch now and resolves once it is answered', async () => {
    const { sink, server } = setup(() => reply(200));
    sink.send(usage(1));
    await sink.flush();
    expect(server.requests).toHaveLength(1);
    expect(sink.pending()).toBe(0);
  });
});

describe('retries', () => {
  it('backs off exponentially: the ceiling doubles up to maxDelay', async () => {
    const server = fakeFetch(() => reply(500));
    // The jitter pinned to the midpoint, so the growth itself is visible.
    const platform = { ...createMemoryPlatform({ fetch: server.fetch }), random: () => 0.5 };
    const sink = createHttpSink({ url: URL, platform, baseDelay: 100, maxDelay: 1000 });
    sink.send(usage(1));
    await sink.flush();
    await vi.advanceTimersByTimeAsync(10_000);
    const gaps = server.requests.slice(1).map((r, i) => r.at - server.requests[i]!.at);
    expect(gaps.slice(0, 7)).toEqual([50, 100, 200, 400, 500, 500, 500]);
    sink.destroy();
  });

  it('jitters each delay uniformly below the ceiling, from platform.random', async () => {
    const { sink, server } = setup(() => reply(503), { baseDelay: 100, maxDelay: 3000 }, { seed: 42 });
    sink.send(usage(1));
    await sink.flush();
    await vi.advanceTimersByTimeAsync(60_000);
    const gaps = server.requests.slice(1, 9).map((r, i) => r.at - server.requests[i]!.at);
    // The same seed replays the same schedule: floor(random · min(max, base · 2^(n−1))).
    const replay = createMemoryPlatform({ seed: 42 });
    const ceilings = range(8, 1).map((n) => Math.min(3000, 100 * 2 ** (n - 1)));
    expect(gaps).toEqual(ceilings.map((c) => Math.floor(replay.random() * c)));
    gaps.forEach((gap, i) => expect(gap).toBeLessThan(ceilings[i]!));
    // Jittered, not a fixed fraction of the ceiling.
    expect(new Set(gaps.map((g, i) => (g / ceilings[i]!).toFixed(2))).size).toBeGreaterThan(4);
    sink.destroy();
  });

  it('honours Retry-After in seconds on 429', async () => {
    const { sink, server } = setup((_, i) => (i === 0 ? reply(429, { 'Retry-After': '7' }) : reply(200)), { maxDelay: 1000 });
    sink.send(usage(1));
    await sink.flush();
    await vi.advanceTimersByTimeAsync(6999);
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.requests).toHaveLength(2);
    expect(sink.pending()).toBe(0);
  });

  it('honours Retry-After as an HTTP date on 503', async () => {
    const retryAt = new Date(Date.now() + 12_000).toUTCString();
    const { sink, server } = setup((_, i) => (i === 0 ? reply(503, { 'Retry-After': retryAt }) : reply(200)));
    sink.send(usage(1));
    await sink.flush();
    await vi.advanceTimersByTimeAsync(11_999);
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.requests).toHaveLength(2);
  });

  it.each([['3000000'], ['Fri, 01 Jan 2027 12:00:00 GMT']])('backs off as after any failure when Retry-After is absurd (%s)', async (retryAfter) => {
    const { sink, server } = setup((_, i) => (i < 3 ? reply(429, { 'Retry-After': retryAfter }) : reply(200)), { baseDelay: 100, maxDelay: 1000 });
    sink.send(usage(1));
    await sink.flush();
    await vi.advanceTimersByTimeAsync(3000);
    // Three capped back-offs, not 600 requests in a busy loop, nor a wait of a month.
    expect(server.requests).toHaveLength(4);
    expect(sink.pending()).toBe(0);
  });

  it('retries network errors, 408 and 5xx with the same event ids every time', async () => {
    const answers = [new TypeError('Failed to fetch'), reply(408), reply(502), reply(500), reply(200)];
    const { sink, server } = setup((_, i) => answers[i]!, { batchSize: 2 });
    sink.send(usage(1));
    sink.send(usage(2));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.requests).toHaveLength(5);
    for (const request of server.requests) expect(request.ids).toEqual(['evt000001', 'evt000002']);
    expect(sink.pending()).toBe(0);
  });

  it('aborts a request without an answer after `timeout` and retries it', async () => {
    const { sink, server } = setup(
      (request, i) =>
        i === 0
          ? new Promise((_, reject) => request.init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))
          : reply(200),
      { timeout: 3000, baseDelay: 10 },
    );
    sink.send(usage(1));
    void sink.flush();
    await vi.advanceTimersByTimeAsync(2999);
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1 + 10);
    expect(server.requests).toHaveLength(2);
    expect(sink.pending()).toBe(0);
  });

  it('drops a batch on a 4xx other than 408/429, warns, and carries on with the next one', async () => {
    const { sink, server, warnings } = setup((_, i) => (i === 0 ? reply(400) : reply(200)), { batchSize: 2 });
    for (const i of range(4)) sink.send(usage(i));
    await vi.advanceTimersByTimeAsync(0);
    expect(server.requests.map((r) => r.ids)).toEqual([
      ['evt000000', 'evt000001'],
      ['evt000002', 'evt000003'],
    ]);
    expect(warnings).toEqual([expect.stringMatching(/^\[upgradekit\] .*HTTP 400; dropped a batch of 2 events/)]);
    expect(sink.pending()).toBe(0);
  });

  it('gives up after maxRetries and drops the batch with a warning', async () => {
    const { sink, server, warnings } = setup((request) => (request.ids.includes('evt000001') ? reply(500) : reply(200)), {
      maxRetries: 2,
      baseDelay: 10,
    });
    sink.send(usage(1));
    await sink.flush();
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.requests).toHaveLength(3);
    expect(warnings).toEqual([
      expect.stringContaining('could not deliver events to https://collect.example.com/events (HTTP 500); retrying with back-off, 1 kept queued'),
      expect.stringContaining('gave up on a batch of 1 events'),
    ]);
    sink.send(usage(2));
    await sink.flush();
    expect(server.requests.at(-1)!.ids).toEqual(['evt000002']);
  });

  it('flush() during a back-off leaves the next attempt to the retry timer', async () => {
    const { sink, server } = setup(() => reply(500), { baseDelay: 1000 });
    sink.send(usage(1));
    await sink.flush();
    await sink.flush();
    expect(server.requests).toHaveLength(1);
    sink.destroy();
  });

  it('does not send a full batch while backing off', async () => {
    const { sink, server } = setup((_, i) => (i === 0 ? reply(429, { 'Retry-After': '30' }) : reply(200)), { batchSize: 2 });
    sink.send(usage(1));
    sink.send(usage(2));
    await vi.advanceTimersByTimeAsync(0);
    for (const i of range(4, 3)) sink.send(usage(i));
    await vi.advanceTimersByTimeAsync(29_999);
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.requests.map((r) => r.ids.length)).toEqual([2, 2, 2, 2]);
  });
});

describe('queue', () => {
  it('de-duplicates by id: queued or already sent ids are not queued again', async () => {
    const { sink, server } = setup(() => reply(200));
    sink.send(usage(1));
    sink.send(usage(1));
    expect(sink.pending()).toBe(1);
    await sink.flush();
    sink.send(usage(1));
    expect(sink.pending()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.requests.map((r) => r.ids)).toEqual([['evt000001']]);
  });

  it('when full, drops the oldest non-conversion events first, with one warning', async () => {
    const { sink, server, warnings } = setup(() => reply(200), { maxQueue: 5, batchSize: 100 });
    sink.send(upgrade(1));
    sink.send(usage(2));
    sink.send(trial(3));
    for (const i of range(6, 4)) sink.send(usage(i));
    expect(sink.pending()).toBe(5);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/queue for .* is full \(5 events\)/);
    await sink.flush();
    expect(server.requests[0]!.ids).toEqual(['evt000001', 'evt000003', 'evt000007', 'evt000008', 'evt000009']);
  });

  it('when full of conversions, a new conversion displaces the oldest and anything else is dropped', async () => {
    const { sink, server } = setup(() => reply(200), { maxQueue: 2, batchSize: 100 });
    sink.send(upgrade(1));
    sink.send(trial(2));
    sink.send(usage(3));
    sink.send(upgrade(4));
    await sink.flush();
    expect(server.requests[0]!.ids).toEqual(['evt000002', 'evt000004']);
  });

  it('never drops the batch in flight to make room', async () => {
    const answer = deferred<Response>();
    const { sink, server } = setup((_, i) => (i === 0 ? answer.promise : reply(200)), { maxQueue: 3, batchSize: 2 });
    sink.send(usage(1));
    sink.send(usage(2));
    for (const i of range(3, 3)) sink.send(usage(i));
    answer.resolve(reply(200));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(server.requests.map((r) => r.ids)).toEqual([['evt000001', 'evt000002'], ['evt000005']]);
  });
});

describe('persistence', () => {
  it('persists before any request, and a new sink on the same storage resends after a reload', async () => {
    const storage = createMemoryStorage();
    const down = fakeFetch(() => new TypeError('Failed to fetch'));
    const tabs = createMemoryTabs();
    const platform1 = createMemoryPlatform({ storage, tabs, fetch: down.fetch });
    const page1 = createHttpSink({ url: URL, platform: platform1, onWarning: () => {} });
    for (const i of range(3)) page1.send(usage(i));
    await Promise.resolve();
    // Stored in the same task as send(): a crash right after loses nothing.
    expect(stored(storage).map((e) => e.id)).toEqual(['evt000000', 'evt000001', 'evt000002']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(down.requests).toHaveLength(1);

    // The page unloads without ceremony: no destroy(), no flush(); the browser releases its lock.
    platform1.unload();
    const up = fakeFetch(() => reply(200));
    const page2 = createHttpSink({ url: URL, platform: createMemoryPlatform({ storage, tabs, fetch: up.fetch }) });
    expect(page2.pending()).toBe(3);
    page2.send(usage(1)); // the host re-reporting an event the queue already has
    await vi.advanceTimersByTimeAsync(5000);
    expect(up.requests.map((r) => r.ids)).toEqual([['evt000000', 'evt000001', 'evt000002']]);
    expect(stored(storage)).toEqual([]);
    page1.destroy();
  });

  it('does not let two tabs on one storage erase each other’s unsent events', async () => {
    const storage = createMemoryStorage();
    const downA = fakeFetch(() => new TypeError('offline'));
    let bUp = false;
    const downB = fakeFetch(() => (bUp ? reply(200) : new TypeError('offline')));
    // Two tabs of one browser: one storage, one set of locks.
    const tabs = createMemoryTabs();
    const tabA = createHttpSink({ url: URL, platform: createMemoryPlatform({ storage, tabs, fetch: downA.fetch }), onWarning: () => {} });
    const tabB = createHttpSink({ url: URL, platform: createMemoryPlatform({ storage, tabs, fetch: downB.fetch }), onWarning: () => {} });
    tabA.send(usage(1));
    tabB.send(usage(2));
    await Promise.resolve();
    expect(stored(storage).map((e) => e.id).sort()).toEqual(['evt000001', 'evt000002']);
    bUp = true;
    await tabB.flush();
    expect(stored(storage).map((e) => e.id)).toEqual(['evt000001']);
    tabA.destroy();
    tabB.destroy();
  });

  it('a tab opened while another is still open never sends that tab\'s unsent events', async () => {
    const storage = createMemoryStorage();
    const tabs = createMemoryTabs();
    const offline = fakeFetch(() => new TypeError('offline'));
    const tabA = createHttpSink({ url: URL, platform: createMemoryPlatform({ storage, tabs, fetch: offline.fetch }), onWarning: () => {} });
    for (const i of range(3)) tabA.send(usage(i));
    await Promise.resolve();
    const online = fakeFetch(() => reply(200));
    const tabB = createHttpSink({ url: URL, platform: createMemoryPlatform({ storage, tabs, fetch: online.fetch }) });
    tabB.send(usage(10));
    await tabB.flush();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(online.requests.flatMap((r) => r.ids)).toEqual(['evt000010']);
    expect(stored(storage).map((e) => e.id)).toEqual(['evt000000', 'evt000001', 'evt000002']);
    tabA.destroy();
    tabB.destroy();
  });

  it('a closed tab\'s queue is adopted and sent by one of the tabs still open, once', async () => {
    const storage = createMemoryStorage();
    const tabs = createMemoryTabs();
    const offline = fakeFetch(() => new TypeError('offline'));
    const closing = createMemoryPlatform({ storage, tabs, fetch: offline.fetch });
    const tabA = createHttpSink({ url: URL, platform: closing, onWarning: () => {} });
    for (const i of range(3)) tabA.send(usage(i));
    await Promise.resolve();
    closing.unload();
    const online = fakeFetch(() => reply(200));
    const pages = [1, 2].map(() => createHttpSink({ url: URL, platform: createMemoryPlatform({ storage, tabs, fetch: online.fetch }) }));
    await Promise.all(pages.map((page) => page.flush()));
    expect(online.requests.flatMap((r) => r.ids)).toEqual(['evt000000', 'evt000001', 'evt000002']);
    expect(stored(storage)).toEqual([]);
    pages.forEach((page) => page.destroy());
  });

  it('queues and persists without fetch, with a warning', () => {
    const storage = createMemoryStorage();
    const warnings: string[] = [];
    const sink = createHttpSink({ url: URL, platform: createMemoryPlatform({ storage }), onWarning: (m) => warnings.push(m), batchSize: 1 });
    sink.send(usage(1));
    sink.destroy();
    expect(warnings).toEqual([expect.stringContaining('no fetch on this platform')]);
    expect(stored(storage).map((e) => e.id)).toEqual(['evt000001']);
  });

  it('ignores corrupt or foreign stored data', () => {
    const storage = createMemoryStorage({ [STORAGE_KEY]: JSON.stringify([{ nope: 1 }, usage(1), 'x']) });
    const sink = createHttpSink({ url: URL, platform: createMemoryPlatform({ storage }), onWarning: () => {} });
    expect(sink.pending()).toBe(1);
    sink.destroy();
  });
});

describe('page hide', () => {
  const bigEvents = () =>
    // "€" is three bytes in UTF-8: counting characters instead of bytes would overflow the limit.
    range(300).map((i) => usage(i, 'exports-€-'.repeat(40)));

  it('beacons the queue in bodies of at most 64 KiB, in order, and keeps it until a confirmed request delivers it', async () => {
    const beacons: Array<{ url: string; body: string }> = [];
    const { sink, server, storage, platform } = setup(
      () => reply(200),
      { batchSize: 1000 },
      { sendBeacon: (url, body) => (beacons.push({ url, body }), true) },
    );
    const events = bigEvents();
    for (const event of events) sink.send(event);
    platform.hide();
    expect(beacons.length).toBeGreaterThan(2);
    const sizes = beacons.map((b) => Buffer.byteLength(b.body, 'utf8'));
    for (const size of sizes) expect(size).toBeLessThanOrEqual(64 * 1024);
    // Packed tightly: every body but the last was full enough that the next event did not fit.
    for (const size of sizes.slice(0, -1)) expect(size).toBeGreaterThan(64 * 1024 - 1000);
    expect(beacons.every((b) => b.url === URL)).toBe(true);
    expect(beacons.flatMap((b) => (JSON.parse(b.body) as { events: UpgradeKitEvent[] }).events)).toEqual(events);
    // A beacon confirms nothing: the events stay queued and persisted...
    expect(sink.pending()).toBe(events.length);
    expect(stored(storage)).toEqual(events);
    // ...until a request is answered 2xx (the same ids again: the endpoint keeps one of each).
    platform.show();
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.requests.flatMap((r) => r.ids)).toEqual(events.map((e) => e.id));
    expect(sink.pending()).toBe(0);
    expect(stored(storage)).toEqual([]);
  });

  it('loses nothing when every beacon is lost on the way and the page closes: the next page sends it all', async () => {
    const storage = createMemoryStorage();
    const tabs = createMemoryTabs();
    const page1 = createMemoryPlatform({ storage, tabs, fetch: fakeFetch(() => new TypeError('offline')).fetch, sendBeacon: () => true });
    const sink = createHttpSink({ url: URL, platform: page1, onWarning: () => {} });
    for (const i of range(40)) sink.send(usage(i));
    page1.unload();
    const next = fakeFetch(() => reply(200));
    const page2 = createHttpSink({ url: URL, platform: createMemoryPlatform({ storage, tabs, fetch: next.fetch }) });
    await page2.flush();
    expect(next.requests.flatMap((r) => r.ids)).toEqual(range(40).map((i) => usage(i).id));
    page2.destroy();
  });

  it('keeps what the browser refused persisted, and the next page sends it', async () => {
    const beacons: string[] = [];
    const platformTabs = createMemoryTabs();
    const { sink, storage, platform } = setup(
      () => new TypeError('offline'),
      { batchSize: 1000 },
      // The keepalive budget is spent after one body.
      { tabs: platformTabs, sendBeacon: (_, body) => beacons.length < 1 && (beacons.push(body), true) },
    );
    const events = bigEvents();
    for (const event of events) sink.send(event);
    platform.hide();
    expect(beacons).toHaveLength(1);
    expect(sink.pending()).toBe(events.length);
    expect(stored(storage)).toHaveLength(events.length);

    platform.unload();
    const next = fakeFetch(() => reply(200));
    const page2 = createHttpSink({ url: URL, platform: createMemoryPlatform({ storage, tabs: platformTabs, fetch: next.fetch }), batchSize: 1000 });
    await page2.flush();
    expect(next.requests.flatMap((r) => r.ids)).toEqual(events.map((e) => e.id));
    sink.destroy();
  });

  it('does not beacon while backing off: the events wait, persisted, for a confirmed request', async () => {
    const sendBeacon = vi.fn(() => true);
    const { sink, storage, platform } = setup(() => reply(503), {}, { sendBeacon });
    sink.send(upgrade(1));
    await sink.flush();
    platform.hide();
    expect(sendBeacon).not.toHaveBeenCalled();
    expect(stored(storage).map((e) => e.id)).toEqual(['evt000001']);
    sink.destroy();
  });

  it('does not beacon the batch in flight', async () => {
    const answer = deferred<Response>();
    const beacons: string[] = [];
    const { sink, platform } = setup(() => answer.promise, { batchSize: 2 }, { sendBeacon: (_, body) => (beacons.push(body), true) });
    for (const i of range(5)) sink.send(usage(i));
    platform.hide();
    expect(beacons.map((b) => (JSON.parse(b) as { events: UpgradeKitEvent[] }).events.map((e) => e.id))).toEqual([
      ['evt000002', 'evt000003', 'evt000004'],
    ]);
    answer.resolve(reply(200));
    await vi.advanceTimersByTimeAsync(0);
    // The beaconed ones were not confirmed by their beacon: requests confirm them.
    await vi.advanceTimersByTimeAsync(5000);
    expect(sink.pending()).toBe(0);
  });

  it('leaves an event too large for any beacon to a normal request', async () => {
    const beacons: string[] = [];
    const { sink, server, platform } = setup(() => reply(200), {}, { sendBeacon: (_, body) => (beacons.push(body), true) });
    sink.send(usage(1, 'x'.repeat(70_000)));
    sink.send(usage(2));
    platform.hide();
    expect(beacons.map((b) => (JSON.parse(b) as { events: UpgradeKitEvent[] }).events.map((e) => e.id))).toEqual([['evt000002']]);
    expect(sink.pending()).toBe(2);
    platform.show();
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.requests.map((r) => r.ids)).toEqual([['evt000001', 'evt000002']]);
  });

  it('without sendBeacon, flushes with fetch and keeps everything persisted meanwhile', async () => {
    const { sink, server, storage, platform } = setup(() => reply(200));
    sink.send(usage(1));
    platform.hide();
    expect(server.requests).toHaveLength(1);
    expect(stored(storage).map((e) => e.id)).toEqual(['evt000001']);
    await vi.advanceTimersByTimeAsync(0);
    expect(stored(storage)).toEqual([]);
  });
});

describe('destroy', () => {
  it('removes the hide listener and every timer, and ignores later sends', async () => {
    const sendBeacon = vi.fn(() => true);
    const { sink, server, platform, warnings, storage } = setup(() => reply(500), {}, { sendBeacon });
    sink.send(usage(1));
    expect(vi.getTimerCount()).toBe(1); // the flush interval
    await vi.advanceTimersByTimeAsync(5000);
    expect(vi.getTimerCount()).toBe(1); // the retry
    sink.destroy();
    expect(vi.getTimerCount()).toBe(0);
    platform.hide();
    expect(sendBeacon).not.toHaveBeenCalled();
    sink.send(usage(2));
    expect(warnings.at(-1)).toContain('send() after destroy()');
    await vi.advanceTimersByTimeAsync(600_000);
    expect(server.requests).toHaveLength(1);
    expect(stored(storage).map((e) => e.id)).toEqual(['evt000001']);
    expect(warnings[0]).toContain('could not deliver events');
  });

  it('clears the request timeout of a request in flight; if it then succeeds, its events leave storage', async () => {
    const answer = deferred<Response>();
    const { sink, storage } = setup(() => answer.promise, { batchSize: 1 });
    sink.send(usage(1));
    expect(vi.getTimerCount()).toBe(1); // the request timeout
    sink.destroy();
    expect(vi.getTimerCount()).toBe(0);
    expect(stored(storage).map((e) => e.id)).toEqual(['evt000001']);
    answer.resolve(reply(200));
    await vi.advanceTimersByTimeAsync(0);
    expect(stored(storage)).toEqual([]);
  });
});
