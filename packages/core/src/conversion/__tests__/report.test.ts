import { describe, expect, it } from 'vitest';
import { saasConfig } from '../../__tests__/fixtures.js';
import { assertConfig } from '../../config/parseConfig.js';
import type { Config, ConfigInput } from '../../config/schema.js';
import type { EventOf, EventType, UpgradeKitEvent } from '../events.js';
import { buildReport } from '../report.js';
import type { ConversionReport, TriggerReport } from '../reportTypes.js';

const DAY = 864e5;
const T0 = Date.UTC(2025, 0, 6);

type Fields<T extends EventType> = Omit<EventOf<T>, 'v' | 'id' | 'at' | 'customerId' | 'mrr' | 'sdkVersion' | 'type'>;

let sequence = 0;
/** An event of `customerId` on day `day` after T0 (fractions allowed), with MRR `mrr`. */
function event<T extends EventType>(type: T, customerId: string, day: number, fields: Fields<T>, mrr = 0, id?: string): UpgradeKitEvent {
  return { v: 1, id: id ?? `e${++sequence}`, at: T0 + day * DAY, customerId, mrr, sdkVersion: 'test', type, ...fields } as UpgradeKitEvent;
}

const fired = (customer: string, day: number, triggerId: string, variant = 'control') => event('trigger.fired', customer, day, { triggerId, variant });
const shown = (customer: string, day: number, triggerId: string, variant = 'control') =>
  event('prompt.shown', customer, day, { triggerId, variant, kind: 'modal' });
const heldOut = (customer: string, day: number, triggerId: string, variant = 'control') => event('prompt.held_out', customer, day, { triggerId, variant });
const clicked = (customer: string, day: number, triggerId: string, variant = 'control') =>
  event('prompt.clicked', customer, day, { triggerId, variant, cta: 'upgrade' });
const dismissed = (customer: string, day: number, triggerId: string, variant: string, reason?: 'not_now' | 'too_expensive' | 'not_needed' | 'other') =>
  event('prompt.dismissed', customer, day, reason ? { triggerId, variant, reason } : { triggerId, variant });
const seen = (customer: string, day: number, mrr: number) => event('gate.hit', customer, day, { feature: 'pdfExport' }, mrr);
/** An upgrade from `mrrBefore` (the event's `mrr`, as the client emits it) by `mrrDelta`; attributed when `triggerId` is given. */
const upgraded = (customer: string, day: number, mrrBefore: number, mrrDelta: number, triggerId?: string, variant = 'control') =>
  event(
    'upgrade.completed',
    customer,
    day,
    { fromPlan: 'x', toPlan: 'y', addOns: [], mrrDelta, ...(triggerId ? { triggerId, variant } : {}) },
    mrrBefore,
  );

function configWith(triggers: ConfigInput['triggers'], policy: ConfigInput['policy'] = {}): Config {
  return assertConfig({ ...saasConfig, triggers, policy });
}

const trigger = (id: string, experiment?: { holdout?: number; variants?: Array<{ id: string }> }) => ({
  id,
  when: { gateHits: { feature: 'pdfExport', atLeast: 1, within: '7d' } },
  prompt: { kind: 'modal' as const },
  ...(experiment ? { experiment } : {}),
});

const config = configWith([trigger('seats-ab', { variants: [{ id: 'a' }, { id: 'b' }] }), trigger('power-user-pdf', { holdout: 0.1 }), trigger('quiet')]);

function triggerOf(report: ConversionReport, id: string): TriggerReport {
  const found = report.triggers.find((candidate) => candidate.triggerId === id);
  if (!found) throw new Error(`no trigger ${id} in the report`);
  return found;
}
const variantOf = (report: ConversionReport, id: string, variant: string) => triggerOf(report, id).variants.find((v) => v.variant === variant);

describe('buildReport', () => {
  // Variant a: c1, c2, c3 each fired + shown once; c1 clicks and upgrades free → pro (+29);
  //   c2 dismisses "too expensive", c3 without a reason.
  // Variant b: c4, c5 fired; c4 shown twice, c5 once; c4 clicks, starts a trial and upgrades
  //   pro → team (+50, already paying 29); c5 dismisses "not now".
  const abEvents = [
    ...['c1', 'c2', 'c3'].flatMap((c) => [fired(c, 0, 'seats-ab', 'a'), shown(c, 0, 'seats-ab', 'a')]),
    clicked('c1', 0.1, 'seats-ab', 'a'),
    upgraded('c1', 0.2, 0, 29, 'seats-ab', 'a'),
    dismissed('c2', 0.1, 'seats-ab', 'a', 'too_expensive'),
    dismissed('c3', 0.1, 'seats-ab', 'a'),
    fired('c4', 0, 'seats-ab', 'b'),
    shown('c4', 0, 'seats-ab', 'b'),
    shown('c4', 1, 'seats-ab', 'b'),
    fired('c5', 0, 'seats-ab', 'b'),
    shown('c5', 0, 'seats-ab', 'b'),
    clicked('c4', 1.1, 'seats-ab', 'b'),
    event('trial.started', 'c4', 1.2, { triggerId: 'seats-ab', variant: 'b', plan: 'team', endsAt: T0 + 8 * DAY }, 29),
    upgraded('c4', 2, 29, 50, 'seats-ab', 'b'),
    dismissed('c5', 0.1, 'seats-ab', 'b', 'not_now'),
  ];

  it('counts the funnel per variant and across variants', () => {
    const report = buildReport(abEvents, config);
    const a = variantOf(report, 'seats-ab', 'a');
    // 3 shown, 1 clicked, 1 converted → 33.3% each; c1 was free, so its +29 is new MRR.
    expect(a).toMatchObject({ inConfig: true, fired: 3, shown: 3, clicked: 1, trialsStarted: 0, conversions: 1, newMrr: 29, expansionMrr: 0 });
    expect(a?.conversionRate).toBeCloseTo(1 / 3);
    expect(a?.clickThroughRate).toBeCloseTo(1 / 3);
    expect(a?.dismissed).toEqual({ total: 2, not_now: 0, too_expensive: 1, not_needed: 0, other: 0, unspecified: 1, forever: 0 });

    const b = variantOf(report, 'seats-ab', 'b');
    // 3 impressions for 2 customers; 1 converted → 1/3 of impressions, 1/2 of customers.
    expect(b).toMatchObject({ fired: 2, shown: 3, clicked: 1, trialsStarted: 1, conversions: 1, newMrr: 0, expansionMrr: 50 });
    expect(b).toMatchObject({ shownCustomers: 2, shownCustomersConverted: 1, shownCustomerConversionRate: 0.5 });
    expect(b?.conversionRate).toBeCloseTo(1 / 3);
    expect(b?.dismissed).toEqual({ total: 1, not_now: 1, too_expensive: 0, not_needed: 0, other: 0, unspecified: 0, forever: 0 });

    const total = triggerOf(report, 'seats-ab');
    // 5 fired, 6 shown, 2 clicked, 2 converted → 2/6 = 33.3%; 5 customers shown, 2 converted → 40%.
    expect(total).toMatchObject({ fired: 5, shown: 6, clicked: 2, trialsStarted: 1, conversions: 2, newMrr: 29, expansionMrr: 50 });
    expect(total).toMatchObject({ shownCustomers: 5, shownCustomersConverted: 2, shownCustomerConversionRate: 0.4 });
    expect(total.conversionRate).toBeCloseTo(2 / 6);
    expect(total.clickThroughRate).toBeCloseTo(2 / 6);
    expect(total.dismissed).toEqual({ total: 3, not_now: 1, too_expensive: 1, not_needed: 0, other: 0, unspecified: 1, forever: 0 });
  });

  it('lists every configured trigger and variant in config order, with zeros and null rates when silent', () => {
    const report = buildReport(abEvents, config);
    expect(report.triggers.map((t) => t.triggerId)).toEqual(['seats-ab', 'power-user-pdf', 'quiet']);
    expect(triggerOf(report, 'seats-ab').variants.map((v) => v.variant)).toEqual(['a', 'b']);
    const quiet = triggerOf(report, 'quiet');
    expect(quiet).toMatchObject({ inConfig: true, holdoutShare: 0, fired: 0, shown: 0, conversions: 0 });
    // Nothing shown: a rate of 0/0 is unknown, not 0%.
    expect(quiet).toMatchObject({ conversionRate: null, clickThroughRate: null, shownCustomerConversionRate: null, lift: null });
    expect(quiet.variants).toEqual([expect.objectContaining({ variant: 'control', inConfig: true, shown: 0 })]);
    expect(triggerOf(report, 'power-user-pdf').holdoutShare).toBe(0.1);
  });

  it('counts dismissals by every reason, unknown reasons as other', () => {
    const events = [
      dismissed('c1', 0, 'quiet', 'control', 'not_now'),
      dismissed('c2', 0, 'quiet', 'control', 'too_expensive'),
      dismissed('c3', 0, 'quiet', 'control', 'not_needed'),
      dismissed('c4', 0, 'quiet', 'control', 'other'),
      dismissed('c5', 0, 'quiet', 'control'),
      // A reason from a newer SDK this version does not know.
      { ...dismissed('c6', 0, 'quiet', 'control'), reason: 'too_complicated' } as unknown as UpgradeKitEvent,
    ];
    expect(triggerOf(buildReport(events, config), 'quiet').dismissed).toEqual({
      total: 6,
      not_now: 1,
      too_expensive: 1,
      not_needed: 1,
      other: 2,
      unspecified: 1,
      forever: 0,
    });
  });

  it('counts an event id once, however often it arrives', () => {
    const show = shown('c1', 0, 'quiet');
    const upgrade = upgraded('c1', 1, 29, 50, 'quiet');
    // A retried batch delivers the same ids again, as copies.
    const usage = seen('c1', 0, 29);
    const events = [usage, show, { ...show }, upgrade, { ...upgrade }, { ...upgrade }, { ...usage }];
    const report = buildReport(events, config);
    // 1 shown, 1 converted → 100%, not 2 shown / 3 conversions.
    expect(triggerOf(report, 'quiet')).toMatchObject({ shown: 1, conversions: 1, conversionRate: 1, expansionMrr: 50 });
    // 7 read; the 3 funnel copies are skipped; the repeated gate hit changes nothing and is not tracked.
    expect(report.totals).toMatchObject({ events: 7, duplicates: 3, customers: 1, startingMrr: 29, conversions: 1, expansionMrr: 50 });
  });

  it('ignores events outside [from, to) and takes starting MRR before the first event inside', () => {
    const from = T0 + 10 * DAY;
    const to = T0 + 20 * DAY;
    const events = [
      shown('c1', 9.9, 'quiet'), // before from
      shown('c1', 10, 'quiet'), // at from: in
      shown('c2', 19.9, 'quiet'), // in
      shown('c3', 20, 'quiet'), // at to: out
      // c4 paid 29 before the window and 79 from its upgrade on day 12; listed out of order.
      seen('c4', 15, 79),
      upgraded('c4', 12, 29, 50),
      seen('c4', 5, 29),
      // c5 pays 29 throughout; its first event in the window is day 11.
      seen('c5', 11, 29),
      upgraded('c5', 25, 29, 50),
    ];
    const report = buildReport(events, config, { from, to });
    expect(report).toMatchObject({ from, to });
    expect(triggerOf(report, 'quiet').shown).toBe(2);
    // Each customer's MRR on their first event in range: c4's upgrade on day 12 (29, before it),
    // not its day-5 event (out of range) nor its later day-15 one (79). c5: 29. c1, c2: 0.
    expect(report.totals).toMatchObject({ events: 5, customers: 4, startingMrr: 58, expansionMrr: 50, conversions: 1 });
    // Expansion 50 over a starting 58.
    expect(report.totals.expansionRate).toBeCloseTo(50 / 58);
  });

  describe('holdout and lift', () => {
    // Held out on day 1: h1 upgrades on day 3 (within 7d), h2 on day 10 (9 days later: too late),
    //   h3 never, h4 on day 0 (before it was held out). → 1 of 4 converted: 25%.
    // Shown on day 1: s1 upgrades on day 2 (attributed), s2 on day 8 = exactly 7d later (unattributed,
    //   still counts at customer level), s3 on day 4 (attributed), s4 and s5 never. → 3 of 5: 60%.
    // Lift: (60% − 25%) / 25% = 1.4.
    const events = [
      ...['h1', 'h2', 'h3', 'h4'].flatMap((c) => [fired(c, 1, 'power-user-pdf'), heldOut(c, 1, 'power-user-pdf')]),
      upgraded('h1', 3, 0, 29),
      upgraded('h2', 10, 0, 29),
      upgraded('h4', 0, 0, 29),
      ...['s1', 's2', 's3', 's4', 's5'].flatMap((c) => [fired(c, 1, 'power-user-pdf'), shown(c, 1, 'power-user-pdf')]),
      upgraded('s1', 2, 0, 29, 'power-user-pdf'),
      upgraded('s2', 8, 0, 29),
      upgraded('s3', 4, 0, 29, 'power-user-pdf'),
    ];

    it('compares customers shown with customers held out within the attribution window', () => {
      const report = buildReport(events, config);
      const pdf = triggerOf(report, 'power-user-pdf');
      expect(report.attributionWindowMs).toBe(7 * DAY);
      // 9 fired, 4 held out, 5 shown; 2 attributed conversions of 5 impressions → 40%.
      expect(pdf).toMatchObject({ fired: 9, heldOut: 4, shown: 5, conversions: 2, conversionRate: 0.4 });
      expect(pdf).toMatchObject({ heldOutCustomers: 4, heldOutConversions: 1, holdoutConversionRate: 0.25 });
      expect(pdf).toMatchObject({ shownCustomers: 5, shownCustomersConverted: 3, shownCustomerConversionRate: 0.6 });
      expect(pdf.lift).toBeCloseTo(1.4);
      // The single control variant is measured against the same holdout.
      expect(pdf.variants[0]?.lift).toBeCloseTo(1.4);
    });

    it('gives the same answer whatever order the events arrive in', () => {
      const pdf = triggerOf(buildReport([...events].reverse(), config), 'power-user-pdf');
      expect(pdf).toMatchObject({ heldOutConversions: 1, shownCustomersConverted: 3 });
      expect(pdf.lift).toBeCloseTo(1.4);
    });

    it('uses policy.attributionWindow, and has no lift when no held-out customer converted', () => {
      const report = buildReport(events, configWith(config.triggers, { attributionWindow: '1d' }));
      const pdf = triggerOf(report, 'power-user-pdf');
      expect(report.attributionWindowMs).toBe(DAY);
      // Within 1 day: h1 (2 days) no longer counts → 0 of 4; s1 (1 day, inclusive) only → 1 of 5.
      expect(pdf).toMatchObject({ heldOutConversions: 0, holdoutConversionRate: 0, shownCustomersConverted: 1 });
      expect(pdf.shownCustomerConversionRate).toBeCloseTo(0.2);
      // (20% − 0%) / 0% is undefined.
      expect(pdf.lift).toBeNull();
    });

    it('counts a customer shown two variants once for the trigger', () => {
      const report = buildReport(
        [shown('c1', 0, 'seats-ab', 'a'), shown('c1', 1, 'seats-ab', 'b'), upgraded('c1', 2, 0, 29), shown('c2', 0, 'seats-ab', 'a')],
        config,
      );
      // Customers: a → c1, c2 (1 converted); b → c1 (1 converted); trigger → c1, c2 (1 converted).
      expect(variantOf(report, 'seats-ab', 'a')).toMatchObject({ shownCustomers: 2, shownCustomersConverted: 1 });
      expect(variantOf(report, 'seats-ab', 'b')).toMatchObject({ shownCustomers: 1, shownCustomersConverted: 1 });
      expect(triggerOf(report, 'seats-ab')).toMatchObject({ shownCustomers: 2, shownCustomersConverted: 1, shownCustomerConversionRate: 0.5 });
    });
  });

  it('classifies MRR movements: free → paid is new MRR, not expansion', () => {
    const events = [
      // a: free → pro. Its only event is the upgrade, made at MRR 0.
      upgraded('a', 1, 0, 29),
      // b: pro → team, +50 (attributed).
      seen('b', 0, 29),
      upgraded('b', 1, 29, 50, 'power-user-pdf'),
      // c: team → pro, −50 and still paying: contraction.
      seen('c', 0, 79),
      upgraded('c', 1, 79, -50),
      // d: pro → free, −29: churn.
      seen('d', 0, 29),
      upgraded('d', 1, 29, -29),
      // e: pro + seats add-on (+10), then + API add-on (+15).
      seen('e', 0, 29),
      upgraded('e', 1, 29, 10),
      upgraded('e', 2, 39, 15),
      // f: a plan switch at the same price moves nothing.
      seen('f', 0, 29),
      upgraded('f', 1, 29, 0),
    ];
    const { totals } = buildReport(events, config);
    // Starting: a 0 + b 29 + c 79 + d 29 + e 29 + f 29 = 195. Expansion: 50 + 10 + 15 = 75.
    expect(totals).toMatchObject({
      customers: 6,
      startingMrr: 195,
      newMrr: 29,
      expansionMrr: 75,
      contractionMrr: 50,
      churnedMrr: 29,
      // Positive deltas: a, b, e, e → 4, of which b is attributed.
      conversions: 4,
      attributedConversions: 1,
      unattributedConversions: 3,
    });
    // 75 / 195 = 38.5%.
    expect(totals.expansionRate).toBeCloseTo(75 / 195);
  });

  it('has no expansion rate without starting MRR', () => {
    const { totals } = buildReport([upgraded('a', 1, 0, 29)], config);
    expect(totals).toMatchObject({ startingMrr: 0, newMrr: 29, expansionMrr: 0, expansionRate: null });
  });

  it('reports triggers and variants that only events name, flagged not in config', () => {
    const report = buildReport(
      [
        shown('c1', 0, 'legacy-banner'),
        upgraded('c1', 1, 0, 29, 'legacy-banner'),
        shown('c2', 0, 'seats-ab', 'c'),
        // An attributed trial or upgrade without a variant counts as control.
        event('trial.started', 'c3', 0, { triggerId: 'quiet', endsAt: T0 + 14 * DAY }),
      ],
      config,
    );
    expect(report.triggers.map((t) => [t.triggerId, t.inConfig])).toEqual([
      ['seats-ab', true],
      ['power-user-pdf', true],
      ['quiet', true],
      ['legacy-banner', false],
    ]);
    expect(triggerOf(report, 'legacy-banner')).toMatchObject({ shown: 1, conversions: 1, conversionRate: 1, newMrr: 29, holdoutShare: 0 });
    expect(triggerOf(report, 'seats-ab').variants.map((v) => [v.variant, v.inConfig, v.shown])).toEqual([
      ['a', true, 0],
      ['b', true, 0],
      ['c', false, 1],
    ]);
    expect(variantOf(report, 'quiet', 'control')?.trialsStarted).toBe(1);
    expect(report.totals).toMatchObject({ attributedConversions: 1, unattributedConversions: 0 });
  });

  it('reads any iterable once, including a generator', () => {
    function* stream() {
      yield shown('c1', 0, 'quiet');
      yield upgraded('c1', 1, 0, 29, 'quiet');
    }
    expect(triggerOf(buildReport(stream(), config), 'quiet')).toMatchObject({ shown: 1, conversions: 1 });
    expect(buildReport([], config).totals).toMatchObject({ events: 0, customers: 0, startingMrr: 0, expansionRate: null });
  });
});
