import { describe, expect, it } from 'vitest';
import { saasConfig } from '../../__tests__/fixtures.js';
import { assertConfig } from '../../config/parseConfig.js';
import type { UpgradeKitEvent } from '../events.js';
import { liftInterval, wilsonInterval } from '../liftInterval.js';
import { buildReport } from '../report.js';
import type { TriggerReport } from '../reportTypes.js';
import { createReportAccumulator } from '../reportAccumulator.js';

const DAY = 864e5;
const T0 = Date.UTC(2026, 0, 5);
const config = assertConfig(saasConfig);
const PDF = 'power-user-pdf';

let sequence = 0;
/** An event of `customerId` on day `day` after T0, with MRR `mrr`, recorded under config `version`. */
function event(type: string, customerId: string, day: number, fields: Record<string, unknown> = {}, mrr = 0, version?: string): UpgradeKitEvent {
  return {
    v: 1,
    id: `e${++sequence}`,
    at: T0 + day * DAY,
    customerId,
    mrr,
    sdkVersion: 'test',
    ...(version !== undefined && { configVersion: version }),
    type,
    ...fields,
  } as unknown as UpgradeKitEvent;
}
const prompt = { triggerId: PDF, variant: 'control' };
const shown = (c: string, day: number, version?: string) => event('prompt.shown', c, day, { ...prompt, kind: 'modal' }, 0, version);
const heldOut = (c: string, day: number) => event('prompt.held_out', c, day, { triggerId: PDF, variant: 'holdout' });
const clicked = (c: string, day: number) => event('prompt.clicked', c, day, { ...prompt, cta: 'upgrade' });
const dismissed = (c: string, day: number) => event('prompt.dismissed', c, day, { ...prompt, reason: 'not_now' });
const upgraded = (c: string, day: number, before: number, delta: number, attributed = true, version?: string) =>
  event('upgrade.completed', c, day, { fromPlan: 'free', toPlan: 'pro', addOns: [], mrrDelta: delta, ...(attributed && prompt) }, before, version);

const pdfOf = (triggers: TriggerReport[]) => triggers.find((trigger) => trigger.triggerId === PDF)!;

/** `count` customers named `prefix<n>`: the first `converting` upgrade a day after their exposure. */
function group(prefix: string, count: number, converting: number, expose: (c: string) => UpgradeKitEvent): UpgradeKitEvent[] {
  return Array.from({ length: count }, (_, index) => {
    const c = `${prefix}${index}`;
    return index < converting ? [expose(c), upgraded(c, 2, 0, 29, prefix === 's')] : [expose(c)];
  }).flat();
}

describe('the lift interval', () => {
  it('matches the published example of Newcombe (1998), method 10', () => {
    // 56/70 vs 48/80: difference 0.2, 95% interval 0.0524 to 0.3339.
    const interval = liftInterval(56, 70, 48, 80);
    expect(interval.difference).toBeCloseTo(0.2, 10);
    expect(interval.low).toBeCloseTo(0.0524, 4);
    expect(interval.high).toBeCloseTo(0.3339, 4);
    expect(interval.insufficient).toBeNull();
    // Wilson for 0 of 10 still has width: 0 to 0.2775.
    expect(wilsonInterval(0, 10).high).toBeCloseTo(0.2775, 4);
  });

  it('is reported per trigger: 40 shown (12 converted) against 40 held out (4 converted)', () => {
    const report = buildReport([...group('s', 40, 12, (c) => shown(c, 1)), ...group('h', 40, 4, (c) => heldOut(c, 1))], config);
    const pdf = pdfOf(report.triggers);
    // 30% against 10%: a difference of 20 points, whose interval excludes 0.
    expect(pdf.liftInterval.difference).toBeCloseTo(0.2);
    expect(pdf.liftInterval.low).toBeGreaterThan(0);
    expect(pdf.liftInterval.high).toBeLessThan(0.4);
    expect(pdf.variants[0]!.liftInterval).toEqual(pdf.liftInterval);
  });

  it('gives no interval for a group under 30 customers, or a group without a conversion', () => {
    const small = pdfOf(buildReport([...group('s', 40, 12, (c) => shown(c, 1)), ...group('h', 29, 4, (c) => heldOut(c, 1))], config).triggers);
    expect(small.liftInterval).toMatchObject({ low: null, high: null, insufficient: 'too_few_customers' });
    expect(small.liftInterval.difference).toBeCloseTo(0.3 - 4 / 29);
    const none = pdfOf(buildReport([...group('s', 40, 12, (c) => shown(c, 1)), ...group('h', 40, 0, (c) => heldOut(c, 1))], config).triggers);
    expect(none.liftInterval).toMatchObject({ difference: 0.3, low: null, high: null, insufficient: 'no_conversions' });
    const quiet = buildReport([], config).triggers[0]!;
    expect(quiet.liftInterval).toEqual({ difference: null, low: null, high: null, insufficient: 'too_few_customers' });
  });
});

describe('conversions by last action', () => {
  it('splits attributed conversions by the last impression, click or dismissal before the upgrade', () => {
    const report = buildReport(
      [
        // a: shown, clicked at the same moment, upgrades → clicked.
        shown('a', 1),
        clicked('a', 1),
        upgraded('a', 1.5, 0, 29),
        // b: clicked on day 1, shown again on day 2 without an answer, upgrades → seen.
        shown('b', 1),
        clicked('b', 1.1),
        shown('b', 2),
        upgraded('b', 3, 0, 29),
        // c: dismissed, came back and upgraded → dismissed; listed out of order.
        upgraded('c', 4, 0, 29),
        dismissed('c', 2.1),
        shown('c', 2),
        // d: its impression lies before the window → none. e: a click after the upgrade does not count.
        shown('d', -1),
        upgraded('d', 2, 0, 29),
        shown('e', 1),
        upgraded('e', 2, 0, 29),
        clicked('e', 3),
      ],
      config,
      { from: T0 },
    );
    const pdf = pdfOf(report.triggers);
    expect(pdf.conversions).toBe(5);
    expect(pdf.conversionsByLastAction).toEqual({ clicked: 1, dismissed: 1, seen: 2, none: 1 });
    expect(pdf.variants[0]!.conversionsByLastAction).toEqual(pdf.conversionsByLastAction);
  });
});

describe('totals', () => {
  it('reports NRR as (start + expansion − contraction − churn) / start, leaving new MRR out', () => {
    const { totals } = buildReport(
      [
        event('gate.hit', 'a', 0, { feature: 'sso' }, 100),
        upgraded('a', 1, 100, 50, false),
        event('gate.hit', 'b', 0, { feature: 'sso' }, 100),
        upgraded('b', 1, 100, -30, false),
        event('gate.hit', 'c', 0, { feature: 'sso' }, 100),
        upgraded('c', 1, 100, -100, false),
        upgraded('d', 1, 0, 29, false),
      ],
      config,
    );
    // Start 300; +50 expansion, −30 contraction, −100 churn; d's +29 is new MRR.
    expect(totals).toMatchObject({ startingMrr: 300, expansionMrr: 50, contractionMrr: 30, churnedMrr: 100, newMrr: 29 });
    expect(totals.netRevenueRetention).toBeCloseTo(220 / 300);
    expect(buildReport([upgraded('d', 1, 0, 29)], config).totals.netRevenueRetention).toBeNull();
  });
});

describe('the split by config version', () => {
  const events = [
    shown('a', 1, 'v7'),
    // a upgrades after the switch to v8: the v7 impression still converted.
    upgraded('a', 3, 0, 29, true, 'v8'),
    shown('b', 4, 'v8'),
    event('gate.hit', 'c', 0, { feature: 'sso' }),
  ];

  it('counts each version its own events, and matches exposures with upgrades under any version', () => {
    const report = buildReport(events, config, { byConfigVersion: true });
    expect(report.versions?.map((version) => version.configVersion)).toEqual([null, 'v7', 'v8']);
    const [none, v7, v8] = report.versions!;
    expect(none!.totals).toMatchObject({ events: 1, customers: 1 });
    expect(pdfOf(v7!.triggers)).toMatchObject({ shown: 1, conversions: 0, shownCustomers: 1, shownCustomersConverted: 1 });
    expect(pdfOf(v8!.triggers)).toMatchObject({ shown: 1, conversions: 1, shownCustomers: 1, shownCustomersConverted: 0 });
    expect(v8!.totals).toMatchObject({ events: 2, conversions: 1, newMrr: 29 });
    expect(v7!).toMatchObject({ firstAt: T0 + DAY, lastAt: T0 + DAY });
    // The whole window is unchanged by the split.
    expect({ ...report, versions: undefined }).toEqual({ ...buildReport(events, config), versions: undefined });
    expect(buildReport(events, config).versions).toBeUndefined();
  });
});

describe('createReportAccumulator', () => {
  it('gives what buildReport gives, one event at a time, and refuses events once built', () => {
    const events = [shown('a', 1), clicked('a', 1), upgraded('a', 2, 0, 29), heldOut('h', 1)];
    const accumulator = createReportAccumulator(config, { from: T0 });
    for (const item of events) accumulator.add(item);
    const report = accumulator.result();
    expect(report).toEqual(buildReport(events, config, { from: T0 }));
    expect(accumulator.result()).toBe(report);
    expect(() => accumulator.add(shown('b', 1))).toThrow(/already built/);
  });
});
