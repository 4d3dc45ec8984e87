import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEvent } from '@upgradekit/core/report';
import { EXAMPLE, parseLines, tempDir, upgradekit, type Run } from './helpers.js';

const temp = tempDir();
const args = (seed: number, out: string) => ['sample', '--config', EXAMPLE, '--customers', '60', '--days', '14', '--seed', String(seed), '--out', temp.path(out)];
let first: Run;
let text = '';
beforeAll(() => {
  first = upgradekit(args(7, 'a.ndjson'));
  text = readFileSync(temp.path('a.ndjson'), 'utf8');
});
afterAll(() => temp.remove());

describe('upgradekit sample', () => {
  it('gives byte-identical output for the same seed, and another history for another seed', () => {
    expect(first).toMatchObject({ status: 0, stdout: '', stderr: '' });
    expect(upgradekit(args(7, 'b.ndjson')).status).toBe(0);
    expect(readFileSync(temp.path('b.ndjson'), 'utf8')).toBe(text);
    upgradekit(args(8, 'c.ndjson'));
    expect(readFileSync(temp.path('c.ndjson'), 'utf8')).not.toBe(text);
    // Without --out, the same bytes go to stdout.
    const piped = upgradekit(args(7, 'unused').slice(0, -2));
    expect(piped.stdout).toBe(text);
  });

  it('writes valid SDK events in time order, with unique time-sortable ids', () => {
    const events = parseLines(text);
    expect(events.length).toBeGreaterThan(1000);
    for (const event of events) expect(parseEvent(event)).toMatchObject({ success: true });
    expect(events.every((event, index) => index === 0 || events[index - 1]!.at <= event.at)).toBe(true);
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    expect(events.every((event) => /^[0-9a-z]{20}$/.test(event.id) && event.id.startsWith(event.at.toString(36).padStart(9, '0')))).toBe(true);
    expect(events[0]).toMatchObject({ v: 1, sdkVersion: expect.any(String), configVersion: 'v7' });
  });

  it('covers the whole funnel: usage, gate hits, firings, holdouts, impressions, answers, trials and upgrades', () => {
    const events = parseLines(text);
    const types = new Set(events.map((event) => event.type));
    for (const type of ['usage.tracked', 'gate.hit', 'event.recorded', 'trigger.fired', 'prompt.shown', 'prompt.clicked', 'prompt.dismissed', 'upgrade.completed']) {
      expect(types, type).toContain(type);
    }
    expect(new Set(events.map((event) => event.customerId)).size).toBe(60);
    const reasons = new Set(events.filter((event) => event.type === 'prompt.dismissed').map((event) => event.reason));
    expect([...reasons].every((reason) => ['not_now', 'too_expensive', 'not_needed', 'other'].includes(reason as string))).toBe(true);
    // Customers are spread over the plans: some pay from the start.
    const firstMrr = new Map<string, unknown>();
    for (const event of events) if (!firstMrr.has(event.customerId)) firstMrr.set(event.customerId, event.mrr);
    expect(new Set(firstMrr.values()).size).toBeGreaterThan(1);
  });

  it('starts on --start and runs for --days', () => {
    const run = upgradekit(['sample', '--config', EXAMPLE, '--customers', '3', '--days', '2', '--start', '2026-03-02']);
    const events = parseLines(run.stdout);
    expect(events[0]!.at).toBeGreaterThanOrEqual(Date.UTC(2026, 2, 2));
    expect(events.at(-1)!.at).toBeLessThan(Date.UTC(2026, 2, 4));
  });
});
