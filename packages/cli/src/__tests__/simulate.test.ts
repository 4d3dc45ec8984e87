import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE, exampleInput, parseLines, tempDir, upgradekit, writeJson } from './helpers.js';

const temp = tempDir();
const events = temp.path('events.ndjson');
/** The example with the project threshold lowered from 80% to 60%: the tuning the PM guide walks through. */
const tuned = temp.path('tuned.json');
beforeAll(() => {
  upgradekit(['sample', '--config', EXAMPLE, '--customers', '100', '--days', '21', '--seed', '11', '--out', events]);
  const input = exampleInput() as { version: string; triggers: Array<{ when: { all: Array<{ usage?: { atLeast: number } }> } }> };
  input.version = 'v8';
  input.triggers[0]!.when.all[1]!.usage!.atLeast = 0.6;
  writeJson(tuned, input);
});
afterAll(() => temp.remove());

const simulate = (...args: string[]) => upgradekit(['simulate', '--config', EXAMPLE, '--events', events, ...args]);

interface TriggerFigures {
  triggerId: string;
  firedCustomers: number;
  heldOutCustomers: number;
  shown: number;
  perCustomerWeek: { median: number | null; p95: number | null };
}

describe('upgradekit simulate', () => {
  it('replays the history through the real engine: the same config shows what the history shows', () => {
    const run = simulate('--format', 'json');
    expect(run).toMatchObject({ status: 0, stderr: '' });
    const [simulation] = JSON.parse(run.stdout).simulations;
    const history = parseLines(readFileSync(events, 'utf8'));
    expect(simulation).toMatchObject({ configVersion: 'v7', customers: 100, events: history.length });
    for (const trigger of simulation.triggers as TriggerFigures[]) {
      const shown = history.filter((event) => event.type === 'prompt.shown' && event.triggerId === trigger.triggerId).length;
      // The replay starts from the events alone, so it may differ by a few impressions, not more.
      expect(Math.abs(trigger.shown - shown), trigger.triggerId).toBeLessThanOrEqual(Math.max(3, shown * 0.1));
    }
    const pdf = (simulation.triggers as TriggerFigures[]).find((trigger) => trigger.triggerId === 'power-user-pdf')!;
    expect(pdf.firedCustomers).toBeGreaterThan(pdf.heldOutCustomers);
    expect(simulation.total.perCustomerWeek.p95).toBeGreaterThanOrEqual(simulation.total.perCustomerWeek.median);
  });

  it('compares two configs side by side: a lower threshold fires for more customers', () => {
    const run = simulate('--compare', tuned, '--format', 'json');
    const { simulations, difference } = JSON.parse(run.stdout);
    expect(simulations.map((simulation: { configVersion: string }) => simulation.configVersion)).toEqual(['v7', 'v8']);
    const near = (index: number) => simulations[index].triggers.find((trigger: TriggerFigures) => trigger.triggerId === 'projects-near-limit');
    expect(near(1).firedCustomers).toBeGreaterThan(near(0).firedCustomers);
    const row = difference.find((entry: { trigger: string }) => entry.trigger === 'projects-near-limit');
    expect(row.fires_for_customers).toBe(near(1).firedCustomers - near(0).firedCustomers);
    const same = JSON.parse(simulate('--compare', EXAMPLE, '--format', 'json').stdout);
    expect(same.simulations[1]).toEqual(same.simulations[0]);
    expect(same.difference.every((entry: Record<string, unknown>) => Object.values(entry).every((value) => typeof value === 'string' || value === 0 || value === null))).toBe(true);
  });

  it('prints a table, with both configs and the difference in each cell when comparing', () => {
    const single = simulate();
    expect(single.stdout).toMatch(/\(version v7\): 100 customers, [\d,]+ events of .*events\.ndjson, 2026-11-02 to 2026-11-22 \(2\.9 weeks\)/);
    expect(single.stdout).toMatch(/^trigger\s+fires for\s+held out\s+shown\s+customers shown\s+shown\/week\s+per customer-week: median\s+p95$/m);
    expect(single.stdout).toMatch(/^\(all triggers\)/m);
    const compared = simulate('--compare', tuned);
    expect(compared.stdout).toMatch(/^A: .*\(version v7\)/m);
    expect(compared.stdout).toMatch(/^B: .*\(version v8\)/m);
    expect(compared.stdout).toMatch(/^projects-near-limit\s+\d+ → \d+ \(\+\d+\)/m);
    // A trigger the tuning does not touch shows one figure per cell.
    expect(compared.stdout).toMatch(/^sso-interest\s+[\d,]+\s+0\s+[\d,]+\s/m);
  });

  it('writes CSV: a row per config and trigger, and the differences', () => {
    const rows = simulate('--compare', tuned, '--format', 'csv').stdout.trimEnd().split('\r\n');
    expect(rows[0]).toBe('config,trigger,fires_for_customers,held_out_customers,shown,shown_customers,shown_per_week,median_per_customer_week,p95_per_customer_week');
    // 5 triggers and all triggers, for each config and for the difference.
    expect(rows).toHaveLength(1 + 3 * 6);
    expect(rows.at(-1)).toMatch(/^difference,\(all triggers\),/);
  });

  it('groups a file larger than --memory through temporary files, with the same figures', () => {
    expect(readFileSync(events).length).toBeGreaterThan(1 << 20);
    const spilled = simulate('--format', 'json', '--memory', '1', '--compare', tuned);
    expect(spilled.status).toBe(0);
    expect(JSON.parse(spilled.stdout)).toEqual(JSON.parse(simulate('--format', 'json', '--compare', tuned).stdout));
  });

  it('applies --from and --to, and skips malformed lines with exit code 1', () => {
    const windowed = JSON.parse(simulate('--format', 'json', '--from', '2026-11-09', '--to', '2026-11-16').stdout).simulations[0];
    expect(windowed).toMatchObject({ from: Date.parse('2026-11-09'), to: Date.parse('2026-11-16'), weeks: 1 });
    const broken = temp.path('broken.ndjson');
    writeFileSync(broken, `not json\n${readFileSync(events, 'utf8')}`);
    const run = upgradekit(['simulate', '--config', EXAMPLE, '--events', broken, '--format', 'json']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${broken}:1: not valid JSON`);
    expect(JSON.parse(run.stdout).simulations[0]).toEqual(JSON.parse(simulate('--format', 'json').stdout).simulations[0]);
  });

  it('replays in threads, each for its share of the customers, with the same figures and the same report of malformed lines', () => {
    const broken = temp.path('broken-threads.ndjson');
    const lines = readFileSync(events, 'utf8').split('\n');
    // Malformed lines spread over the file, so that each thread finds some.
    for (const at of [3, 500, 1200, 2400]) lines.splice(at, 0, at % 2 ? '{"v":1,"id":"x","at":"soon"}' : 'not json');
    writeFileSync(broken, lines.join('\n'));
    const one = upgradekit(['simulate', '--config', EXAMPLE, '--events', broken, '--compare', tuned, '--format', 'json', '--threads', '1']);
    const three = upgradekit(['simulate', '--config', EXAMPLE, '--events', broken, '--compare', tuned, '--format', 'json', '--threads', '3', '--memory', '1']);
    expect(one.status).toBe(1);
    expect(three.status).toBe(1);
    expect(JSON.parse(three.stdout)).toEqual(JSON.parse(one.stdout));
    expect(three.stderr).toBe(one.stderr);
    expect(one.stderr.split('\n').filter(Boolean)).toHaveLength(5);
  });

  it('refuses a number of threads it cannot use, in one line', () => {
    const run = simulate('--threads', '0');
    expect(run).toMatchObject({ status: 2, stdout: '' });
    expect(run.stderr).toBe('upgradekit simulate: --threads must be a whole number from 1 to 64 (got "0")\n');
  });
});
