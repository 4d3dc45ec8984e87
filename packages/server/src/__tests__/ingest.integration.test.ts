import { PGlite } from '@electric-sql/pglite';
import type { UpgradeKitEvent } from '@upgradekit/core';
import { createHttpSink, type HttpSink } from '@upgradekit/core/sinks';
import { createMemoryPlatform, type MemoryPlatform } from '@upgradekit/core/testing';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import type { StoreKind } from '../store/types.js';
import { history } from './history.js';
import { spawnServer } from './processes.js';
import { dropSchema, freshSchema, pgliteDir, postgresUrl, STORE_KINDS } from './stores.js';

/*
 * The acknowledgement promise end to end: 10,000 events leave four browser tabs
 * through the real HTTP sink (batches, retries, beacons on page hide), plus a tab
 * that resends batches already delivered, to a real server process that is killed
 * with SIGKILL half-way and started again on the same data. Every event, and so
 * every acknowledged one, must be stored exactly once.
 */

const KEY = 'wk_integration';
const TABS = 4;

async function storedEvents(kind: StoreKind, env: Record<string, string>): Promise<Map<string, unknown>> {
  const sql = 'SELECT id, body FROM upgradekit_events';
  if (kind === 'pglite') {
    const db = await PGlite.create({ dataDir: join(env.DATA_DIR!, 'pglite') });
    const { rows } = await db.query<{ id: string; body: unknown }>(sql);
    await db.close();
    return new Map(rows.map((row) => [row.id, row.body]));
  }
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  const { rows } = await client.query(`SELECT id, body FROM ${env.SCHEMA}.upgradekit_events`);
  await client.end();
  return new Map(rows.map((row: { id: string; body: unknown }) => [row.id, row.body]));
}

describe.each(STORE_KINDS)('ingest through the HTTP sink on %s, with the server killed mid-way', (kind) => {
  it('stores every acknowledged event exactly once and loses none', { timeout: 180_000 }, async () => {
    const env: Record<string, string> =
      kind === 'pglite' ? { STORE: 'pglite', DATA_DIR: pgliteDir(), WRITE_KEY: KEY } : { STORE: 'postgres', DATABASE_URL: postgresUrl(), SCHEMA: freshSchema(), WRITE_KEY: KEY };
    let server = await spawnServer(env);
    const port = new URL(server.url).port;
    const acknowledged = new Set<string>();
    const answers = { duplicates: 0, failures: 0 };
    // The browser's fetch, watched: which batches the server acknowledged, and which requests failed.
    const watchedFetch: typeof fetch = async (input, init) => {
      try {
        const response = await fetch(input, init);
        if (response.ok) {
          const answer = (await response.clone().json()) as { duplicates: number };
          answers.duplicates += answer.duplicates;
          for (const event of (JSON.parse(String(init!.body)) as { events: UpgradeKitEvent[] }).events) acknowledged.add(event.id);
        }
        return response;
      } catch (error) {
        answers.failures++;
        throw error;
      }
    };
    // sendBeacon as browsers do it: a text/plain POST nobody waits for.
    const sendBeacon = (url: string, body: string) => {
      void fetch(url, { method: 'POST', body, headers: { 'content-type': 'text/plain;charset=UTF-8' } }).catch(() => {});
      return true;
    };
    const platforms: MemoryPlatform[] = Array.from({ length: TABS + 1 }, (_, seed) => createMemoryPlatform({ seed: seed + 1, fetch: watchedFetch, sendBeacon }));
    const sinks: HttpSink[] = platforms.map((platform) =>
      createHttpSink({ url: `${server.url}/api/events?key=${KEY}`, platform, batchSize: 50, flushInterval: 10, baseDelay: 20, maxDelay: 250, maxQueue: 20_000, onWarning: () => {} }),
    );
    const events = history(10_000, { seed: 3, customers: 400 });
    const send = (from: number, to: number) => events.slice(from, to).forEach((event, index) => sinks[(from + index) % TABS]!.send(event));
    const waitFor = (condition: () => boolean) => vi.waitFor(() => expect(condition()).toBe(true), { timeout: 120_000, interval: 20 });

    send(0, 3000);
    for (const platform of platforms) (platform.hide(), platform.show());
    await waitFor(() => acknowledged.size >= 1500);
    send(3000, 5000);
    // The fifth tab sends 500 events the others have sent: batches the server has seen, or is about to.
    for (const event of events.slice(1000, 1500)) sinks[TABS]!.send(event);
    server.child.kill('SIGKILL');
    await server.exited;
    send(5000, 10_000);
    for (const platform of platforms) (platform.hide(), platform.show());
    server = await spawnServer({ ...env, PORT: port });
    await waitFor(() => sinks.every((sink) => sink.pending() === 0));
    for (const sink of sinks) sink.destroy();
    server.child.kill('SIGTERM');
    await server.exited;

    const stored = await storedEvents(kind, env);
    if (kind === 'postgres') await dropSchema(env.SCHEMA!);
    expect(answers.failures).toBeGreaterThan(0);
    expect(answers.duplicates).toBeGreaterThan(0);
    expect([...acknowledged].filter((id) => !stored.has(id))).toEqual([]);
    expect(stored.size).toBe(events.length);
    expect(events.filter((event) => !stored.has(event.id))).toEqual([]);
    for (const index of [0, 2999, 5001, 9999]) expect(stored.get(events[index]!.id)).toEqual(events[index]);
  });
});
