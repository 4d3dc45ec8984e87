import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { saasConfig } from '../../__tests__/fixtures.js';
import { assertConfig } from '../../config/parseConfig.js';
import type { UpgradeKitEvent } from '../events.js';
import { buildReport } from '../report.js';
import { createReportAccumulator } from '../reportAccumulator.js';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261201) });

const DAY = 864e5;
const T0 = Date.UTC(2025, 0, 6);

const config = assertConfig({
  ...saasConfig,
  triggers: [
    { id: 'seats-ab', when: { gateHits: { feature: 'pdfExport', atLeast: 1, within: '7d' } }, prompt: { kind: 'modal' }, experiment: { variants: [{ id: 'a' }, { id: 'b' }] } },
    { id: 'power-user-pdf', when: { gateHits: { feature: 'pdfExport', atLeast: 1, within: '7d' } }, prompt: { kind: 'banner' }, experiment: { holdout: 0.2 } },
  ],
});

const customers = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'];
// Triggers and variants the config does not name too.
const triggerIds = ['seats-ab', 'power-user-pdf', 'zeta-retired', 'alpha-retired'];
const variants = ['control', 'a', 'b', 'holdout', 'z-variant'];

/** Any small history: every counted type, usage, duplicates by id, several config versions. */
const history = fc
  .array(
    fc.record({
      customer: fc.constantFrom(...customers),
      day: fc.integer({ min: 0, max: 40 }),
      kind: fc.constantFrom('fired', 'shown', 'held', 'clicked', 'dismissed', 'trial', 'upgrade', 'usage'),
      triggerId: fc.constantFrom(...triggerIds),
      variant: fc.constantFrom(...variants),
      mrr: fc.integer({ min: 0, max: 200 }),
      delta: fc.integer({ min: -99, max: 99 }),
      version: fc.constantFrom('v1', 'v2', undefined),
      id: fc.integer({ min: 0, max: 60 }),
    }),
    { maxLength: 80 },
  )
  .map((rows) =>
    rows.map(({ customer, day, kind, triggerId, variant, mrr, delta, version, id }): UpgradeKitEvent => {
      const base = { v: 1 as const, id: `${customer}-e${id}`, at: T0 + day * DAY, customerId: customer, mrr, sdkVersion: 'test', ...(version && { configVersion: version }) };
      const trigger = { triggerId, variant };
      switch (kind) {
        case 'fired':
          return { ...base, type: 'trigger.fired', ...trigger };
        case 'shown':
          return { ...base, type: 'prompt.shown', ...trigger, kind: 'modal' };
        case 'held':
          return { ...base, type: 'prompt.held_out', ...trigger };
        case 'clicked':
          return { ...base, type: 'prompt.clicked', ...trigger, cta: 'upgrade' };
        case 'dismissed':
          return { ...base, type: 'prompt.dismissed', ...trigger, reason: 'not_now' };
        case 'trial':
          return { ...base, type: 'trial.started', plan: 'pro', endsAt: base.at + 14 * DAY, ...trigger };
        case 'upgrade':
          return { ...base, type: 'upgrade.completed', fromPlan: 'free', toPlan: 'pro', addOns: [], mrrDelta: delta, ...(delta % 2 === 0 && trigger) };
        default:
          return { ...base, type: 'usage.tracked', feature: 'projects', amount: 1, usage: day };
      }
    }),
  );

describe('addActivity', () => {
  it('counts an event no funnel figure reads as add() counts it', () => {
    fc.assert(
      fc.property(history, fc.boolean(), (events, byConfigVersion) => {
        const accumulator = createReportAccumulator(config, { byConfigVersion, from: T0 + DAY, to: T0 + 35 * DAY });
        for (const event of events) {
          if (event.type === 'usage.tracked') accumulator.addActivity({ customerId: event.customerId, at: event.at, mrr: event.mrr, configVersion: event.configVersion });
          else accumulator.add(event);
        }
        expect(accumulator.result()).toEqual(buildReport(events, config, { byConfigVersion, from: T0 + DAY, to: T0 + 35 * DAY }));
      }),
    );
  });

  it('throws once the report is built', () => {
    const accumulator = createReportAccumulator(config);
    accumulator.result();
    expect(() => accumulator.addActivity({ customerId: 'c1', at: T0, mrr: 0 })).toThrow(/already built/);
  });
});
