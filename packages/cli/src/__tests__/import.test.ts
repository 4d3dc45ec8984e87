import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UpgradeKitEvent } from '@upgradekit/core';
import { buildReport } from '@upgradekit/core/report';
import { emptyStoreAt, EXAMPLE, exampleConfig, parseLines, tempDir, upgradekit } from './helpers.js';
import { startServe } from './serveProcess.js';

const temp = tempDir();
const history = temp.path('history.ndjson');
beforeAll(() => {
  expect(upgradekit(['sample', '--config', EXAMPLE, '--customers', '40', '--days', '14', '--seed', '5', '--out', history]).status).toBe(0);
});
afterAll(() => temp.remove());

const byTimeAndId = (a: UpgradeKitEvent, b: UpgradeKitEvent) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe('upgradekit import', () => {
  it('stores a sample history once, and the server then reports the same figures as buildReport on that file', async () => {
    const dataDir = emptyStoreAt(temp.path('imported'));
    const events = parseLines(readFileSync(history, 'utf8')) as unknown as UpgradeKitEvent[];
    const run = upgradekit(['import', history, '--data-dir', dataDir]);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    const stored = events.length.toLocaleString('en-US');
    expect(run.stdout).toBe(`${history} → ${dataDir} (app "default"): ${stored} stored, 0 already there, 0 refused\n`);
    // Again: every event is there already, nothing is stored twice.
    expect(upgradekit(['import', history, '--data-dir', dataDir]).stdout).toContain(`: 0 stored, ${stored} already there, 0 refused\n`);

    const server = await startServe(['--port', '0', '--data-dir', dataDir, '--config', EXAMPLE, '--admin-token', 'tok']);
    try {
      expect(await (await fetch(`${server.url}/api/health`)).json()).toEqual({ ok: true, store: 'pglite', events: events.length });
      const report = await (await fetch(`${server.url}/api/report`, { headers: { authorization: 'Bearer tok' } })).json();
      const expected = buildReport([...events].sort(byTimeAndId), exampleConfig());
      expect(report).toEqual(JSON.parse(JSON.stringify(expected)));
      expect(report.totals.conversions).toBeGreaterThan(0);

      // While the server holds the directory, import refuses and names it.
      const refused = upgradekit(['import', history, '--data-dir', dataDir]);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain(`upgradekit import: cannot import: the data directory ${dataDir} is in use by process ${server.pid} `);
    } finally {
      await server.stop();
    }
  });

  it('stores the good lines of a file with bad ones, lists each bad one with its line number, and exits 1', () => {
    const [first, second] = readFileSync(history, 'utf8').split('\n');
    const file = temp.path('mixed.ndjson');
    writeFileSync(file, [first, 'not json', '', JSON.stringify({ type: 'prompt.shown' }), second, '{"v":1'].join('\n'));
    const run = upgradekit(['import', file, '--data-dir', emptyStoreAt(temp.path('mixed')), '--app', 'acme']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(`${file} → ${temp.path('mixed')} (app "acme"): 2 stored, 0 already there, 3 refused\n`);
    const refused = run.stderr.split('\n').filter(Boolean);
    expect(refused).toHaveLength(3);
    expect(refused[0]).toMatch(new RegExp(`^${file}:2: is not JSON \\(`));
    expect(refused[1]).toMatch(new RegExp(`^${file}:4: .*id: is required`));
    expect(refused[2]).toMatch(new RegExp(`^${file}:6: is not JSON \\(`));

    // The same from standard input (upgradekit sample | upgradekit import -): the two good ones are there already.
    const piped = upgradekit(['import', '-', '--data-dir', temp.path('mixed'), '--app', 'acme'], undefined, readFileSync(file, 'utf8'));
    expect(piped.status).toBe(1);
    expect(piped.stdout).toBe(`stdin → ${temp.path('mixed')} (app "acme"): 0 stored, 2 already there, 3 refused\n`);
    expect(piped.stderr.split('\n').filter(Boolean).map((line) => line.split(': ')[0])).toEqual(['stdin:2', 'stdin:4', 'stdin:6']);
  });

  it('says what is missing: the file, or which file', () => {
    const missing = temp.path('nowhere.ndjson');
    expect(upgradekit(['import', missing, '--data-dir', temp.path('never')])).toMatchObject({ status: 2, stdout: '', stderr: `upgradekit import: ${missing}: not found\n` });
    expect(upgradekit(['import'])).toMatchObject({ status: 2, stderr: 'upgradekit import: which file? upgradekit import <events.ndjson> (see upgradekit import --help)\n' });
    expect(upgradekit(['import', temp.dir, '--data-dir', temp.path('never')]).stderr).toBe(`upgradekit import: ${temp.dir}: is a directory\n`);
  });
});
