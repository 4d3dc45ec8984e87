import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createUpgradeKit } from '../client/createUpgradeKit.js';
import type { UpgradeKitEvent } from '../conversion/events.js';
import { createPromptEngine } from '../prompts/engine.js';
import { createMemoryPlatform, createMemoryStorage, createMemoryTabs } from '../platform/memory.js';
import { saasConfig } from './fixtures.js';

const config = {
  ...saasConfig,
  triggers: [
    { id: 'upsell', when: { gateHits: { feature: 'pdfExport', atLeast: 2, within: '7d' } }, prompt: { kind: 'modal' as const, feature: 'pdfExport' }, cooldown: '1d' },
  ],
};

describe('across tabs and reloads', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-02-01T00:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  function twoTabs() {
    const storage = createMemoryStorage();
    const tabs = createMemoryTabs();
    let seed = 0;
    const open = () => {
      const events: UpgradeKitEvent[] = [];
      const platform = createMemoryPlatform({ storage, tabs, seed: ++seed });
      const kit = createUpgradeKit({ config, customer: { id: 'c1', plan: 'free', usage: { projects: 1 } }, platform, onEvent: (event) => events.push(event), prompts: createPromptEngine });
      return Object.assign(kit, { engine: kit.prompts!, events });
    };
    return { a: open(), b: open() };
  }

  it('usage tracked in one tab reaches the other', async () => {
    const { a, b } = twoTabs();
    a.track('projects', 2);
    await Promise.resolve();
    expect(b.check('projects').usage).toBe(3);
  });

  it('a prompt shown in one tab is not shown again in another', async () => {
    const { a, b } = twoTabs();
    a.recordGateHit('pdfExport');
    a.recordGateHit('pdfExport');
    await Promise.resolve();
    expect(a.engine.getPrompts().map((prompt) => prompt.triggerId)).toEqual(['upsell']);
    expect(b.engine.getPrompts().map((prompt) => prompt.triggerId)).toEqual(['upsell']);
    a.engine.markShown('upsell');
    await Promise.resolve();
    expect(a.engine.getPrompts().map((prompt) => prompt.triggerId)).toEqual(['upsell']);
    expect(b.engine.getPrompts()).toEqual([]);
  });

  it('a trial started in one tab runs, and ends on time, in the other', async () => {
    const { a, b } = twoTabs();
    expect(a.startTrial({ feature: 'pdfExport' }).ok).toBe(true);
    await Promise.resolve();
    expect(b.check('pdfExport').reason).toBe('trial');
    let notified = 0;
    b.subscribe(() => notified++);
    vi.advanceTimersByTime(14 * 864e5);
    expect(notified).toBeGreaterThan(0);
    expect(b.check('pdfExport').reason).toBe('not_in_plan');
  });

  it('both tabs report the trial\'s end under one event id, so it is counted once', async () => {
    const { a, b } = twoTabs();
    a.startTrial({ feature: 'pdfExport' });
    await Promise.resolve();
    vi.advanceTimersByTime(14 * 864e5);
    const ended = [...a.events, ...b.events].filter((event) => event.type === 'trial.ended');
    expect(ended).toHaveLength(2);
    expect(ended[0]!.id).toBe(ended[1]!.id);
    // Other events keep their own random ids.
    expect(new Set([...a.events, ...b.events].map((event) => event.id)).size).toBe(a.events.length + b.events.length - 1);
  });

  it('signals, prompt history and usage persist across a reload', () => {
    const storage = createMemoryStorage();
    const open = () => {
      const kit = createUpgradeKit({ config, customer: { id: 'c1', plan: 'free', usage: { projects: 1 }, usageAsOf: '2026-02-01T00:00:00Z' }, platform: createMemoryPlatform({ storage }), prompts: createPromptEngine });
      return Object.assign(kit, { engine: kit.prompts! });
    };
    const first = open();
    vi.advanceTimersByTime(1000);
    first.recordGateHit('pdfExport');
    first.track('projects');
    first.engine.destroy();
    first.destroy();
    vi.advanceTimersByTime(1000);
    const second = open();
    second.recordGateHit('pdfExport');
    expect(second.engine.getSnapshot().fired.has('upsell')).toBe(true);
    expect(second.check('projects').usage).toBe(2);
    second.engine.markShown('upsell');
    second.engine.destroy();
    second.destroy();
    const third = open();
    expect(third.engine.getSnapshot().history.upsell?.impressions).toBe(1);
    // Cooling down (1 day) after the impression before the reload.
    expect(third.engine.getPrompts()).toEqual([]);
  });
});
