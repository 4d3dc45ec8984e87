import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEvents } from '../node/importEvents.js';
import { startServer, type StartedServer } from '../node/startServer.js';
import { CONFIG } from './config.js';
import { event } from './events.js';
import { ADMIN, WRITE_KEY } from './server.js';
import { pgliteDir } from './stores.js';

describe('startServer', () => {
  let started: StartedServer;
  let dataDir: string;
  const site = mkdtempSync(join(tmpdir(), 'upgradekit-site-'));
  beforeAll(async () => {
    mkdirSync(join(site, 'assets'));
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>Cockpit</title>');
    writeFileSync(join(site, 'assets', 'app-1a2b.js'), 'console.log(1)');
    writeFileSync(join(tmpdir(), 'upgradekit-secret.txt'), 'secret');
    dataDir = pgliteDir();
    started = await startServer({ dataDir, port: 0, staticDir: site, config: CONFIG, writeKeys: { [WRITE_KEY]: { app: 'acme' } }, adminToken: ADMIN });
  });
  afterAll(async () => {
    await started?.close();
    rmSync(site, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 and says where its data lives', async () => {
    expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(started.dataLocation).toBe(dataDir);
    expect(await (await fetch(`${started.url}/api/health`)).json()).toEqual({ ok: true, store: 'pglite', events: 0 });
  });

  it('takes events over HTTP and answers the report', async () => {
    const response = await fetch(`${started.url}/api/events?key=${WRITE_KEY}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ events: [event(), event()] }) });
    expect(await response.json()).toEqual({ stored: 2, duplicates: 0, rejected: [] });
    const report = await fetch(`${started.url}/api/report`, { headers: { authorization: `Bearer ${ADMIN}` } });
    expect((await report.json()).totals.events).toBe(2);
  });

  it('serves the static directory, index.html for app routes, and never a file outside it', async () => {
    const asset = await fetch(`${started.url}/assets/app-1a2b.js`);
    expect([asset.status, asset.headers.get('content-type'), asset.headers.get('cache-control')]).toEqual([200, 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable']);
    expect(await (await fetch(`${started.url}/reports/weekly`)).text()).toContain('<title>Cockpit</title>');
    const escape = await fetch(`${started.url}/..%2Fupgradekit-secret.txt`);
    expect(await escape.text()).not.toContain('secret');
    // The API keeps its own answers under the prefix.
    expect((await fetch(`${started.url}/api/missing`)).status).toBe(404);
  });

  it('refuses a second server on the same data directory', async () => {
    await expect(startServer({ dataDir, port: 0 })).rejects.toThrow(`is in use by this process`);
  });
});

describe('importEvents', () => {
  it('loads NDJSON in batches with progress, skipping what is stored and naming the lines it refuses', async () => {
    const { createPgliteStore } = await import('../store/pglite.js');
    const store = await createPgliteStore({ dataDir: pgliteDir() });
    const events = Array.from({ length: 25 }, (_, index) => event({ customerId: `acct_€${index}` }));
    const lines = [...events.map((e) => JSON.stringify(e)), '', '{not json', JSON.stringify({ ...event(), mrr: -1 }), JSON.stringify(events[0])];
    // Chunks that split lines (and a multi-byte character) anywhere.
    const text = `${lines.join('\n')}\n`;
    const bytes = Buffer.from(text);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 37) }, (_, index) => bytes.subarray(index * 37, index * 37 + 37));
    const progress: number[] = [];
    const result = await importEvents(store, Readable.from(chunks), { app: 'acme', batchSize: 10, onProgress: (p) => progress.push(p.stored) });
    expect(result).toMatchObject({ lines: 29, stored: 25, duplicates: 1, rejected: 2 });
    expect(result.errors).toEqual([
      { line: 27, reason: expect.stringContaining('is not JSON') },
      { line: 28, reason: 'mrr: must be at least 0 (got -1)' },
    ]);
    expect(progress).toEqual([10, 20, 25, 25]);
    expect(result.bytes).toBe(Buffer.byteLength(text));
    expect(await store.countEvents()).toBe(25);
    expect(await store.deliveryCounts()).toEqual({ pending: 0, delivered: 0, failed: 0 });
    await store.close();
  });
});
