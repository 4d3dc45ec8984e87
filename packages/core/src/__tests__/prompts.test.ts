import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryPlatform } from '../platform/memory.js';
import { createUpgradeKit } from '../client/createUpgradeKit.js';
import { createPromptEngine } from '../prompts/engine.js';
import type { ConfigInput } from '../config/schema.js';
import type { UpgradeKitEvent } from '../conversion/events.js';
import { assignVariant, hashToUnit } from '../prompts/experiment.js';

const DAY = 864e5;
const plans: ConfigInput['plans'] = [
  { id: 'free', price: { amount: 0, currency: 'USD', interval: 'month' }, grants: { projects: 10 } },
  { id: 'pro', price: { amount: 29, currency: 'USD', interval: 'month' }, grants: { projects: 100, pdfExport: true } },
];
const features: ConfigInput['features'] = { projects: { type: 'metered', reset: 'never' }, pdfExport: { type: 'boolean' } };

/** Three triggers that hold as soon as projects usage reaches 50%. */
function setup(overrides: Partial<ConfigInput> = {}, customer: Record<string, unknown> = {}) {
  const events: UpgradeKitEvent[] = [];
  const config: ConfigInput = {
    features,
    plans,
    triggers: [
      { id: 'modal-high', when: { usage: { feature: 'projects', atLeast: 0.5 } }, prompt: { kind: 'modal', title: 'Go Pro' }, priority: 10, cooldown: '2d' },
      { id: 'modal-low', when: { usage: { feature: 'projects', atLeast: 0.5 } }, prompt: { kind: 'trial', feature: 'pdfExport' }, priority: 1 },
      { id: 'banner', when: { usage: { feature: 'projects', atLeast: 0.5 } }, prompt: { kind: 'banner', placement: 'header' }, maxImpressions: 2 },
    ],
    trials: [{ feature: 'pdfExport', duration: '14d' }],
    ...overrides,
  };
  const kit = createUpgradeKit({ config, customer: { id: 'customer-1', plan: 'free', usage: { projects: 5 }, ...customer }, platform: createMemoryPlatform(), onEvent: (event) => events.push(event), onWarning: () => {}, prompts: createPromptEngine });
  const engine = kit.prompts!;
  const ids = (placement?: string) => engine.getPrompts(placement).map((prompt) => prompt.triggerId);
  return { kit, engine, events, ids };
}

describe('the arbiter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-01T00:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('offers the highest-priority interrupting prompt only, plus in-page prompts', () => {
    const { ids } = setup();
    expect(ids()).toEqual(['modal-high', 'banner']);
  });

  it('filters by placement; prompts without a placement show anywhere', () => {
    const { ids } = setup();
    expect(ids('header')).toEqual(['modal-high', 'banner']);
    expect(ids('sidebar')).toEqual(['modal-high']);
  });

  it('keeps a shown prompt on screen until it is dismissed, then snoozes it', () => {
    const { kit, engine, ids, events } = setup();
    engine.markShown('modal-high');
    expect(ids()).toContain('modal-high');
    engine.markDismissed('modal-high', 'not_now');
    expect(ids()).not.toContain('modal-high');
    expect(events.at(-1)).toMatchObject({ type: 'prompt.dismissed', triggerId: 'modal-high', reason: 'not_now' });
    // The daily cap (1) is used, so the lower modal waits for tomorrow too.
    expect(ids()).toEqual(['banner']);
    vi.advanceTimersByTime(DAY);
    expect(ids()).toEqual(['modal-low', 'banner']);
    // Snooze (default 3 days) and cool-down (2 days) both run out.
    vi.advanceTimersByTime(2 * DAY);
    expect(ids()).toEqual(['modal-high', 'banner']);
  });

  it('counts one impression per display', () => {
    const { kit, engine, events } = setup();
    engine.markShown('banner');
    engine.markShown('banner');
    expect(engine.getSnapshot().history.banner?.impressions).toBe(1);
    expect(events.filter((event) => event.type === 'prompt.shown')).toHaveLength(1);
  });

  it('stops after maxImpressions', () => {
    const { kit, engine, ids } = setup();
    for (let shown = 0; shown < 2; shown++) {
      engine.markShown('banner');
      engine.markClicked('banner', 'upgrade');
    }
    expect(ids()).not.toContain('banner');
  });

  it('honours the cool-down between impressions', () => {
    const { kit, engine, ids } = setup({ policy: { caps: { perDay: 5, perWeek: 10 } } });
    engine.markShown('modal-high');
    engine.markClicked('modal-high');
    expect(ids()[0]).toBe('modal-low');
    vi.advanceTimersByTime(2 * DAY - 1);
    expect(ids()[0]).toBe('modal-low');
    vi.advanceTimersByTime(1);
    expect(ids()[0]).toBe('modal-high');
  });

  it('caps interrupting prompts per week', () => {
    const { kit, engine, ids } = setup({ policy: { caps: { perDay: 5, perWeek: 2 } } });
    engine.markShown('modal-high');
    engine.markClicked('modal-high');
    engine.markShown('modal-low');
    engine.markClicked('modal-low');
    expect(ids()).toEqual(['banner']);
    vi.advanceTimersByTime(7 * DAY);
    expect(ids()).toEqual(['modal-high', 'banner']);
  });

  it('"don\'t show again" hides a prompt for good', () => {
    const { kit, engine, ids } = setup();
    engine.markShown('banner');
    engine.markDismissed('banner', 'not_needed', { forever: true });
    vi.advanceTimersByTime(365 * DAY);
    expect(ids()).not.toContain('banner');
  });

  it('shows no interrupting prompt before activation', () => {
    const { kit, engine, ids } = setup({ policy: { activation: { event: { name: 'doc.created', atLeast: 3 } } } });
    expect(ids()).toEqual(['banner']);
    kit.recordEvent('doc.created');
    kit.recordEvent('doc.created');
    expect(ids()).toEqual(['banner']);
    kit.recordEvent('doc.created');
    expect(ids()).toEqual(['modal-high', 'banner']);
  });

  it('trusts the host when it says the customer is activated', () => {
    const { ids } = setup({ policy: { activation: { event: { name: 'doc.created', atLeast: 3 } } } }, { activated: true });
    expect(ids()[0]).toBe('modal-high');
  });

  it('shows the holdout nothing and records that it held it out', () => {
    const { kit, engine, events } = setup({
      triggers: [{ id: 'all-held', when: { plan: { in: ['free'] } }, prompt: { kind: 'banner' }, experiment: { holdout: 1 } }],
    });
    expect(engine.getPrompts()).toEqual([]);
    expect(events.map((event) => event.type)).toEqual(['trigger.fired', 'prompt.held_out']);
    expect(engine.explain('all-held')).toMatchObject({ fired: true, status: 'held_out', variant: 'holdout' });
  });

  it('returns the same array while nothing changed, and a new one when something did', () => {
    const { kit, engine } = setup();
    const first = engine.getPrompts();
    expect(engine.getPrompts()).toBe(first);
    kit.track('projects', -5);
    expect(engine.getPrompts()).not.toBe(first);
    expect(engine.getPrompts()).toEqual([]);
  });

  it('wakes subscribers when a snooze runs out, with no other change', () => {
    const { kit, engine } = setup({ triggers: [{ id: 'b', when: { plan: { in: ['free'] } }, prompt: { kind: 'banner' }, snooze: '1d' }] });
    engine.markShown('b');
    engine.markDismissed('b');
    const seen: number[] = [];
    engine.subscribe(() => seen.push(engine.getPrompts().length));
    vi.advanceTimersByTime(DAY + 36e5);
    expect(seen.at(-1)).toBe(1);
  });

  it('resolves variant copy and the recommended plan', () => {
    const { kit, engine } = setup({
      triggers: [
        {
          id: 'copy-test',
          when: { plan: { in: ['free'] } },
          prompt: { kind: 'banner', title: 'Base title', feature: 'pdfExport' },
          experiment: { variants: [{ id: 'a', prompt: { title: 'Title A' } }, { id: 'b', prompt: { title: 'Title B' } }] },
        },
      ],
    });
    const [prompt] = engine.getPrompts();
    expect(['Title A', 'Title B']).toContain(prompt?.title);
    expect(prompt).toMatchObject({ plan: 'pro', upgrade: { plan: 'pro', mrrDelta: 29 }, feature: 'pdfExport', cta: 'upgrade' });
  });
});

describe('explain', () => {
  it('lists every leaf with its value against its threshold', () => {
    const kit = createUpgradeKit({
      config: {
        features,
        plans,
        triggers: [
          {
            id: 'power-user',
            when: { all: [{ gateHits: { feature: 'pdfExport', atLeast: 3, within: '7d' } }, { usage: { feature: 'projects', atLeast: 0.7 } }] },
            prompt: { kind: 'modal' },
          },
        ],
      },
      customer: { id: 'c', plan: 'free', usage: { projects: 8 } },
      prompts: createPromptEngine,
    });
    const engine = kit.prompts!;
    kit.recordGateHit('pdfExport');
    kit.recordGateHit('pdfExport');
    const explanation = engine.explain('power-user');
    expect(explanation.fired).toBe(false);
    expect(explanation.status).toBe('not_fired');
    expect(explanation.explain).toEqual([
      expect.objectContaining({ path: 'when.all[0].gateHits', held: false, actual: 2, text: '2 gate hits on pdfExport in 7d (needs at least 3)' }),
      expect.objectContaining({ path: 'when.all[1].usage', held: true, actual: 0.8, text: 'projects usage is 80% of the limit (needs at least 70%)' }),
    ]);
  });
});

describe('the prompt engine as a part of the client', () => {
  it('is created with the client, typed as kit.prompts, and explains through it', () => {
    const { kit } = setup();
    expect(kit.prompts!.explain('banner')).toMatchObject({ fired: true, status: 'shown' });
  });

  it('is null when the client was created without one, and nothing fires', () => {
    const events: UpgradeKitEvent[] = [];
    const kit = createUpgradeKit({ config: { features, plans }, customer: { id: 'c', plan: 'free' }, platform: createMemoryPlatform(), onEvent: (event) => events.push(event) });
    expect(kit.prompts).toBeNull();
    expect(events.filter((event) => event.type === 'trigger.fired')).toEqual([]);
  });

  it('stops with the client: no tick and no evaluation after destroy', () => {
    vi.useFakeTimers();
    const evaluated: string[] = [];
    const kit = createUpgradeKit({
      config: { features, plans, triggers: [{ id: 't', when: { usage: { feature: 'projects', atLeast: 0.5 } }, prompt: { kind: 'banner' } }] },
      customer: { id: 'c', plan: 'free' },
      platform: createMemoryPlatform(),
      prompts: (core) => createPromptEngine(core, { onEvaluate: (triggerId) => evaluated.push(triggerId) }),
    });
    kit.destroy();
    evaluated.length = 0;
    kit.track('projects');
    vi.advanceTimersByTime(864e5);
    expect(evaluated).toEqual([]);
    vi.useRealTimers();
  });
});

describe('incremental evaluation', () => {
  it('re-evaluates only the triggers that read the tracked feature', () => {
    const evaluated: string[] = [];
    const featureIds = Array.from({ length: 50 }, (_, index) => `f${index}`);
    const kit = createUpgradeKit({
      config: {
        features: Object.fromEntries(featureIds.map((id) => [id, { type: 'metered' as const }])),
        plans: [{ id: 'free', price: { amount: 0, currency: 'USD', interval: 'month' }, grants: Object.fromEntries(featureIds.map((id) => [id, 100])) }],
        triggers: Array.from({ length: 100 }, (_, index) => ({
          id: `t${index}`,
          when: { usage: { feature: `f${index % 50}`, atLeast: 0.9 } },
          prompt: { kind: 'banner' as const },
        })),
      },
      customer: { id: 'c', plan: 'free' },
      prompts: (core) => createPromptEngine(core, { onEvaluate: (triggerId) => evaluated.push(triggerId) }),
    });
    expect(evaluated).toHaveLength(100);
    evaluated.length = 0;
    kit.track('f7');
    expect(evaluated.sort()).toEqual(['t57', 't7']);
  });
});

describe('experiments', () => {
  it('splits 10,000 customers into holdout and variants within 1 percentage point', () => {
    const trigger = {
      id: 'split',
      when: {},
      prompt: { kind: 'banner' as const },
      experiment: { holdout: 0.1, variants: [{ id: 'a' }, { id: 'b', weight: 2 }] },
    };
    const counts: Record<string, number> = {};
    for (let index = 0; index < 10_000; index++) {
      const variant = assignVariant(trigger, `customer-${index}`);
      counts[variant] = (counts[variant] ?? 0) + 1;
    }
    // Holdout 10%; the other 90% split 1:2 → 30% and 60%.
    expect(Math.abs(counts.holdout! / 10_000 - 0.1)).toBeLessThan(0.01);
    expect(Math.abs(counts.a! / 10_000 - 0.3)).toBeLessThan(0.01);
    expect(Math.abs(counts.b! / 10_000 - 0.6)).toBeLessThan(0.01);
  });

  it('is deterministic per customer and independent between triggers', () => {
    expect(hashToUnit('customer-42:t1')).toBe(hashToUnit('customer-42:t1'));
    expect(hashToUnit('customer-42:t1')).not.toBe(hashToUnit('customer-42:t2'));
  });
});
