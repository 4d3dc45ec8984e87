import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createUpgradeKit } from '../client/createUpgradeKit.js';
import { createPromptEngine } from '../prompts/engine.js';
import type { UpgradeKitEvent } from '../conversion/events.js';
import { createMemoryPlatform, createMemoryStorage } from '../platform/memory.js';
import { SDK_VERSION } from '../version.js';
import { saasConfig } from './fixtures.js';
import corePackage from '../../package.json';

const DAY = 864e5;
const config = {
  ...saasConfig,
  triggers: [{ id: 'near-limit', when: { usage: { feature: 'projects', atLeast: 0.6 } }, prompt: { kind: 'banner' as const, feature: 'projects' } }],
};

describe('conversion events', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-02-01T00:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  const create = (storage = createMemoryStorage(), plan = 'free') => {
    const events: UpgradeKitEvent[] = [];
    const kit = createUpgradeKit({
      config,
      customer: { id: 'c1', plan, usage: { projects: 2 } },
      platform: createMemoryPlatform({ storage }),
      onEvent: (event) => events.push(event),
      prompts: createPromptEngine,
    });
    return { kit, engine: kit.prompts!, events };
  };

  it('stamps every event with a unique, time-sortable id, the customer, its MRR and the SDK version', () => {
    const { kit, engine, events } = create();
    kit.track('projects');
    vi.advanceTimersByTime(1);
    kit.recordGateHit('pdfExport');
    const own = events.filter((event) => event.type !== 'trigger.fired');
    expect(own.map((event) => event.type)).toEqual(['usage.tracked', 'gate.hit']);
    for (const event of events) expect(event).toMatchObject({ v: 1, customerId: 'c1', mrr: 0, sdkVersion: SDK_VERSION });
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    // Made a millisecond apart, they sort in time order.
    expect(own.map((event) => event.id).sort()).toEqual(own.map((event) => event.id));
    expect(SDK_VERSION).toBe(corePackage.version);
  });

  it('attributes an upgrade to the last prompt seen within the window', () => {
    const { kit, engine, events } = create();
    expect(engine.getPrompts().map((prompt) => prompt.triggerId)).toEqual(['near-limit']);
    engine.markShown('near-limit');
    vi.advanceTimersByTime(DAY);
    kit.recordUpgrade({ toPlan: 'pro' });
    expect(events.at(-1)).toMatchObject({ type: 'upgrade.completed', fromPlan: 'free', toPlan: 'pro', mrrDelta: 29, triggerId: 'near-limit', variant: 'control' });
    // The server confirming the same plan is not a second conversion.
    kit.setCustomer({ id: 'c1', plan: 'pro', usage: { projects: 2 } });
    expect(events.filter((event) => event.type === 'upgrade.completed')).toHaveLength(1);
  });

  it('does not attribute an upgrade after the window (default 7 days)', () => {
    const { kit, engine, events } = create();
    engine.markShown('near-limit');
    vi.advanceTimersByTime(7 * DAY + 1);
    kit.setCustomer({ id: 'c1', plan: 'pro' });
    const upgrade = events.at(-1)!;
    expect(upgrade).toMatchObject({ type: 'upgrade.completed', toPlan: 'pro', mrrDelta: 29 });
    expect(upgrade).not.toHaveProperty('triggerId');
  });

  it('keeps the attribution across a reload', () => {
    const storage = createMemoryStorage();
    const before = create(storage);
    before.engine.markShown('near-limit');
    before.kit.destroy();
    const after = create(storage);
    after.kit.setCustomer({ id: 'c1', plan: 'team' });
    // team is 948 a year: 79 a month.
    expect(after.events.at(-1)).toMatchObject({ type: 'upgrade.completed', toPlan: 'team', mrrDelta: 79, triggerId: 'near-limit' });
  });

  it('keeps the attribution across a redirect to checkout and back (fresh storage)', () => {
    const before = create();
    before.engine.markShown('near-limit');
    before.engine.markClicked('near-limit', 'upgrade');
    const token = before.kit.checkoutContext();
    const returnUrl = `https://app.example/billing/done?uk=${token}`;
    before.kit.destroy();

    const after = create(createMemoryStorage());
    expect(after.kit.resume(new URL(returnUrl).searchParams.get('uk')!)).toBe(true);
    after.kit.setCustomer({ id: 'c1', plan: 'pro', addOns: [{ id: 'api10k', quantity: 1 }] });
    expect(after.events.at(-1)).toMatchObject({ type: 'upgrade.completed', mrrDelta: 44, triggerId: 'near-limit', addOns: [{ id: 'api10k', quantity: 1 }] });
  });

  it('refuses a malformed or foreign checkout token with a warning', () => {
    const warnings: string[] = [];
    const kit = createUpgradeKit({ config, customer: { id: 'c1', plan: 'free' }, onWarning: (message) => warnings.push(message) });
    expect(kit.resume('%%%not-a-token')).toBe(false);
    expect(kit.resume(encodeURIComponent(JSON.stringify(['someone-else', 'near-limit', 'control', Date.now()])))).toBe(false);
    expect(warnings).toEqual(['[upgradekit] resume() ignored: the checkout token is malformed or belongs to another customer']);
  });

  it('a throwing sink never reaches the host', () => {
    const warnings: string[] = [];
    const kit = createUpgradeKit({
      config,
      customer: { id: 'c1', plan: 'free' },
      sinks: [{ send: () => { throw new Error('analytics down'); } }],
      onWarning: (message) => warnings.push(message),
    });
    expect(() => kit.track('projects')).not.toThrow();
    expect(warnings[0]).toContain('a sink threw while receiving "usage.tracked"');
  });
});
