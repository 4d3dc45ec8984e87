import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { createUpgradeKit } from '../client/createUpgradeKit.js';
import type { FeatureId, UpgradeKit } from '../client/types.js';
import { defineConfig } from '../config/normalize.js';
import { assertConfig, parseConfig, UpgradeKitConfigError } from '../config/parseConfig.js';
import type { ConfigInput } from '../config/schema.js';
import type { CustomerInput, UsageEntry } from '../entitlements/customer.js';
import type { UpgradeKitEvent } from '../conversion/events.js';
import { createMemoryPlatform } from '../platform/memory.js';
import { saasConfig } from './fixtures.js';

const T0 = Date.parse('2028-03-10T09:00:00Z');

function start(customer: CustomerInput = { id: 'acme', plan: 'free', usage: { apiCalls: 100, projects: 1, seats: 2 }, usageAsOf: T0 }) {
  let now = T0;
  const warnings: string[] = [];
  const platform = createMemoryPlatform({ now: () => now });
  const kit = createUpgradeKit({ config: saasConfig, customer, platform, onWarning: (message) => warnings.push(message) });
  return { kit, warnings, advance: (ms: number) => (now += ms) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createUpgradeKit', () => {

  it('counts product events and emits them with their props; bad props are warned about and left out, the count kept', () => {
    const events: UpgradeKitEvent[] = [];
    const warnings: string[] = [];
    const kit = createUpgradeKit({
      config: saasConfig,
      customer: { id: 'acme', plan: 'free' },
      platform: createMemoryPlatform({ now: () => T0 }),
      onEvent: (event) => events.push(event),
      onWarning: (message) => warnings.push(message),
    });
    kit.recordEvent('admin.invited', { role: 'editor', seats: 3, sso: false, team: null });
    kit.recordEvent('admin.invited', { nested: { no: true } } as never);
    kit.recordEvent('api.called');
    kit.recordEvent('' as string);
    expect(events.map((event) => (event.type === 'event.recorded' ? [event.name, event.props] : event.type))).toEqual([
      ['admin.invited', { role: 'editor', seats: 3, sso: false, team: null }],
      ['admin.invited', undefined],
      ['api.called', undefined],
    ]);
    expect(kit.getSnapshot().signals['event:admin.invited']?.total).toBe(2);
    expect(warnings).toEqual([
      '[upgradekit] recordEvent("admin.invited"): props must be flat JSON scalars; counted, sent without them',
      '[upgradekit] recordEvent("") ignored: the name must be a non-empty string',
    ]);
  });
  it('throws an UpgradeKitConfigError listing what is wrong with the config', () => {
    const config: ConfigInput = {
      features: { projects: { type: 'metered' } },
      plans: [
        { id: 'free', price: { amount: 0, currency: 'USD', interval: 'month' }, grants: { projects: 3, apiCalls: 10 } },
        { id: 'free', price: { amount: 10, currency: 'USD', interval: 'month' } },
      ],
    };
    expect(() => createUpgradeKit({ config, customer: { id: 'acme', plan: 'free' } })).toThrow(UpgradeKitConfigError);
    try {
      createUpgradeKit({ config, customer: { id: 'acme', plan: 'free' } });
    } catch (error) {
      expect((error as UpgradeKitConfigError).errors).toEqual([
        'plans[1].id: duplicate plan id "free"',
        'plans[0].grants.apiCalls: feature "apiCalls" is not defined (defined: projects)',
      ]);
    }
  });

  describe('in a production build (process.env.NODE_ENV === "production")', () => {
    const invalid: ConfigInput = {
      features: { projects: { type: 'metered' } },
      plans: [{ id: 'free', price: { amount: 0, currency: 'USD', interval: 'month' }, grants: { projects: 3, apiCalls: 10 } }],
    };
    afterEach(() => {
      vi.unstubAllEnvs();
    });

    it('trusts a TypeScript config: defaults applied, no validation, the same config as parseConfig gives', () => {
      vi.stubEnv('NODE_ENV', 'production');
      const trusted = createUpgradeKit({ config: invalid, customer: { id: 'acme', plan: 'free' } });
      expect(trusted.config.addOns).toEqual([]);
      expect(trusted.check('projects').limit).toBe(3);
      expect(createUpgradeKit({ config: saasConfig, customer: { id: 'acme', plan: 'free' } }).config).toEqual(parseConfig(saasConfig).config);
    });

    it('validates when asked to with validateConfig: assertConfig', () => {
      vi.stubEnv('NODE_ENV', 'production');
      expect(() => createUpgradeKit({ config: invalid, customer: { id: 'acme', plan: 'free' }, validateConfig: assertConfig })).toThrow(UpgradeKitConfigError);
    });
  });

  it('passes customer warnings to onWarning with the [upgradekit] prefix', () => {
    const { kit, warnings } = start({ id: 'acme', plan: 'enterprise', usage: { projects: 'many' as unknown as number } });
    expect(warnings).toEqual([
      '[upgradekit] customer.usage.projects: expected number, got string; ignored',
      '[upgradekit] customer.plan: plan "enterprise" is not defined (defined: free, pro, team); checks fall back to each feature\'s fail mode',
    ]);
    expect(kit.check('projects')).toMatchObject({ allowed: false, reason: 'fallback' });
    kit.destroy();
  });
});

describe('track', () => {
  it('adds usage optimistically and checks see it at once', () => {
    const { kit, advance } = start();
    advance(1000);
    kit.track('apiCalls', 5);
    kit.track('apiCalls');
    expect(kit.check('apiCalls')).toMatchObject({ usage: 106, remaining: 894, allowed: true });
    // Tracked on top of the server's measurement at T0, which a newer measurement replaces.
    expect(kit.getSnapshot().customer.usage.apiCalls).toEqual({ value: 106, asOf: T0 + 1000, basis: T0 });
    kit.destroy();
  });

  it('turns a check into limit_reached when tracking reaches the limit', () => {
    const { kit } = start();
    expect(kit.check('projects')).toMatchObject({ allowed: true, usage: 1 });
    kit.track('projects', 2);
    expect(kit.check('projects')).toMatchObject({ allowed: false, reason: 'limit_reached', usage: 3, upgrade: { plan: 'pro' } });
    kit.destroy();
  });

  it('ignores unknown and boolean features and non-finite amounts, warning once each', () => {
    const { kit, warnings } = start();
    const before = kit.getSnapshot();
    // What a JavaScript caller, or one with a config typed as plain `ConfigInput`, can pass.
    const untyped: UpgradeKit = kit;
    untyped.track('teleport');
    untyped.track('teleport');
    kit.track('pdfExport');
    kit.track('apiCalls', Number.NaN);
    kit.track('apiCalls', Infinity);
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toMatch(/^\[upgradekit\] track\("teleport"(, 1)?\) ignored: unknown feature/);
    expect(warnings[1]).toMatch(/^\[upgradekit\] track\("pdfExport"(, 1)?\) ignored: .*boolean/);
    expect(warnings[2]).toMatch(/^\[upgradekit\] track\("apiCalls", NaN\) ignored: the amount must be a finite number/);
    expect(warnings[3]).toMatch(/^\[upgradekit\] track\("apiCalls", Infinity\) ignored: the amount must be a finite number/);
    expect(kit.getSnapshot()).toBe(before);
    expect(kit.check('apiCalls').usage).toBe(100);
    kit.destroy();
  });

  it('frees seats with negative amounts, never below zero', () => {
    const { kit } = start();
    kit.track('seats', 3);
    expect(kit.check('seats').usage).toBe(5);
    kit.track('seats', -2);
    expect(kit.check('seats').usage).toBe(3);
    kit.track('seats', -10);
    expect(kit.check('seats')).toMatchObject({ usage: 0, remaining: 2 });
    kit.destroy();
  });

  it('starts a new period from zero when the tracked usage is from the previous one', () => {
    const { kit, advance } = start({ id: 'acme', plan: 'free', usage: { exports: 5 }, usageAsOf: T0 });
    expect(kit.check('exports').allowed).toBe(false);
    advance(24 * 3600e3);
    kit.track('exports');
    expect(kit.check('exports')).toMatchObject({ allowed: true, usage: 1 });
    kit.destroy();
  });
});

describe('setCustomer', () => {
  it('reconciles with server truth: server usage wins over optimistic usage', () => {
    const { kit, advance } = start();
    advance(1000);
    kit.track('apiCalls', 50);
    expect(kit.check('apiCalls').usage).toBe(150);
    kit.setCustomer({ id: 'acme', plan: 'free', usage: { apiCalls: 120, projects: 1 }, usageAsOf: T0 + 500 });
    expect(kit.check('apiCalls').usage).toBe(120);
    expect(kit.check('seats').usage).toBe(0);
    kit.destroy();
  });

  it('applies a new plan to checks', () => {
    const { kit } = start();
    expect(kit.check('pdfExport').allowed).toBe(false);
    kit.setCustomer({ id: 'acme', plan: 'pro' });
    expect(kit.check('pdfExport')).toMatchObject({ allowed: true, reason: 'included' });
    kit.destroy();
  });
});

describe('subscriptions and identity', () => {
  it('select fires only for the selected feature', () => {
    const { kit, advance } = start();
    const onProjects = vi.fn();
    const onApiCalls = vi.fn();
    kit.select((state) => state.customer.usage.projects, onProjects);
    kit.select((state) => state.customer.usage.apiCalls, onApiCalls);
    advance(1000);
    kit.track('apiCalls', 5);
    expect(onProjects).not.toHaveBeenCalled();
    expect(onApiCalls).toHaveBeenCalledTimes(1);
    kit.track('projects');
    expect(onProjects).toHaveBeenCalledTimes(1);
    const [next, previous] = onProjects.mock.calls[0]! as [UsageEntry, UsageEntry];
    expect(previous.value).toBe(1);
    expect(next).toEqual({ value: 2, asOf: T0 + 1000, basis: T0 });
    expect(onApiCalls).toHaveBeenCalledTimes(1);
    kit.destroy();
  });

  it('select stops after unsubscribe', () => {
    const { kit } = start();
    const listener = vi.fn();
    const unsubscribe = kit.select((state) => state.customer.usage.apiCalls, listener);
    unsubscribe();
    kit.track('apiCalls');
    expect(listener).not.toHaveBeenCalled();
    kit.destroy();
  });

  it('check returns the same object for feature B after track(A), and a new one for A', () => {
    const { kit } = start();
    const projects = kit.check('projects');
    const apiCalls = kit.check('apiCalls');
    expect(kit.check('projects')).toBe(projects);
    kit.track('apiCalls');
    expect(kit.check('projects')).toBe(projects);
    expect(kit.check('apiCalls')).not.toBe(apiCalls);
    expect(kit.check('apiCalls').usage).toBe(101);
    kit.destroy();
  });
});

describe('checks follow the clock', () => {
  it('a monthly limit resets when the period boundary passes', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2028-03-31T23:59:00Z'));
    const kit = createUpgradeKit({
      config: saasConfig,
      customer: { id: 'acme', plan: 'free', usage: { apiCalls: 1000 } },
      platform: createMemoryPlatform(),
      onWarning: () => {},
    });
    const before = kit.check('apiCalls');
    expect(before).toMatchObject({ allowed: false, reason: 'limit_reached', usage: 1000, resetsAt: Date.parse('2028-04-01T00:00:00Z') });
    vi.setSystemTime(new Date('2028-03-31T23:59:59.999Z'));
    expect(kit.check('apiCalls')).toBe(before);
    vi.setSystemTime(new Date('2028-04-01T00:00:00Z'));
    expect(kit.check('apiCalls')).toMatchObject({ allowed: true, reason: 'included', usage: 0, remaining: 1000, resetsAt: Date.parse('2028-05-01T00:00:00Z') });
    kit.destroy();
  });

  it('a trial stops allowing the feature when it ends', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2028-03-14T12:00:00Z'));
    const kit = createUpgradeKit({
      config: saasConfig,
      customer: { id: 'acme', plan: 'free', trials: [{ feature: 'pdfExport', startedAt: '2028-03-01T00:00:00Z', endsAt: '2028-03-15T00:00:00Z' }] },
      platform: createMemoryPlatform(),
      onWarning: () => {},
    });
    expect(kit.check('pdfExport')).toMatchObject({ allowed: true, reason: 'trial' });
    vi.setSystemTime(new Date('2028-03-15T00:00:00Z'));
    expect(kit.check('pdfExport')).toMatchObject({ allowed: false, reason: 'not_in_plan' });
    kit.destroy();
  });
});

describe('typed feature ids', () => {
  it('a config from defineConfig types feature ids; unknown literals do not compile', () => {
    const config = defineConfig({
      features: { reports: { type: 'boolean' }, storage: { type: 'metered' } },
      plans: [{ id: 'basic', price: { amount: 0, currency: 'USD', interval: 'month' }, grants: { reports: true, storage: 10 } }],
    });
    const kit = createUpgradeKit({ config, customer: { id: 'acme', plan: 'basic' }, onWarning: () => {} });
    expectTypeOf<FeatureId<typeof config>>().toEqualTypeOf<'reports' | 'storage'>();
    expectTypeOf(kit.check).parameter(0).toEqualTypeOf<'reports' | 'storage'>();
    expectTypeOf(kit.track).parameter(0).not.toEqualTypeOf<string>();
    expect(kit.check('reports').allowed).toBe(true);
    // An id the types would refuse still gets a safe answer at run time.
    expect((kit as UpgradeKit).check('report').reason).toBe('unknown_feature');
    kit.track('storage', 2);
    expect(kit.check('storage').usage).toBe(2);
    kit.destroy();
  });

  it('a config typed as ConfigInput accepts any string', () => {
    const config: ConfigInput = saasConfig;
    const kit = createUpgradeKit({ config, customer: { id: 'acme', plan: 'free' }, onWarning: () => {} });
    expectTypeOf(kit.check).parameter(0).toEqualTypeOf<string>();
    expect(kit.check('anything').reason).toBe('unknown_feature');
    kit.destroy();
  });
});
