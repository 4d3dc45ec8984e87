import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, type UpgradeKitEvent } from '@upgradekit/core/report';
import { EXAMPLE, exampleConfig, parseLines, tempDir, upgradekit } from './helpers.js';

const temp = tempDir();
const events = temp.path('events.ndjson');
let lines: string[] = [];
beforeAll(() => {
  upgradekit(['sample', '--config', EXAMPLE, '--customers', '60', '--days', '21', '--seed', '3', '--out', events]);
  lines = readFileSync(events, 'utf8').trimEnd().split('\n');
});
afterAll(() => temp.remove());

const report = (...args: string[]) => upgradekit(['report', '--config', EXAMPLE, '--events', events, ...args]);
/** What core's buildReport says about the same events, through JSON as the CLI prints it. */
const coreReport = (parsed: unknown[], options = {}) => JSON.parse(JSON.stringify(buildReport(parsed as UpgradeKitEvent[], exampleConfig(), options)));

describe('upgradekit report', () => {
  it("prints core's buildReport as JSON, figure for figure", () => {
    const run = report('--format', 'json');
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toEqual(coreReport(parseLines(lines.join('\n'))));
  });

  it('applies --from and --to, and splits by config version', () => {
    const window = { from: Date.parse('2026-11-09'), to: Date.parse('2026-11-16') };
    const run = report('--format', 'json', '--from', '2026-11-09', '--to', '2026-11-16', '--by', 'version');
    const expected = coreReport(parseLines(lines.join('\n')), { ...window, byConfigVersion: true });
    expect(JSON.parse(run.stdout)).toEqual(expected);
    expect(expected.versions.map((version: { configVersion: string }) => version.configVersion)).toEqual(['v7']);
  });

  it('prints tables of the funnel, the answers, the holdout comparison and the totals', () => {
    const run = report();
    expect(run.status).toBe(0);
    for (const heading of ['Funnel', 'Dismissals by reason', 'Holdout comparison', 'Totals']) expect(run.stdout).toContain(heading);
    for (const trigger of exampleConfig().triggers) expect(run.stdout).toContain(trigger.id);
    expect(run.stdout).toMatch(/too few customers/);
    expect(run.stdout).toMatch(/NRR \d+(\.\d)?%/);
    const byVariant = report('--by', 'variant');
    expect(byVariant.stdout).toContain('power-user-pdf / control');
    const byVersion = report('--by', 'version');
    expect(byVersion.stdout).toMatch(/^Config version v7, events 2026-11-02 to 2026-11-22/);
  });

  it('writes one CSV row per trigger with every figure', () => {
    const run = report('--format', 'csv', '--by', 'variant');
    const rows = run.stdout.trimEnd().split('\r\n').map((row) => row.split(','));
    expect(rows[0]).toEqual(expect.arrayContaining(['trigger', 'variant', 'shown', 'conversions', 'rate_difference_low', 'converted_after_click']));
    const json = JSON.parse(report('--format', 'json').stdout);
    const variants = json.triggers.flatMap((trigger: { variants: unknown[] }) => trigger.variants);
    // Every configured variant, and the holdout arm of power-user-pdf.
    expect(rows).toHaveLength(1 + variants.length);
    expect(rows.some((row) => row[1] === 'power-user-pdf' && row[2] === 'holdout' && row[3] === 'true')).toBe(true);
    const pdf = rows.find((row) => row[1] === 'power-user-pdf' && row[2] === 'control')!;
    expect(Number(pdf[rows[0]!.indexOf('shown')])).toBe(json.triggers.find((trigger: { triggerId: string }) => trigger.triggerId === 'power-user-pdf').variants[0].shown);
  });

  it('counts a repeated event id once', () => {
    const doubled = temp.path('doubled.ndjson');
    writeFileSync(doubled, `${[...lines, ...lines].join('\n')}\n`);
    const run = upgradekit(['report', '--config', EXAMPLE, '--events', doubled, '--format', 'json']);
    const single = JSON.parse(report('--format', 'json').stdout);
    const twice = JSON.parse(run.stdout);
    expect(twice.triggers).toEqual(single.triggers);
    expect(twice.totals.duplicates).toBeGreaterThan(0);
  });

  it('skips malformed lines, reports each with its line number, and exits with 1 after a complete report', () => {
    const broken = temp.path('broken.ndjson');
    const bad = [...lines];
    bad.splice(4, 0, '{"v":1,"id":', '{"v":1,"id":"x","at":"yesterday","customerId":"c","mrr":0,"sdkVersion":"1","type":"gate.hit","feature":"sso"}', '', '[1,2]');
    writeFileSync(broken, `${bad.join('\n')}\n`);
    const run = upgradekit(['report', '--config', EXAMPLE, '--events', broken, '--format', 'json']);
    expect(run.status).toBe(1);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^${broken}:5: not valid JSON`)),
      `${broken}:6: at: expected number, got string`,
      `${broken}:8: (root): expected object, got array`,
      `${broken}:3 malformed lines skipped`.replace(':3', ': 3'),
    ]);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(report('--format', 'json').stdout));
  });

  it('shows the first 20 malformed lines, then a count', () => {
    const broken = temp.path('many-broken.ndjson');
    writeFileSync(broken, `${[...Array.from({ length: 25 }, () => 'nope'), ...lines.slice(0, 50)].join('\n')}\n`);
    const run = upgradekit(['report', '--config', EXAMPLE, '--events', broken]);
    expect(run.status).toBe(1);
    const stderr = run.stderr.trimEnd().split('\n');
    expect(stderr).toHaveLength(21);
    expect(stderr[19]).toMatch(new RegExp(`^${broken}:20: not valid JSON`));
    expect(stderr[20]).toBe(`${broken}: 25 malformed lines skipped (the first 20 shown above)`);
    expect(run.stdout).toContain('Totals');
  });

  it('prints --stats on stderr', () => {
    const run = report('--stats', '--format', 'json');
    expect(run.stderr).toMatch(/^stats: events=\d+ seconds=[\d.]+ events_per_second=\d+ peak_rss_mb=[\d.]+\n$/);
  });
});
