/**
 * Regressions found by adversarial testing through the public API: each test is
 * the minimal reproduction of a reported defect, and says what that input now gets.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createUpgradeKit } from '../client/createUpgradeKit.js';
import type { UpgradeKitOptions } from '../client/types.js';
import { normalizeConfig } from '../config/normalize.js';
import type { ConfigInput } from '../config/schema.js';
import { buildReport } from '../conversion/report.js';
import type { UpgradeKitEvent } from '../conversion/events.js';
import { check } from '../entitlements/check.js';
import { parseCustomer } from '../entitlements/customer.js';
import { createMemoryPlatform, createMemoryStorage, createMemoryTabs } from '../platform/memory.js';
import { createPromptEngine } from '../prompts/engine.js';
import { saasConfig } from './fixtures.js';

const DAY = 864e5;
const T0 = Date.parse('2026-03-02T09:00:00Z');

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => vi.useRealTimers());

const config = {
  ...saasConfig,
  trials: [{ feature: 'pdfExport', duration: '14d' }, { plan: 'team', duration: '30d' }],
  triggers: [
    { id: 'upsell', when: { gateHits: { feature: 'pdfExport', atLeast: 1, within: '7d' } }, prompt: { kind: 'modal' as const, feature: 'pdfExport' }, maxImpressions: 1 },
  ],
} satisfies ConfigInput;

function open(options: Partial<UpgradeKitOptions> = {}) {
  const events: UpgradeKitEvent[] = [];
  const warnings: string[] = [];
  const kit = createUpgradeKit({
    config,
    customer: { id: 'acme', plan: 'free', usage: { projects: 1 } },
    platform: createMemoryPlatform(),
    onEvent: (event) => events.push(event),
    onWarning: (message) => warnings.push(message),
    prompts: createPromptEngine,
    ...options,
  });
  return { kit, events, warnings };
}

describe('timers longer than 2^31-1 ms', () => {
  it('a 30-day trial notifies subscribers once, when it ends, instead of ~840 times a second', () => {
    const { kit, events } = open();
    expect(kit.startTrial({ plan: 'team' }).ok).toBe(true);
    let notified = 0;
    kit.subscribe(() => notified++);
    vi.advanceTimersByTime(29 * DAY);
    expect(notified).toBe(0);
    vi.advanceTimersByTime(DAY);
    expect(kit.getTrial({ plan: 'team' }).state).not.toBe('active');
    expect(events.filter((event) => event.type === 'trial.ended')).toHaveLength(1);
    expect(notified).toBeGreaterThan(0);
    expect(notified).toBeLessThan(5);
  });
});

describe('check() with add-ons that stack', () => {
  const stacking = (maxQuantity: number) =>
    normalizeConfig({
      features: { seats: { type: 'seats' } },
      plans: [{ id: 'team', price: { amount: 50, currency: 'USD', interval: 'month' }, grants: { seats: 5 } }],
      addOns: [{ id: 'seat', price: { amount: 1, currency: 'USD', interval: 'month' }, grants: { seats: 1 }, maxQuantity }],
    });

  it('works out the quantity arithmetically: 3e8 seats against maxQuantity 1e8 (a trusted config) answers at once', () => {
    const customer = parseCustomer({ id: 'c', plan: 'team', usage: { seats: 3e8 } }, stacking(1e8), T0).customer;
    // No path: 1e8 add-ons cannot cover 3e8 seats.
    expect(check(stacking(1e8), customer, 'seats').upgrade).toBeNull();
    const fewer = parseCustomer({ id: 'c', plan: 'team', usage: { seats: 12 } }, stacking(1e8), T0).customer;
    expect(check(stacking(1e8), fewer, 'seats').upgrade).toMatchObject({ plan: 'team', addOns: [{ id: 'seat', quantity: 8 }], limit: 13 });
  });
});

describe('wrong-shaped stored state', () => {
  const KEY = 'upgradekit:v1:client:acme';
  it.each([
    ['{"trials":[null]}', 'a null trial'],
    ['[5]', 'an array'],
    ['{"signals":{"gate:pdfExport":5}}', 'a number for a counter'],
    ['{"signals":{"gate:pdfExport":{"total":1,"buckets":null}}}', 'buckets: null'],
    ['{"signals":{"gate:pdfExport":{"total":1,"buckets":"x"}}}', 'buckets: "x"'],
    ['{"usage":{"projects":{"value":"9","asOf":1}},"trials":[{"plan":"team","startedAt":1,"endsAt":2}]}', 'a string usage'],
  ])('%s (%s) is dropped with a warning, the rest kept and rewritten, and checks answer for the real plan', async (stored) => {
    const storage = createMemoryStorage({ [KEY]: stored });
    const { kit, warnings } = open({ customer: { id: 'acme', plan: 'pro', usage: { projects: 1 } }, platform: createMemoryPlatform({ storage }) });
    expect(kit.check('pdfExport').allowed).toBe(true);
    expect(kit.check('pdfExport', { attempt: true }).allowed).toBe(true);
    kit.recordGateHit('pdfExport');
    expect(kit.check('projects').usage).toBe(1);
    expect(warnings.some((warning) => warning.includes(`stored state under "client:acme"`))).toBe(true);
    await Promise.resolve();
    const rewritten = JSON.parse(storage.getItem(KEY)!) as Record<string, unknown>;
    expect(rewritten).toMatchObject({ usage: { projects: { value: 1 } } });
  });

  it('a corrupt prompt history is dropped field by field and the engine starts', () => {
    const storage = createMemoryStorage({ 'upgradekit:v1:prompts:acme': '{"history":{"upsell":{"impressions":"many"}},"interrupts":[1,"x"],"touch":5}' });
    const { kit, warnings } = open({ platform: createMemoryPlatform({ storage }) });
    kit.recordGateHit('pdfExport');
    expect(kit.prompts!.getPrompts().map((prompt) => prompt.triggerId)).toEqual(['upsell']);
    expect(warnings.filter((warning) => warning.includes('stored prompt history'))).toHaveLength(3);
  });
});

describe('setCustomer with another customer', () => {
  it('never mixes two customers: after Alice → Bob, each reload shows each their own usage and gate hits', async () => {
    const storage = createMemoryStorage();
    const alice = { id: 'alice', plan: 'free', usage: { projects: 1 }, usageAsOf: T0 };
    const first = open({ customer: alice, platform: createMemoryPlatform({ storage }) });
    first.kit.track('projects', 2);
    first.kit.recordGateHit('pdfExport');
    first.kit.setCustomer({ id: 'bob', plan: 'free', usage: { projects: 0 }, usageAsOf: T0 });
    expect(first.kit.check('projects').usage).toBe(0);
    expect(first.kit.getSnapshot().signals['gate:pdfExport']).toBeUndefined();
    first.kit.track('projects', 1);
    first.kit.destroy();
    await Promise.resolve();
    const asAlice = open({ customer: alice, platform: createMemoryPlatform({ storage }) });
    expect(asAlice.kit.check('projects').usage).toBe(3);
    expect(asAlice.kit.getSnapshot().signals['gate:pdfExport']?.total).toBe(1);
    const asBob = open({ customer: { id: 'bob', plan: 'free', usage: { projects: 0 }, usageAsOf: T0 }, platform: createMemoryPlatform({ storage }) });
    expect(asBob.kit.check('projects').usage).toBe(1);
    expect(asBob.kit.getSnapshot().signals['gate:pdfExport']).toBeUndefined();
  });
});

describe('event ids', () => {
  it('differ across clients whose platforms share a seed: three upgrades in one millisecond are three conversions', () => {
    const events: UpgradeKitEvent[] = [];
    for (const id of ['a', 'b', 'c']) {
      const kit = createUpgradeKit({ config, customer: { id, plan: 'free' }, platform: createMemoryPlatform(), onEvent: (event) => events.push(event) });
      kit.recordUpgrade({ toPlan: 'pro' });
    }
    expect(new Set(events.map((event) => event.id)).size).toBe(3);
    expect(buildReport(events, normalizeConfig(config)).totals.conversions).toBe(3);
  });
});

describe('trigger.fired across reloads', () => {
  it('fires once for one transition, however many times the page reloads', () => {
    const storage = createMemoryStorage();
    const events: UpgradeKitEvent[] = [];
    for (let reload = 0; reload < 4; reload++) {
      const { kit } = open({ platform: createMemoryPlatform({ storage }), onEvent: (event) => events.push(event) });
      if (reload === 0) kit.recordGateHit('pdfExport');
      kit.destroy();
    }
    expect(events.filter((event) => event.type === 'trigger.fired')).toHaveLength(1);
  });
});

describe('recordUpgrade and the upgrade path agree', () => {
  it('recording the path check() offered adds its add-ons on top of those owned, for the path\'s MRR delta', () => {
    const { kit, events } = open({ customer: { id: 'acme', plan: 'pro', addOns: [{ id: 'seats5', quantity: 2 }], usage: { seats: 15 } } });
    const path = kit.check('seats', { requested: 1 }).upgrade!;
    expect(path).toMatchObject({ plan: 'pro', addOns: [{ id: 'seats5', quantity: 1 }] });
    kit.recordUpgrade({ toPlan: path.plan, addOns: path.addOns });
    const upgrade = events.find((event) => event.type === 'upgrade.completed') as Extract<UpgradeKitEvent, { type: 'upgrade.completed' }>;
    expect(upgrade.mrrDelta).toBe(path.mrrDelta);
    expect(kit.getSnapshot().customer.addOns).toEqual([{ id: 'seats5', quantity: 3 }]);
  });
});

describe('two tabs at once', () => {
  function twoTabs() {
    const storage = createMemoryStorage();
    const tabs = createMemoryTabs();
    return [1, 2].map((seed) => open({ platform: createMemoryPlatform({ storage, tabs, seed }) }));
  }

  it('a maxImpressions: 1 modal shown in both in the same tick stays open in one', async () => {
    const [a, b] = twoTabs();
    a!.kit.recordGateHit('pdfExport');
    await Promise.resolve();
    a!.kit.prompts!.markShown('upsell');
    b!.kit.prompts!.markShown('upsell');
    await Promise.resolve();
    const offering = [a!, b!].filter((tab) => tab.kit.prompts!.getPrompts().some((prompt) => prompt.triggerId === 'upsell'));
    expect(offering).toHaveLength(1);
  });

  it('two startTrial calls in the same tick become one trial and one trial.started id', async () => {
    const [a, b] = twoTabs();
    expect(a!.kit.startTrial({ feature: 'pdfExport' }).ok).toBe(true);
    vi.advanceTimersByTime(5);
    expect(b!.kit.startTrial({ feature: 'pdfExport' }).ok).toBe(true);
    await Promise.resolve();
    expect(a!.kit.getSnapshot().customer.trials).toEqual(b!.kit.getSnapshot().customer.trials);
    expect(a!.kit.getSnapshot().customer.trials).toHaveLength(1);
    const started = [...a!.events, ...b!.events].filter((event) => event.type === 'trial.started');
    expect(new Set(started.map((event) => event.id)).size).toBe(1);
  });
});

describe('smaller ones', () => {
  it('track(f, 1e308) twice leaves a finite usage, which survives JSON', () => {
    const { kit } = open();
    kit.track('apiCalls', 1e308);
    kit.track('apiCalls', 1e308);
    const { usage } = kit.check('apiCalls');
    expect(Number.isFinite(usage)).toBe(true);
    expect(JSON.parse(JSON.stringify({ usage })).usage).toBe(usage);
  });

  it('a gate hit during a 30-day backwards clock jump still counts in its 7-day window when the clock returns', () => {
    let now = T0;
    const { kit } = open({ platform: createMemoryPlatform({ now: () => now }) });
    kit.recordGateHit('pdfExport');
    now = T0 - 30 * DAY;
    kit.recordGateHit('pdfExport');
    now = T0 + 1000;
    expect(kit.prompts!.explain('upsell').explain[0]!.actual).toBe(2);
  });

  it('with the device clock ahead, a newer server measurement beats usage tracked on the device', async () => {
    const storage = createMemoryStorage();
    let now = T0 + 3600_000; // the device runs an hour ahead of the server
    const first = open({ customer: { id: 'acme', plan: 'free', usage: { apiCalls: 100 }, usageAsOf: T0 }, platform: createMemoryPlatform({ storage, now: () => now }) });
    first.kit.track('apiCalls', 5);
    first.kit.destroy();
    await Promise.resolve();
    now += 60_000;
    // The server measured again, after the tracking (its clock says T0 + 30 min): 105 includes it.
    const next = open({ customer: { id: 'acme', plan: 'free', usage: { apiCalls: 105 }, usageAsOf: T0 + 1800_000 }, platform: createMemoryPlatform({ storage, now: () => now }) });
    expect(next.kit.check('apiCalls').usage).toBe(105);
  });

  it('bad arguments are ignored with a warning, never thrown', () => {
    const { kit } = open();
    const symbol = Symbol('feature');
    expect(kit.startTrial(null as never)).toEqual({ ok: false, reason: 'no_trial' });
    expect(kit.getTrial(undefined as never).state).toBe('unavailable');
    expect(() => kit.recordUpgrade(undefined as never)).not.toThrow();
    expect(() => kit.prompts!.markDismissed('upsell', 'not_now', null as never)).not.toThrow();
    expect(() => kit.track(symbol as never)).not.toThrow();
    expect(() => kit.check(symbol as never)).not.toThrow();
    expect(() => kit.recordGateHit(symbol as never)).not.toThrow();
    expect(() => kit.recordEvent(symbol as never)).not.toThrow();
    expect(() => kit.prompts!.markShown(symbol as never)).not.toThrow();
  });
});
