import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { assertConfig } from '../config/parseConfig.js';
import type { Config } from '../config/schema.js';
import { check } from '../entitlements/check.js';
import { parseCustomer } from '../entitlements/customer.js';
import { addMonths, periodAt } from '../entitlements/period.js';
import { saasConfig } from './fixtures.js';

interface CheckCase {
  name: string;
  /** A key of `configs`; the shared SaaS fixture when absent. */
  config?: string;
  customer: unknown;
  feature: string;
  now: string;
  requested?: number;
  /** Matched with `toMatchObject`; `resetsAt` is written as an ISO date. */
  expected: Record<string, unknown> & { resetsAt?: string | null };
}

const data = JSON.parse(readFileSync(new URL('./cases/check.json', import.meta.url), 'utf8')) as {
  configs: Record<string, unknown>;
  cases: CheckCase[];
};

const configs: Record<string, Config> = { fixture: assertConfig(saasConfig) };
for (const [name, input] of Object.entries(data.configs)) configs[name] = assertConfig(input);

describe('check (cases/check.json)', () => {
  it.each(data.cases)('$name', ({ config: configName = 'fixture', customer: input, feature, now: at, requested, expected }) => {
    const config = configs[configName];
    if (!config) throw new Error(`unknown config "${configName}" in cases/check.json`);
    const now = Date.parse(at);
    const { customer } = parseCustomer(input, config, now);
    const result = check(config, customer, feature, requested === undefined ? { now } : { now, requested });
    const { resetsAt, ...rest } = expected;
    expect(result).toMatchObject({ feature, ...rest });
    if (resetsAt !== undefined) expect(result.resetsAt === null ? null : new Date(result.resetsAt).toISOString()).toBe(resetsAt);
  });

  it('covers every reason', () => {
    const reasons = new Set(data.cases.map((testCase) => testCase.expected.reason).filter(Boolean));
    expect([...reasons].sort()).toEqual(['fallback', 'included', 'limit_reached', 'not_in_plan', 'trial', 'unknown_feature']);
  });

  it('is pure: the same inputs give equal results and the customer is left as it was', () => {
    const config = configs.fixture!;
    const now = Date.parse('2028-03-10T12:00:00Z');
    const { customer } = parseCustomer({ id: 'c1', plan: 'free', usage: { projects: 3 } }, config, now);
    const before = structuredClone(customer);
    const first = check(config, customer, 'projects', { now });
    expect(check(config, customer, 'projects', { now })).toEqual(first);
    expect(customer).toEqual(before);
  });

  it('checks at Date.now() when no time is given', () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date('2028-02-10T12:00:00Z'));
      const config = configs.fixture!;
      const { customer } = parseCustomer({ id: 'c1', plan: 'free', usage: { apiCalls: 1 } }, config, Date.now());
      expect(check(config, customer, 'apiCalls').resetsAt).toBe(Date.parse('2028-03-01T00:00:00Z'));
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('periodAt', () => {
  const DAY = 864e5;

  it('chains month periods from a Jan 31 anchor through two years, whatever was asked before', () => {
    const anchor = Date.parse('2028-01-31T00:00:00Z');
    const starts = new Set<number>();
    for (let now = anchor; now < anchor + 730 * DAY; now += DAY / 2) {
      // Another customer's period in between must not leak into this one.
      periodAt('month', Date.parse('2027-06-15T10:00:00Z'), now);
      const { start, end } = periodAt('month', anchor, now);
      expect(start <= now && now < end).toBe(true);
      starts.add(start);
    }
    const sorted = [...starts].sort((a, b) => a - b);
    expect(sorted).toHaveLength(24);
    sorted.forEach((start, index) => expect(start).toBe(addMonths(anchor, index)));
    expect(sorted.slice(0, 4).map((start) => new Date(start).toISOString().slice(0, 10))).toEqual(['2028-01-31', '2028-02-29', '2028-03-31', '2028-04-30']);
    expect(new Date(sorted[13]!).toISOString().slice(0, 10)).toBe('2029-02-28');
  });

  it('finds the period of a time before the anchor', () => {
    const anchor = Date.parse('2028-03-31T00:00:00Z');
    expect(periodAt('month', anchor, Date.parse('2028-03-15T00:00:00Z'))).toEqual({ start: Date.parse('2028-02-29T00:00:00Z'), end: anchor });
    expect(periodAt('year', anchor, Date.parse('2027-12-01T00:00:00Z'))).toEqual({ start: Date.parse('2027-03-31T00:00:00Z'), end: anchor });
  });

  it('never resets', () => {
    expect(periodAt('never', 0, Date.now())).toEqual({ start: -Infinity, end: Infinity });
  });
});

describe('check with a bad `requested`', () => {
  it('treats NaN and Infinity as one unit instead of denying with a nonsense path', () => {
    const config = configs.fixture!;
    const now = Date.parse('2028-03-10T12:00:00Z');
    const { customer } = parseCustomer({ id: 'c1', plan: 'free', usage: { projects: 1 } }, config, now);
    for (const requested of [Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(check(config, customer, 'projects', { now, requested })).toMatchObject({ allowed: true, reason: 'included', usage: 1, limit: 3 });
    }
  });
});
