import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryPlatform, createMemoryStorage } from '../platform/memory.js';
import { createUpgradeKit } from '../client/createUpgradeKit.js';
import { createPromptEngine } from '../prompts/engine.js';
import type { ConfigInput } from '../config/schema.js';
import type { UpgradeKitEvent } from '../conversion/events.js';
import type { KeyValueStorage } from '../platform.js';

const DAY = 864e5;
const HOUR = 36e5;

/** A 14-day Team trial, offered in place, with a prompt when it is about to end and one once it ended. */
const config: ConfigInput = {
  features: { projects: { type: 'metered', reset: 'never' }, pdfExport: { type: 'boolean', name: 'PDF export' } },
  plans: [
    { id: 'free', price: { amount: 0, currency: 'USD', interval: 'month' }, grants: { projects: 5 } },
    { id: 'pro', price: { amount: 29, currency: 'USD', interval: 'month' }, grants: { projects: 20, pdfExport: true } },
    { id: 'team', price: { amount: 79, currency: 'USD', interval: 'month' }, grants: { projects: 'unlimited', pdfExport: true } },
  ],
  trials: [{ plan: 'team', duration: '14d' }],
  triggers: [
    { id: 'offer', when: { trial: { plan: 'team', state: 'eligible' } }, prompt: { kind: 'trial', plan: 'team', cta: 'trial' }, priority: 3 },
    { id: 'ending', when: { trial: { plan: 'team', state: 'ending', within: '2d' } }, prompt: { kind: 'trial', plan: 'team', cta: 'upgrade' }, priority: 2, maxImpressions: 1 },
    {
      id: 'expired',
      when: { all: [{ trial: { plan: 'team', state: 'expired' } }, { plan: { in: ['free'] } }] },
      prompt: { kind: 'trial', feature: 'pdfExport', title: 'Your trial ended — keep PDF export with Pro', cta: 'upgrade' },
      priority: 1,
      snooze: '1d',
    },
  ],
  policy: { caps: { perDay: 1, perWeek: 5 } },
};

function open(storage: KeyValueStorage) {
  const events: UpgradeKitEvent[] = [];
  const kit = createUpgradeKit({
    config,
    customer: { id: 'acct-1', plan: 'free' },
    platform: createMemoryPlatform({ storage }),
    onEvent: (event) => events.push(event),
    onWarning: () => {},
    prompts: createPromptEngine,
  });
  const engine = kit.prompts!;
  return { kit, engine, events, ids: () => engine.getPrompts().map((prompt) => prompt.triggerId) };
}
const fired = (events: UpgradeKitEvent[], triggerId: string) => events.filter((event) => event.type === 'trigger.fired' && event.triggerId === triggerId).length;

describe('trial endings reach the customer as governed prompts', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-06-01T08:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('offers the ending prompt two days before the end, about that trial, and reports it once across a reload', () => {
    const storage = createMemoryStorage();
    const first = open(storage);
    expect(first.ids()).toEqual(['offer']);
    first.engine.markShown('offer');
    first.engine.markClicked('offer', 'trial');
    expect(first.kit.startTrial({ plan: 'team' }).ok).toBe(true);
    expect(first.ids()).toEqual([]);

    vi.advanceTimersByTime(11 * DAY);
    expect(first.ids()).toEqual([]);
    // Conditions that change with time alone are re-read on the engine's clock tick (at most an hour).
    vi.advanceTimersByTime(DAY + HOUR);
    const [prompt] = first.engine.getPrompts();
    expect(prompt).toMatchObject({ triggerId: 'ending', kind: 'trial', plan: 'team', cta: 'upgrade', trial: { plan: 'team', state: 'ending' } });
    expect(fired(first.events, 'ending')).toBe(1);
    first.kit.destroy();

    const second = open(storage);
    expect(second.ids()).toEqual(['ending']);
    expect(fired(second.events, 'ending')).toBe(0);
  });

  it('offers the expired prompt once the trial ended, one interrupting prompt at a time and within the caps', () => {
    const { kit, engine, events, ids } = open(createMemoryStorage());
    kit.startTrial({ plan: 'team' });
    vi.advanceTimersByTime(12 * DAY);
    engine.markShown('ending');

    vi.advanceTimersByTime(2 * DAY);
    expect(events.filter((event) => event.type === 'trial.ended')).toHaveLength(1);
    // The ending prompt is still on screen: the expired one waits for it.
    expect(ids()).toEqual(['ending']);
    expect(engine.explain('expired').heldBack).toMatchObject({ rule: 'one_at_a_time', by: 'ending' });
    engine.markDismissed('ending', 'not_now');
    const [expired] = engine.getPrompts();
    expect(expired).toMatchObject({ triggerId: 'expired', plan: 'pro', feature: 'pdfExport', title: 'Your trial ended — keep PDF export with Pro', trial: { plan: 'team', state: 'expired' } });

    engine.markShown('expired');
    engine.markDismissed('expired', 'too_expensive');
    vi.advanceTimersByTime(DAY - 60_000);
    expect(engine.explain('expired').heldBack?.rule).toBe('snoozed');
    vi.advanceTimersByTime(60_000);
    expect(ids()).toEqual(['expired']);
    expect(fired(events, 'expired')).toBe(1);
  });

  it('stops offering the expired prompt once the customer upgrades', () => {
    const { kit, ids } = open(createMemoryStorage());
    kit.startTrial({ plan: 'team' });
    vi.advanceTimersByTime(15 * DAY);
    expect(ids()).toEqual(['expired']);
    kit.recordUpgrade({ toPlan: 'pro' });
    expect(ids()).toEqual([]);
  });
});

describe('prompts on screen when their condition stops holding', () => {
  it('a banner goes once a trial lifts the limit it spoke of; a modal stays until answered', () => {
    const events: UpgradeKitEvent[] = [];
    const kit = createUpgradeKit({
      config: {
        ...config,
        triggers: [
          { id: 'near-limit', when: { usage: { feature: 'projects', atLeast: 0.8 } }, prompt: { kind: 'banner', feature: 'projects' } },
          { id: 'upgrade', when: { usage: { feature: 'projects', atLeast: 0.8 } }, prompt: { kind: 'modal', feature: 'projects' } },
        ],
      },
      customer: { id: 'acct-2', plan: 'free', usage: { projects: 4 } },
      platform: createMemoryPlatform(),
      onEvent: (event) => events.push(event),
      prompts: createPromptEngine,
    });
    const engine = kit.prompts!;
    engine.markShown('near-limit');
    engine.markShown('upgrade');
    kit.startTrial({ plan: 'team' });
    expect(engine.getPrompts().map((prompt) => prompt.triggerId)).toEqual(['upgrade']);
    expect(engine.explain('near-limit').status).toBe('not_fired');
  });
});

describe('the trial leaf in a config', () => {
  it('refuses "within" on states it does not apply to', async () => {
    const { parseConfig } = await import('../config/parseConfig.js');
    const result = parseConfig({ ...config, triggers: [{ id: 't', when: { trial: { plan: 'team', state: 'active', within: '2d' } }, prompt: { kind: 'banner' } }] });
    expect(result.success).toBe(false);
    expect(result.errors).toContain('triggers[0].when.trial.within: "within" applies to the "ending" and "expired" states only');
  });
});
