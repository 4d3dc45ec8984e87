import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWellFormedEvent, MAX_PROPS } from '../eventGuard.js';
import { knownEventSchema, parseEvent } from '../eventSchema.js';

const base = { v: 1, id: 'evt1', at: Date.UTC(2026, 0, 1), customerId: 'c1', mrr: 29, sdkVersion: '0.1.0', configVersion: 'v7' };
const trigger = { triggerId: 't', variant: 'control' };

/** One sound event of every known type, as the SDK sends them. */
const SOUND = [
  { ...base, type: 'usage.tracked', feature: 'apiCalls', amount: 3, usage: 40 },
  { ...base, type: 'gate.hit', feature: 'sso' },
  { ...base, type: 'event.recorded', name: 'admin.invited', props: { role: 'admin', count: 2, ok: true, none: null } },
  { ...base, type: 'trigger.fired', ...trigger },
  { ...base, type: 'prompt.held_out', ...trigger, variant: 'holdout' },
  { ...base, type: 'prompt.shown', ...trigger, kind: 'modal', placement: 'header' },
  { ...base, type: 'prompt.clicked', ...trigger, cta: 'upgrade' },
  { ...base, type: 'prompt.dismissed', ...trigger, reason: 'not_now', forever: false },
  { ...base, type: 'trial.started', plan: 'team', endsAt: base.at + 1 },
  { ...base, type: 'trial.ended', feature: 'pdfExport' },
  { ...base, type: 'upgrade.completed', ...trigger, fromPlan: '', toPlan: 'pro', addOns: [{ id: 'seats5', quantity: 2 }], mrrDelta: 49 },
];

const strictlyValid = (value: unknown) => knownEventSchema.safeParse(value).success;

describe('isWellFormedEvent', () => {
  it('accepts every sound event of a known type', () => {
    for (const event of SOUND) expect(isWellFormedEvent(event), event.type).toBe(true);
  });

  it('leaves unknown types and non-plain values to parseEvent', () => {
    expect(isWellFormedEvent({ ...base, type: 'account.renamed' })).toBe(false);
    expect(parseEvent({ ...base, type: 'account.renamed' }).success).toBe(true);
    // Rare types (config.applied, config.rejected) are left to the schemas.
    const applied = { ...base, type: 'config.applied', url: 'https://example.com/config.json' };
    expect(isWellFormedEvent(applied)).toBe(false);
    expect(parseEvent(applied).success).toBe(true);
    expect(isWellFormedEvent(null)).toBe(false);
    expect(isWellFormedEvent([SOUND[0]])).toBe(false);
  });

  it('never accepts what the zod schemas refuse, whatever one field is replaced with or missing', () => {
    const anyValue = fc.oneof(
      fc.jsonValue(),
      fc.constantFrom(undefined, Infinity, -1, 0, '', 'x'.repeat(513), [], {}, Object.create(null)),
      fc.string({ maxLength: 600 }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...SOUND), fc.nat(), anyValue, fc.boolean(), (event, pick, value, remove) => {
        const keys = Object.keys(event);
        const key = keys[pick % keys.length]!;
        const mutated: Record<string, unknown> = { ...event };
        if (remove) delete mutated[key];
        else mutated[key] = value;
        if (isWellFormedEvent(mutated)) expect(strictlyValid(mutated)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with the schemas on nested add-ons and props', () => {
    const upgrade = SOUND[10]!;
    const recorded = SOUND[2]!;
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (addOns, props) => {
        for (const candidate of [{ ...upgrade, addOns }, { ...recorded, props }]) {
          if (isWellFormedEvent(candidate)) expect(strictlyValid(candidate)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseEvent bounds', () => {
  it(`refuses a product event with more than ${MAX_PROPS} props`, () => {
    const props = Object.fromEntries(Array.from({ length: MAX_PROPS + 1 }, (_, index) => [`p${index}`, index]));
    const result = parseEvent({ ...SOUND[2], props });
    expect(result).toEqual({ success: false, error: `props: has more than ${MAX_PROPS} props` });
    expect(parseEvent({ ...SOUND[2], props: Object.fromEntries(Object.entries(props).slice(0, MAX_PROPS)) }).success).toBe(true);
  });
});
