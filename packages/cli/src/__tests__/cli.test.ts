import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE, exampleInput, tempDir, upgradekit, writeJson } from './helpers.js';

const temp = tempDir();
afterAll(() => temp.remove());

/** A usage error: exit code 2 and exactly one line on stderr, nothing on stdout. */
function expectUsageError(args: string[], message: RegExp) {
  const run = upgradekit(args);
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.endsWith('\n')).toBe(true);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr.trimEnd()).toMatch(message);
}

describe('the program', () => {
  it('prints its help and version', () => {
    const help = upgradekit(['--help']);
    expect(help.status).toBe(0);
    for (const command of ['validate', 'schema', 'sample', 'simulate', 'report']) expect(help.stdout).toContain(`  ${command}`);
    expect(upgradekit(['--version']).stdout).toMatch(/^upgradekit \d+\.\d+\.\d+ \(core \d+\.\d+\.\d+\)\n$/);
  });

  it.each(['validate', 'schema', 'sample', 'simulate', 'report'])('prints the help of %s', (command) => {
    const run = upgradekit([command, '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Usage: upgradekit ${command}`));
    expect(upgradekit(['help', command]).stdout).toBe(run.stdout);
  });

  it('refuses unknown commands, unknown flags, bad values and missing files in one line, with exit code 2', () => {
    expectUsageError(['frobnicate'], /^upgradekit: unknown command "frobnicate"; commands: validate, schema, sample, simulate, report/);
    expectUsageError([], /^upgradekit: missing command/);
    expectUsageError(['report', '--colour'], /^upgradekit report: unknown option --colour \(see upgradekit report --help\)/);
    expectUsageError(['report', '--config'], /^upgradekit report: option --config needs a value/);
    expectUsageError(['report', '--format', 'xml', '--config', EXAMPLE, '--events', 'x'], /^upgradekit report: --format must be one of table, json, csv \(got "xml"\)/);
    expectUsageError(['report', '--events', 'x.ndjson'], /^upgradekit report: --config is required/);
    expectUsageError(['report', '--config', EXAMPLE, '--events', temp.path('missing.ndjson')], /missing\.ndjson: not found$/);
    expectUsageError(['simulate', '--config', temp.path('nope.json'), '--events', 'x'], /^upgradekit simulate: .*nope\.json: not found$/);
    expectUsageError(['sample', '--config', EXAMPLE, '--customers', 'many'], /--customers must be a whole number from 1 to 100000 \(got "many"\)/);
    expectUsageError(['sample', '--config', EXAMPLE, '--start', 'yesterday'], /--start must be an ISO 8601 date/);
    expectUsageError(['sample', '--config', EXAMPLE, '--out', temp.path('no/such/dir/out.ndjson')], /^upgradekit sample: cannot write .*out\.ndjson/);
    expectUsageError(['report', '--config', EXAMPLE, '--events', 'x', '--from', '2026-11-09', '--to', '2026-11-02'], /^upgradekit report: --from must be before --to$/);
    expectUsageError(['validate'], /^upgradekit validate: missing <config\.json>/);
    expectUsageError(['validate', 'a.json', 'b.json'], /unexpected argument "b\.json"/);
    expectUsageError(['schema', '--stats'], /unknown option --stats/);
  });

  it('refuses to report or simulate with an invalid config, pointing at validate', () => {
    const broken = writeJson(temp.path('broken.json'), { ...exampleInput(), plans: [] });
    expectUsageError(['report', '--config', broken, '--events', EXAMPLE], /broken\.json: not a valid config \(1 error, first: plans: needs at least 1 item\(s\)\); run upgradekit validate broken\.json/);
  });
});

describe('upgradekit validate', () => {
  it('summarises a valid config in one line', () => {
    const run = upgradekit(['validate', EXAMPLE]);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toBe(`${EXAMPLE}: valid — 5 features, 3 plans, 2 add-ons, 5 triggers (version v7)\n`);
  });

  it('lists every error with its path and exits with 1', () => {
    const input = exampleInput() as { triggers: Array<Record<string, unknown> & { prompt: Record<string, unknown> }> };
    input.triggers[0]!.cooldown = 'soon';
    input.triggers[2]!.prompt.kind = 'popup';
    const path = writeJson(temp.path('invalid.json'), input);
    const run = upgradekit(['validate', path]);
    expect(run.status).toBe(1);
    expect(run.stdout.trimEnd().split('\n')).toEqual([
      `${path}: triggers[0].cooldown: must be a duration such as "30m", "24h", "7d" or "2w" (got "soon")`,
      `${path}: triggers[2].prompt.kind: expected "meter" or "banner" or "modal" or "trial" or "tooltip", got "popup"`,
      `${path}: invalid — 2 errors`,
    ]);
  });

  it('checks cross-references: a plan granting a feature the config does not define', () => {
    const input = exampleInput() as { plans: Array<{ grants: Record<string, unknown> }> };
    input.plans[1]!.grants.exports = 5;
    const path = writeJson(temp.path('unknown-feature.json'), input);
    const run = upgradekit(['validate', path]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/: plans\[1\]\.grants\.exports: .*"exports".*\n.*: invalid — 1 error\n$/);
  });

  it('answers in JSON for editors and CI', () => {
    const valid = JSON.parse(upgradekit(['validate', EXAMPLE, '--format', 'json']).stdout);
    expect(valid).toEqual({ valid: true, errors: [], summary: { features: 5, plans: 3, addOns: 2, trials: 2, triggers: 5, version: 'v7' } });
    const path = writeJson(temp.path('no-plans.json'), { ...exampleInput(), plans: [] });
    const run = upgradekit(['validate', path, '--format', 'json']);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({ valid: false, errors: [{ path: 'plans', message: 'needs at least 1 item(s)' }] });
  });

  it('reports a file that is not JSON as an error at the root', () => {
    const path = temp.path('not-json.json');
    writeFileSync(path, '{ "features": ');
    const run = upgradekit(['validate', path, '--format', 'json']);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).errors[0]).toMatchObject({ path: '(root)', message: expect.stringMatching(/^not valid JSON/) });
  });
});

describe('upgradekit schema', () => {
  it("prints the config's JSON Schema", () => {
    const run = upgradekit(['schema']);
    expect(run.status).toBe(0);
    const schema = JSON.parse(run.stdout);
    expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'UpgradeKit config', type: 'object' });
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['features', 'plans', 'addOns', 'trials', 'triggers', 'policy']));
    expect(run.stdout).toContain('\n  "');
  });
});
