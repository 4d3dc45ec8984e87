// @upgradekit/server on PGlite and on PostgreSQL: ingest throughput (batches of 50
// over HTTP on loopback, eight requests in flight, as many tabs would send them)
// against the database's own write of the same batches (store.ingest, no HTTP, no
// validation), and the report over 1M stored events against buildReport over the
// same events in memory. PostgreSQL is a throwaway server with fsync on (see
// scripts/postgres.mjs), or UPGRADEKIT_TEST_DATABASE_URL. Reads the built packages.
import { createServer } from 'node:http';
import { Worker } from 'node:worker_threads';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport } from '../packages/core/dist/conversion/index.js';
import { createUpgradeKitServer } from '../packages/server/dist/index.js';
import { toNodeListener } from '../packages/server/dist/node/index.js';
import { createPgliteStore } from '../packages/server/dist/store/pglite.js';
import { createPostgresStore } from '../packages/server/dist/store/postgres.js';
import { startPostgres } from '../scripts/postgres.mjs';
import { config, generate } from './report.bench.mjs';

const INGEST_EVENTS = 20_000;
const WARMUP_EVENTS = 2_000;
const BATCH = 50;
const IN_FLIGHT = 8;
const REPORT_EVENTS = 1_000_000;
const LOAD_BATCH = 20_000;
const KEY = 'wk_bench';
const ADMIN = 'bench-admin';

const batchesOf = (events, size) => Array.from({ length: Math.ceil(events.length / size) }, (_, index) => events.slice(index * size, index * size + size));

/** Events per second of `send` over `batches` (`{ count, payload }`), `IN_FLIGHT` at a time. */
async function rate(batches, send) {
  let next = 0;
  let events = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < batches.length) {
        const batch = batches[next++];
        await send(batch.payload);
        events += batch.count;
      }
    }),
  );
  return events / ((performance.now() - start) / 1000);
}

async function listen(handler) {
  const http = createServer(toNodeListener(handler));
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${http.address().port}`, close: () => new Promise((resolve) => (http.closeAllConnections(), http.close(resolve))) };
}

/** Unique ids: what each half of the ingest run sends is new to the store. */
function freshEvents(count, prefix) {
  return generate(count).map((event, index) => ({ ...event, id: `${prefix}${index.toString(36).padStart(8, '0')}` }));
}

/** Events per second of a worker thread posting `bodies` to the server. */
function postFromWorker(url, bodies) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./ingestClient.mjs', import.meta.url), { workerData: { url, key: KEY, bodies, inFlight: IN_FLIGHT } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

export async function ingestRows(store, label) {
  const handler = createUpgradeKitServer({ store, config, writeKeys: { [KEY]: { app: 'bench' } }, onWarning: () => {} });
  await handler.ready;
  const server = await listen(handler);
  const bodies = (events) => batchesOf(events, BATCH).map((batch) => ({ count: batch.length, payload: JSON.stringify({ events: batch }) }));
  const arrays = (events) => batchesOf(events, BATCH).map((batch) => ({ count: batch.length, payload: batch }));
  await postFromWorker(`${server.url}/api/events`, bodies(freshEvents(WARMUP_EVENTS, 'w')));
  const http = await postFromWorker(`${server.url}/api/events`, bodies(freshEvents(INGEST_EVENTS, 'h')));
  const direct = await rate(arrays(freshEvents(INGEST_EVENTS, 'd')), (batch) => store.ingest('bench', batch, { firings: [], onceWithinMs: 0, now: Date.now() }));
  await server.close();
  await handler.close();
  return {
    name: `ingest, ${label}, batches of ${BATCH} over HTTP`,
    value: Math.round(http),
    unit: 'events/s',
    baseline: { name: 'store.ingest of the same batches: the database write alone', value: Math.round(direct) },
    note: `${INGEST_EVENTS.toLocaleString('en')} events, ${IN_FLIGHT} requests in flight from a worker thread; target ≥ ${label === 'PostgreSQL' ? '10,000' : '3,000'} events/s`,
  };
}

async function reportRows(store, label, events, expected) {
  const loadStart = performance.now();
  for (const batch of batchesOf(events, LOAD_BATCH)) await store.ingest('bench', batch, { firings: [], onceWithinMs: 0, now: Date.now() });
  const loadSeconds = (performance.now() - loadStart) / 1000;
  const handler = createUpgradeKitServer({ store, config, adminToken: ADMIN, onWarning: () => {} });
  await handler.ready;
  const get = async () => {
    const response = await handler(new Request('http://bench/api/report', { headers: { authorization: `Bearer ${ADMIN}` } }));
    return response.json();
  };
  let report = await get();
  const times = [];
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    report = await get();
    times.push(performance.now() - start);
  }
  await handler.close();
  const median = times.sort((a, b) => a - b)[1];
  return {
    name: `report over 1M stored events, ${label}`,
    value: Math.round(median),
    unit: 'ms',
    baseline: { name: 'buildReport over the same events in memory', value: Math.round(expected.ms) },
    note: `median of 3; equal to buildReport: ${JSON.stringify(report) === expected.json ? 'yes' : 'NO'}; loading ${events.length.toLocaleString('en')} events took ${loadSeconds.toFixed(1)} s${label === 'PostgreSQL' ? '; target ≤ 2,000 ms' : ''}`,
  };
}

/** The stored events as the server reads them: one per id, by time then id. */
function storedOrder(events) {
  const seen = new Set();
  const unique = events.filter((event) => !seen.has(event.id) && seen.add(event.id));
  return unique.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The server's attribution re-check, done here on the array: the generated stream
 * credits upgrades at random, and an upgrade keeps its trigger only with an
 * impression or click of it by the customer within the 7-day window before.
 */
function recheck(events) {
  const touches = new Map();
  for (const event of events) {
    if (event.type !== 'prompt.shown' && event.type !== 'prompt.clicked') continue;
    const key = `${event.customerId}|${event.triggerId}`;
    (touches.get(key) ?? touches.set(key, []).get(key)).push(event.at);
  }
  const window = 7 * 864e5;
  return events.map((event) => {
    if (event.type !== 'upgrade.completed' || event.triggerId === undefined) return event;
    const times = touches.get(`${event.customerId}|${event.triggerId}`) ?? [];
    if (times.some((at) => at <= event.at && at >= event.at - window)) return event;
    const { triggerId: _trigger, variant: _variant, ...rest } = event;
    return rest;
  });
}

async function postgresRows(events, expected) {
  let postgres;
  try {
    postgres = await startPostgres({ durable: true });
  } catch (error) {
    return [{ name: 'PostgreSQL rows', value: 'not run', unit: '', note: error.message }];
  }
  try {
    const open = (name) => createPostgresStore({ connectionString: postgres.url, schema: `bench_${name}_${Date.now().toString(36)}` });
    return await storeRows('PostgreSQL', open, events, expected);
  } finally {
    await postgres.stop();
  }
}

async function storeRows(label, open, events, expected) {
  let store = await open('ingest');
  const ingest = await ingestRows(store, label);
  await store.close();
  store = await open('report');
  const report = await reportRows(store, label, events, expected);
  await store.close();
  return [ingest, report];
}

export async function run() {
  const events = storedOrder(generate(REPORT_EVENTS));
  const reference = recheck(events);
  buildReport(reference, config);
  globalThis.gc?.();
  const start = performance.now();
  const expected = { json: JSON.stringify(buildReport(reference, config)) };
  expected.ms = performance.now() - start;
  const dir = mkdtempSync(join(tmpdir(), 'upgradekit-bench-'));
  try {
    const pglite = await storeRows('PGlite', (name) => createPgliteStore({ dataDir: join(dir, name) }), events, expected);
    return [...pglite, ...(await postgresRows(events, expected))];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
