import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createUpgradeKit } from '../client/createUpgradeKit.js';
import type { UpgradeKitEvent } from '../conversion/events.js';
import { createMemoryPlatform, createMemoryStorage } from '../platform/memory.js';
import { saasConfig } from './fixtures.js';

const DAY = 864e5;

describe('trials', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-05-01T12:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  const create = (storage = createMemoryStorage(), customer: Record<string, unknown> = {}) => {
    const events: UpgradeKitEvent[] = [];
    const kit = createUpgradeKit({
      config: saasConfig,
      customer: { id: 'c1', plan: 'free', ...customer },
      platform: createMemoryPlatform({ storage }),
      onEvent: (event) => events.push(event),
    });
    return { kit, events };
  };

  it('starts a feature trial in place: checks answer "trial" until exactly the end', () => {
    const { kit, events } = create();
    expect(kit.check('pdfExport')).toMatchObject({ allowed: false, reason: 'not_in_plan' });
    expect(kit.getTrial({ feature: 'pdfExport' })).toEqual({ state: 'eligible', endsAt: null, daysLeft: null });
    const started = kit.startTrial({ feature: 'pdfExport' });
    const endsAt = Date.parse('2026-05-15T12:00:00Z');
    expect(started).toEqual({ ok: true, endsAt });
    expect(kit.check('pdfExport')).toMatchObject({ allowed: true, reason: 'trial' });
    expect(kit.getTrial({ feature: 'pdfExport' })).toEqual({ state: 'active', endsAt, daysLeft: 14 });
    expect(events.find((event) => event.type === 'trial.started')).toMatchObject({ feature: 'pdfExport', endsAt });

    vi.advanceTimersByTime(endsAt - Date.now() - 1);
    expect(kit.check('pdfExport').reason).toBe('trial');
    vi.advanceTimersByTime(1);
    expect(kit.check('pdfExport')).toMatchObject({ allowed: false, reason: 'not_in_plan' });
    expect(kit.getTrial({ feature: 'pdfExport' }).state).toBe('expired');
    expect(events.filter((event) => event.type === 'trial.ended')).toEqual([expect.objectContaining({ feature: 'pdfExport', at: endsAt })]);
  });

  it('refuses what is not offered, already running, used up or adds nothing', () => {
    const { kit } = create();
    expect(kit.startTrial({ feature: 'sso' })).toEqual({ ok: false, reason: 'no_trial' });
    expect(kit.startTrial({ plan: 'team' }).ok).toBe(true);
    expect(kit.startTrial({ plan: 'team' })).toEqual({ ok: false, reason: 'active' });
    vi.advanceTimersByTime(8 * DAY);
    expect(kit.startTrial({ plan: 'team' })).toEqual({ ok: false, reason: 'max_reached' });
    const pro = create(createMemoryStorage(), { id: 'c2', plan: 'pro' }).kit;
    expect(pro.startTrial({ feature: 'pdfExport' })).toEqual({ ok: false, reason: 'not_eligible' });
  });

  it('a plan trial grants the plan\'s limits', () => {
    const { kit } = create(createMemoryStorage(), { usage: { projects: 3 } });
    expect(kit.check('projects').allowed).toBe(false);
    kit.startTrial({ plan: 'team' });
    expect(kit.check('projects')).toMatchObject({ allowed: true, reason: 'trial', limit: 'unlimited' });
  });

  it('survives a reload and emits trial.ended once when it ran out while away', () => {
    const storage = createMemoryStorage();
    const first = create(storage);
    first.kit.startTrial({ feature: 'pdfExport' });
    first.kit.destroy();
    vi.advanceTimersByTime(3 * DAY);
    const second = create(storage);
    expect(second.kit.check('pdfExport').reason).toBe('trial');
    second.kit.destroy();
    vi.advanceTimersByTime(20 * DAY);
    const third = create(storage);
    expect(third.events.filter((event) => event.type === 'trial.ended')).toHaveLength(1);
    third.kit.destroy();
    expect(create(storage).events.filter((event) => event.type === 'trial.ended')).toHaveLength(0);
  });
});
