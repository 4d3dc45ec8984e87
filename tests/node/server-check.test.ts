import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check, createUpgradeKit, parseConfig, parseCustomer, type Config, type CustomerInput } from '@upgradekit/core';
import { createMemoryPlatform } from '@upgradekit/core/testing';

const NOW = Date.parse('2028-03-10T12:00:00Z');

/** The config as a backend keeps it: a JSON file next to the service. */
const configJson = {
  $schema: './upgradekit.schema.json',
  features: {
    projects: { type: 'metered', reset: 'never' },
    apiCalls: { type: 'metered', reset: 'month' },
    seats: { type: 'seats' },
    pdfExport: { type: 'boolean' },
    sso: { type: 'boolean', failMode: 'open' },
  },
  plans: [
    { id: 'free', price: { amount: 0, currency: 'USD', interval: 'month' }, grants: { projects: 3, apiCalls: 1000, seats: 2 } },
    { id: 'pro', price: { amount: 29, currency: 'USD', interval: 'month' }, grants: { projects: 20, apiCalls: 10000, seats: 5, pdfExport: true } },
    { id: 'team', price: { amount: 948, currency: 'USD', interval: 'year' }, grants: { projects: 'unlimited', apiCalls: 100000, seats: 20, pdfExport: true, sso: true } },
  ],
  addOns: [{ id: 'api10k', price: { amount: 15, currency: 'USD', interval: 'month' }, grants: { apiCalls: 10000 }, maxQuantity: 3 }],
  trials: [{ feature: 'pdfExport', duration: '14d' }],
};

const customers: CustomerInput[] = [
  { id: 'free-at-limit', plan: 'free', usage: { projects: 3, apiCalls: 950, seats: 2 } },
  { id: 'pro-with-addon', plan: 'pro', addOns: ['api10k'], usage: { apiCalls: 19500, seats: 1 }, periodStart: '2028-01-31T00:00:00Z' },
  { id: 'free-on-trial', plan: 'free', trials: [{ feature: 'pdfExport', startedAt: '2028-03-01T00:00:00Z', endsAt: '2028-03-15T00:00:00Z' }] },
  { id: 'legacy', plan: 'legacy-2019', usage: { projects: 1 } },
];
const features = [...Object.keys(configJson.features), 'teleport'];

const dir = mkdtempSync(join(tmpdir(), 'upgradekit-server-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function loadConfig(): Config {
  const file = join(dir, 'upgradekit.config.json');
  writeFileSync(file, JSON.stringify(configJson, null, 2));
  const result = parseConfig(JSON.parse(readFileSync(file, 'utf8')));
  if (!result.success) throw new Error(result.errors.join('\n'));
  return result.config;
}

describe('check on a server', () => {
  it('runs in Node with no DOM', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
    expect(typeof localStorage).toBe('undefined');
  });

  it('enforces from a JSON config file', () => {
    const config = loadConfig();
    const { customer } = parseCustomer(customers[0], config, NOW);
    expect(check(config, customer, 'projects', { now: NOW })).toMatchObject({
      allowed: false,
      reason: 'limit_reached',
      upgrade: { plan: 'pro', mrrDelta: 29, currency: 'USD' },
    });
    expect(check(config, customer, 'apiCalls', { now: NOW, requested: 50 })).toMatchObject({ allowed: true, remaining: 50 });
    expect(check(config, customer, 'apiCalls', { now: NOW, requested: 51 })).toMatchObject({ allowed: false, reason: 'limit_reached' });
  });

  it.each(customers.map((input) => [input.id, input] as const))('gives the same answers as the client for %s', (_id, input) => {
    const config = loadConfig();
    const { customer } = parseCustomer(input, config, NOW);
    const kit = createUpgradeKit({ config, customer: input, platform: createMemoryPlatform({ now: () => NOW, storage: null }), onWarning: () => {} });
    try {
      for (const feature of features) {
        expect(check(config, customer, feature, { now: NOW }), feature).toEqual(kit.check(feature));
        expect(check(config, customer, feature, { now: NOW, requested: 7 }), feature).toEqual(kit.check(feature, { requested: 7 }));
      }
    } finally {
      kit.destroy();
    }
  });
});
