import { describe, expect, it } from 'vitest';
import { assertConfig } from '../config/parseConfig.js';
import { check } from '../entitlements/check.js';
import { parseCustomer } from '../entitlements/customer.js';
import { saasConfig } from './fixtures.js';

const config = assertConfig(saasConfig);
const now = Date.parse('2028-03-10T12:00:00Z');
const parse = (input: unknown) => parseCustomer(input, config, now);
const UNKNOWN_PLAN = (plan: string) =>
  `customer.plan: plan "${plan}" is not defined (defined: free, pro, team); checks fall back to each feature's fail mode`;

describe('parseCustomer: clean data', () => {
  it('normalises add-ons, usage, dates and trials, with no warnings', () => {
    const { customer, warnings } = parse({
      id: 'acme',
      plan: 'pro',
      addOns: ['api10k', { id: 'seats5', quantity: 2 }],
      usage: { apiCalls: 1200, seats: 7 },
      usageAsOf: '2028-03-09T00:00:00Z',
      periodStart: Date.parse('2028-01-31T00:00:00Z'),
      trials: [{ feature: 'pdfExport', startedAt: '2028-03-01T00:00:00Z', endsAt: Date.parse('2028-03-15T00:00:00Z') }],
      activated: true,
      attributes: { industry: 'legal', employees: 40, beta: false, region: null },
    });
    expect(warnings).toEqual([]);
    const asOf = Date.parse('2028-03-09T00:00:00Z');
    expect(customer).toEqual({
      id: 'acme',
      plan: 'pro',
      addOns: [{ id: 'api10k', quantity: 1 }, { id: 'seats5', quantity: 2 }],
      usage: { apiCalls: { value: 1200, asOf }, seats: { value: 7, asOf } },
      periodStart: Date.parse('2028-01-31T00:00:00Z'),
      trials: [{ feature: 'pdfExport', startedAt: Date.parse('2028-03-01T00:00:00Z'), endsAt: Date.parse('2028-03-15T00:00:00Z') }],
      activated: true,
      attributes: { industry: 'legal', employees: 40, beta: false, region: null },
    });
  });

  it('accepts ISO strings, epoch numbers and Date objects alike', () => {
    const iso = '2028-02-01T08:30:00.000Z';
    const forms = [iso, Date.parse(iso), new Date(iso)];
    const customers = forms.map((date) => parse({ id: 'c1', plan: 'free', usage: { apiCalls: 5 }, usageAsOf: date, periodStart: date }));
    for (const { customer, warnings } of customers) {
      expect(warnings).toEqual([]);
      expect(customer.periodStart).toBe(Date.parse(iso));
      expect(customer.usage.apiCalls).toEqual({ value: 5, asOf: Date.parse(iso) });
    }
  });

  it('measures usage as of now when usageAsOf is absent, and counts periods from the epoch (calendar periods)', () => {
    const { customer } = parse({ id: 'c1', plan: 'free', usage: { apiCalls: 5 } });
    expect(customer.usage.apiCalls).toEqual({ value: 5, asOf: now });
    expect(customer.periodStart).toBe(0);
  });
});

describe('parseCustomer: malformed data never throws', () => {
  it.each([
    ['a string', 'acme', 'string'],
    ['null', null, 'null'],
    ['undefined', undefined, 'undefined'],
    ['an array', [{ id: 'acme', plan: 'pro' }], 'array'],
    ['a number', 42, 'number'],
    ['a function', () => ({ id: 'acme', plan: 'pro' }), 'function'],
  ])('%s gives an anonymous customer whose checks fall back', (_name, input, got) => {
    const { customer, warnings } = parse(input);
    expect(warnings[0]).toBe(`customer: expected an object with "id" and "plan", got ${got}`);
    expect(warnings).toContain(UNKNOWN_PLAN(''));
    expect(customer).toMatchObject({ id: 'anonymous', plan: '', usage: {}, addOns: [], trials: [] });
    expect(check(config, customer, 'pdfExport', { now })).toMatchObject({ allowed: false, reason: 'fallback' });
    expect(check(config, customer, 'sso', { now })).toMatchObject({ allowed: true, reason: 'fallback' });
  });

  it('a missing or empty id becomes "anonymous"; the rest is kept', () => {
    const missing = parse({ plan: 'pro', usage: { projects: 4 } });
    expect(missing.warnings).toEqual(['customer.id: expected a non-empty string, got nothing; using "anonymous"']);
    expect(missing.customer).toMatchObject({ id: 'anonymous', plan: 'pro', usage: { projects: { value: 4 } } });
    const empty = parse({ id: '', plan: 'pro' });
    expect(empty.warnings).toEqual(['customer.id: expected a non-empty string, got ""; using "anonymous"']);
    expect(empty.customer.id).toBe('anonymous');
  });

  it('a usage entry with a string value is dropped; the other entries are kept', () => {
    const { customer, warnings } = parse({ id: 'c1', plan: 'free', usage: { projects: 'many', apiCalls: 10, seats: 2 } });
    expect(warnings).toEqual(['customer.usage.projects: expected number, got string; ignored']);
    expect(Object.keys(customer.usage).sort()).toEqual(['apiCalls', 'seats']);
    expect(check(config, customer, 'apiCalls', { now }).usage).toBe(10);
    expect(check(config, customer, 'projects', { now }).usage).toBe(0);
  });

  it('negative and non-finite usage is dropped with its path', () => {
    const { customer, warnings } = parse({ id: 'c1', plan: 'free', usage: { seats: -3, apiCalls: Number.NaN, projects: Infinity, exports: 1 } });
    expect(warnings).toEqual([
      'customer.usage.seats: must be at least 0 (got -3); ignored',
      'customer.usage.apiCalls: expected number, got NaN; ignored',
      'customer.usage.projects: expected number, got Infinity; ignored',
    ]);
    expect(Object.keys(customer.usage)).toEqual(['exports']);
  });

  it('bad dates are dropped: usage is then measured now and periods follow the calendar', () => {
    const { customer, warnings } = parse({ id: 'c1', plan: 'free', usage: { apiCalls: 10 }, usageAsOf: 'yesterday', periodStart: new Date('not a date') });
    expect(warnings).toEqual([
      'customer.usageAsOf: expected epoch milliseconds or ISO 8601 date, got string; ignored',
      'customer.periodStart: expected epoch milliseconds or ISO 8601 date, got Invalid Date; ignored',
    ]);
    expect(customer.usage.apiCalls).toEqual({ value: 10, asOf: now });
    expect(customer.periodStart).toBe(0);
  });

  it('a trial with a bad date is dropped as a whole; the other trials and the customer are kept', () => {
    const { customer, warnings } = parse({
      id: 'c1',
      plan: 'free',
      usage: { projects: 2 },
      trials: [
        { feature: 'pdfExport', startedAt: 'soon', endsAt: '2028-03-15T00:00:00Z' },
        { plan: 'team', startedAt: '2028-03-08T00:00:00Z', endsAt: '2028-03-15T00:00:00Z' },
      ],
    });
    expect(warnings).toEqual(['customer.trials[0].startedAt: expected epoch milliseconds or ISO 8601 date, got string; ignored']);
    expect(customer).toMatchObject({ id: 'c1', plan: 'free', usage: { projects: { value: 2 } } });
    expect(customer.trials).toEqual([{ plan: 'team', startedAt: Date.parse('2028-03-08T00:00:00Z'), endsAt: Date.parse('2028-03-15T00:00:00Z') }]);
  });

  it('several bad add-ons in a row are dropped without taking the valid one with them', () => {
    const { customer, warnings } = parse({ id: 'c1', plan: 'pro', addOns: [5, { id: 'seats5', quantity: 0 }, 'seats5'] });
    expect(warnings).toEqual([
      'customer.addOns[0]: expected an add-on id or { id, quantity }, got 5; ignored',
      'customer.addOns[1].quantity: must be at least 1 (got 0); ignored',
    ]);
    expect(customer.addOns).toEqual([{ id: 'seats5', quantity: 1 }]);
    expect(check(config, customer, 'seats', { now }).limit).toBe(10);
  });

  it('an unknown plan warns and checks fall back to each feature\'s fail mode', () => {
    const { customer, warnings } = parse({ id: 'c1', plan: 'enterprise', usage: { projects: 1 } });
    expect(warnings).toEqual([UNKNOWN_PLAN('enterprise')]);
    expect(customer.plan).toBe('enterprise');
    expect(check(config, customer, 'projects', { now })).toMatchObject({ allowed: false, reason: 'fallback' });
    expect(check(config, customer, 'sso', { now })).toMatchObject({ allowed: true, reason: 'fallback' });
  });

  it('an unknown add-on warns and grants nothing', () => {
    const { customer, warnings } = parse({ id: 'c1', plan: 'pro', addOns: ['seats5', 'storage1tb'] });
    expect(warnings).toEqual(['customer.addOns: add-on "storage1tb" is not defined; ignored']);
    expect(check(config, customer, 'seats', { now }).limit).toBe(10);
  });

  it('usage of an unknown feature warns and is kept unused', () => {
    const { customer, warnings } = parse({ id: 'c1', plan: 'pro', usage: { storage: 3 } });
    expect(warnings).toEqual(['customer.usage.storage: feature "storage" is not defined; kept but unused']);
    expect(check(config, customer, 'storage', { now }).reason).toBe('unknown_feature');
  });

  it('fields the schema does not know are dropped on their own; the customer is kept', () => {
    const { customer, warnings } = parse({
      id: 'c1',
      plan: 'pro',
      email: 'ops@acme.test',
      usage: { projects: 4 },
      trials: [{ feature: 'pdfExport', startedAt: '2028-03-01T00:00:00Z', endsAt: '2028-03-15T00:00:00Z', source: 'promo' }],
    });
    expect(warnings).toEqual([
      'customer: unknown key "email" (known: id, plan, addOns, usage, usageAsOf, periodStart, trials, activated, attributes); ignored',
      'customer.trials[0]: unknown key "source" (known: feature, plan, startedAt, endsAt); ignored',
    ]);
    expect(customer).toMatchObject({ id: 'c1', plan: 'pro', usage: { projects: { value: 4 } } });
    expect(customer.trials).toHaveLength(1);
  });

  it('functions in the input are reported as functions and dropped', () => {
    const { customer, warnings } = parse({
      id: 'c1',
      plan: 'pro',
      usage: { projects: () => 3, apiCalls: 5 },
      attributes: { tier: 'gold', onUpgrade() {} },
    });
    expect(warnings).toEqual([
      'customer.usage.projects: expected number, got function; ignored',
      'customer.attributes.onUpgrade: expected string, number, boolean or null, got function; ignored',
    ]);
    expect(customer.usage.apiCalls?.value).toBe(5);
    expect(customer.attributes).toEqual({ tier: 'gold' });
  });

  it('cycles in the input are cut with a warning naming the path', () => {
    const attributes: Record<string, unknown> = { tier: 'gold' };
    attributes.self = attributes;
    const input = { id: 'c1', plan: 'pro', attributes };
    const { customer, warnings } = parse(input);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^customer\.attributes\.self: .*; ignored$/);
    expect(customer.attributes).toEqual({ tier: 'gold' });
  });

  it('never mutates the host\'s object', () => {
    const input = {
      id: 'c1',
      plan: 'pro',
      email: 'ops@acme.test',
      addOns: [5, 'seats5'],
      usage: { projects: 'many', apiCalls: 10 },
      usageAsOf: new Date('2028-03-09T00:00:00Z'),
      trials: [{ feature: 'pdfExport', startedAt: 'soon', endsAt: '2028-03-15T00:00:00Z' }],
    };
    const before = structuredClone(input);
    const { warnings } = parse(input);
    expect(warnings.length).toBeGreaterThan(0);
    expect(input).toEqual(before);
    expect(input.usageAsOf).toBeInstanceOf(Date);
  });
});

describe('parseCustomer: ids from database drivers', () => {
  it('turns BigInt and number ids and plans into strings, BigInt add-on ids and counts into their values, each id with a warning', () => {
    const { customer, warnings } = parse({ id: 42n, plan: 7, addOns: [{ id: 5n, quantity: 2n }, 'seats5'], usage: { projects: 3n } });
    expect(customer).toMatchObject({ id: '42', plan: '7', addOns: [{ id: '5', quantity: 2 }, { id: 'seats5', quantity: 1 }] });
    expect(customer.usage.projects?.value).toBe(3);
    expect(warnings.slice(0, 3)).toEqual([
      'customer.id: expected a string, got bigint 42n; using "42"',
      'customer.plan: expected a string, got number 7; using "7"',
      'customer.addOns[0].id: expected a string, got bigint 5n; using "5"',
    ]);
    expect(() => JSON.stringify(customer)).not.toThrow();
  });

  it('keeps a customer whose getters throw from crashing the app: an anonymous stand-in with a warning', () => {
    const hostile = { id: 'c1', get plan(): string { throw new Error('lazy field failed'); } };
    const { customer, warnings } = parse(hostile);
    expect(customer.id).toBe('anonymous');
    expect(warnings[0]).toBe('customer: could not be read (lazy field failed); using "anonymous"');
  });
});
