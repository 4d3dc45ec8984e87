import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryPlatform, createMemoryStorage } from '../platform/memory.js';
import { createUpgradeKit } from '../client/createUpgradeKit.js';
import { createPromptEngine } from '../prompts/engine.js';
import type { Condition, ConfigInput } from '../config/schema.js';
import type { KeyValueStorage } from '../platform.js';

const DAY = 864e5;
const HOUR = 36e5;
const START = Date.parse('2026-03-02T09:00:00Z');
const features: ConfigInput['features'] = { projects: { type: 'metered', reset: 'never' }, pdfExport: { type: 'boolean' } };
const plans: ConfigInput['plans'] = [
  { id: 'free', price: { amount: 0, currency: 'USD', interval: 'month' }, grants: { projects: 10 } },
  { id: 'pro', price: { amount: 29, currency: 'USD', interval: 'month' }, grants: { projects: 100, pdfExport: true } },
  { id: 'team', price: { amount: 79, currency: 'USD', interval: 'month' }, grants: { projects: 'unlimited', pdfExport: true } },
];
const halfFull: Condition = { usage: { feature: 'projects', atLeast: 0.5 } };

function setup(config: Partial<ConfigInput>, { storage, visible = true }: { storage?: KeyValueStorage; visible?: boolean } = {}) {
  const platform = createMemoryPlatform(storage ? { storage } : {});
  if (!visible) platform.hide();
  const kit = createUpgradeKit({
    config: { features, plans, trials: [{ plan: 'team', duration: '14d' }], ...config },
    customer: { id: 'customer-1', plan: 'free', usage: { projects: 5 } },
    platform,
    onWarning: () => {},
    prompts: createPromptEngine,
  });
  return { kit, engine: kit.prompts! };
}

describe('leaf explanations read as plain sentences', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
  });
  afterEach(() => vi.useRealTimers());

  it.each<[string, Condition, string, boolean]>([
    ['a trial leaf under not', { not: { trial: { plan: 'team', state: 'active' } } }, 'team trial is on offer (needs it not to be running)', true],
    ['a usage leaf under not', { not: { usage: { feature: 'projects', atLeast: 0.8 } } }, 'projects usage is 50% of the limit (needs below 80%)', true],
    ['a usage range under not', { not: { usage: { feature: 'projects', atLeast: 0.2, below: 0.6 } } }, 'projects usage is 50% of the limit (needs below 20% or at least 60%)', false],
    ['a gate-hit leaf under not', { not: { gateHits: { feature: 'pdfExport', atLeast: 2, within: '1d' } } }, '0 gate hits on pdfExport in 1d (needs fewer than 2)', true],
    ['a plan leaf under not', { not: { plan: { in: ['free'] } } }, 'plan is free (needs none of free)', false],
    ['an attribute leaf under not', { not: { attribute: { key: 'role', equals: 'owner' } } }, 'attribute role is missing (needs anything but "owner")', true],
    ['an activation leaf under not', { not: { activated: true } }, 'customer is activated (needs not activated)', false],
    ['a trial that is on offer', { trial: { plan: 'team', state: 'eligible' } }, 'team trial is on offer (needs it to be on offer)', true],
  ])('%s says what the trigger needs, and whether it is met', (_name, when, text, satisfied) => {
    const { engine } = setup({ triggers: [{ id: 't', when, prompt: { kind: 'banner' } }] });
    const [leaf] = engine.explain('t').explain;
    expect(leaf).toMatchObject({ text, satisfied });
  });

  it('counts down an ending trial and says how long ago it ended', () => {
    const { kit, engine } = setup({
      triggers: [
        { id: 'ending', when: { trial: { plan: 'team', state: 'ending', within: '2d' } }, prompt: { kind: 'trial', plan: 'team' } },
        { id: 'over', when: { trial: { plan: 'team', state: 'expired', within: '7d' } }, prompt: { kind: 'banner' } },
      ],
    });
    kit.startTrial({ plan: 'team' });
    vi.advanceTimersByTime(11 * DAY);
    expect(engine.explain('ending').explain[0]).toMatchObject({ text: 'team trial is running, 3 days left (needs it to end within 2d)', satisfied: false });
    vi.advanceTimersByTime(DAY);
    expect(engine.explain('ending').explain[0]).toMatchObject({ text: 'team trial is running, 2 days left (needs it to end within 2d)', satisfied: true });
    vi.advanceTimersByTime(3 * DAY);
    expect(engine.explain('over').explain[0]).toMatchObject({ text: 'team trial is over since 1 day (needs it to be over for at most 7d)', satisfied: true });
  });
});

describe('governance says which rule held a prompt back, and until when', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
  });
  afterEach(() => vi.useRealTimers());

  it('names the cool-down and when it ends, then shows the prompt again', () => {
    const { engine } = setup({ triggers: [{ id: 'nudge', when: halfFull, prompt: { kind: 'banner' }, cooldown: '2d' }] });
    engine.markShown('nudge');
    engine.markClicked('nudge');
    expect(engine.explain('nudge')).toMatchObject({
      status: 'suppressed',
      heldBack: { rule: 'cooldown', until: START + 2 * DAY },
      summary: 'Fired, but held back: cooling down until 2026-03-04 09:00 UTC (2d between impressions).',
    });
    vi.advanceTimersByTime(2 * DAY);
    expect(engine.explain('nudge')).toMatchObject({ status: 'shown', heldBack: null, summary: 'Fired: its banner prompt is showing.' });
  });

  it('names a snooze after a dismissal, and "don\'t show again" with no end', () => {
    const { engine } = setup({
      triggers: [
        { id: 'later', when: halfFull, prompt: { kind: 'banner' }, snooze: '1d' },
        { id: 'never', when: halfFull, prompt: { kind: 'banner' } },
      ],
    });
    engine.markShown('later');
    engine.markDismissed('later', 'not_now');
    engine.markShown('never');
    engine.markDismissed('never', 'not_needed', { forever: true });
    expect(engine.explain('later').heldBack).toEqual({ rule: 'snoozed', until: START + DAY, text: 'snoozed after a dismissal until 2026-03-03 09:00 UTC' });
    expect(engine.explain('never').heldBack).toEqual({ rule: 'dismissed', until: null, text: 'the customer chose "Don\'t show again"' });
  });

  it('names the maximum of impressions', () => {
    const { engine } = setup({ triggers: [{ id: 'twice', when: halfFull, prompt: { kind: 'banner' }, maxImpressions: 2 }] });
    for (let shown = 0; shown < 2; shown++) {
      engine.markShown('twice');
      engine.markClicked('twice');
    }
    expect(engine.explain('twice').heldBack).toMatchObject({ rule: 'max_impressions', until: null, text: 'shown 2 times already, its maximum' });
  });

  it('names one-at-a-time and the prompt that comes first, then the daily cap once it is used', () => {
    const { engine } = setup({
      triggers: [
        { id: 'upgrade', when: halfFull, prompt: { kind: 'modal' }, priority: 5 },
        { id: 'trial', when: halfFull, prompt: { kind: 'trial', plan: 'team' }, priority: 1 },
      ],
      policy: { caps: { perDay: 1, perWeek: 5 } },
    });
    expect(engine.explain('trial').heldBack).toMatchObject({ rule: 'one_at_a_time', by: 'upgrade', text: 'one interrupting prompt at a time, and "upgrade" comes first' });
    vi.advanceTimersByTime(HOUR);
    engine.markShown('upgrade');
    engine.markDismissed('upgrade', 'too_expensive');
    expect(engine.explain('trial').heldBack).toMatchObject({
      rule: 'daily_cap',
      until: START + HOUR + DAY,
      text: 'the cap of 1 interrupting prompt a day is reached until 2026-03-03 10:00 UTC',
    });
    vi.advanceTimersByTime(DAY);
    expect(engine.explain('trial').status).toBe('shown');
  });

  it('names the weekly cap when it binds longer than the daily one', () => {
    const { engine } = setup({
      triggers: [
        { id: 'a', when: halfFull, prompt: { kind: 'modal' }, priority: 3 },
        { id: 'b', when: halfFull, prompt: { kind: 'modal' }, priority: 2 },
        { id: 'c', when: halfFull, prompt: { kind: 'modal' }, priority: 1 },
      ],
      policy: { caps: { perDay: 1, perWeek: 2 } },
    });
    engine.markShown('a');
    engine.markClicked('a');
    vi.advanceTimersByTime(DAY);
    engine.markShown('b');
    engine.markClicked('b');
    expect(engine.explain('c').heldBack).toMatchObject({ rule: 'weekly_cap', until: START + 7 * DAY });
  });

  it('names the holdout, activation and a hidden page', () => {
    const holdout = setup({ triggers: [{ id: 'held', when: halfFull, prompt: { kind: 'banner' }, experiment: { holdout: 1 } }] });
    expect(holdout.engine.explain('held')).toMatchObject({ status: 'held_out', heldBack: { rule: 'holdout', until: null } });
    expect(holdout.engine.explain('held').summary).toBe('Fired, but held back: this customer is in the holdout group, who see nothing so that lift can be measured.');

    const early = setup({ triggers: [{ id: 'm', when: halfFull, prompt: { kind: 'modal' } }], policy: { activation: { event: { name: 'doc.created', atLeast: 1 } } } });
    expect(early.engine.explain('m').heldBack).toMatchObject({ rule: 'not_activated', until: null });

    const hidden = setup({ triggers: [{ id: 'm', when: halfFull, prompt: { kind: 'modal' } }] }, { visible: false });
    expect(hidden.engine.explain('m').heldBack).toMatchObject({ rule: 'page_hidden', text: 'waiting for the page to be visible' });
  });

  it('says how many conditions are not met when it did not fire', () => {
    const { engine } = setup({
      triggers: [{ id: 'pdf', when: { all: [halfFull, { gateHits: { feature: 'pdfExport', atLeast: 3, within: '7d' } }] }, prompt: { kind: 'modal' } }],
    });
    expect(engine.explain('pdf')).toMatchObject({ status: 'not_fired', heldBack: null, summary: 'Not fired: 1 of 2 conditions not met.' });
  });

  it('gives the same verdict after a reload, from the stored governance state', () => {
    const storage = createMemoryStorage();
    const config = { triggers: [{ id: 'nudge', when: halfFull, prompt: { kind: 'banner' as const }, snooze: '1d' as const }] };
    const first = setup(config, { storage });
    first.engine.markShown('nudge');
    first.engine.markDismissed('nudge', 'not_now');
    first.kit.destroy();
    const second = setup(config, { storage });
    expect(second.engine.explain('nudge').heldBack).toMatchObject({ rule: 'snoozed', until: START + DAY });
  });
});
