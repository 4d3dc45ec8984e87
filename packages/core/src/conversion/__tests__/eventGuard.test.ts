import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWellFormedEvent, MAX_EXPLAINED_LEAVES, MAX_PROPS } from '../eventGuard.js';
import { knownEventSchema, parseEvent } from '../eventSchema.js';

const base = { v: 1, id: 'evt1', at: Date.UTC(2026, 0, 1), customerId: 'c1', mrr: 29, sdkVersion: '0.1.0', configVersion: 'v7' };
const trigger = { triggerId: 't', variant: 'control' };

/** One sound event of every known type, as the SDK sends them. */
const SOUND = [
  { ...base, type: 'usage.tracked', feature: 'apiCalls', amount: 3, usage: 40 },
  { ...base, type: 'gate.hit', feature: 'sso' },
  { ...base, type: 'event.recorded', name: 'admin.invited', props: { role: 'admin', count: 2, ok: true, none: null } },
  { ...base, type: 'trigger.fired', ...trigger },
  {
    ...base,
    type: 'trigger.fired',
    ...trigger,
    explanation: {
      plan: 'free',
      leaves: [{ path: 'when.gateHits', leaf: 'gateHits', held: true, negated: false, actual: 2, expected: 'at least 2', text: '2 gate hits on sso in 30d (needs at least 2)' }],
      upgrade: { plan: 'team', addOns: [], limit: 'unlimited', mrrDelta: 99, currency: 'USD' },
    },
  },
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
    const upgrade = SOUND.find((event) => event.type === 'upgrade.completed')!;
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

describe('isWellFormedEvent on explanations', () => {
  const explained = SOUND.find((event) => 'explanation' in event) as { explanation: { leaves: Array<Record<string, unknown>>; upgrade: Record<string, unknown> } } & Record<string, unknown>;
  const anyValue = fc.oneof(fc.jsonValue(), fc.constantFrom(undefined, Infinity, NaN, -1, '', 'x'.repeat(513), [], {}, null, 'unlimited'), fc.string({ maxLength: 600 }));

  it('never accepts an explanation the schema refuses, whatever one field of it, of a leaf or of the offer is replaced with or missing', () => {
    fc.assert(
      fc.property(fc.constantFrom('explanation', 'leaf', 'offer'), fc.nat(), anyValue, fc.boolean(), (where, pick, value, remove) => {
        const explanation = structuredClone(explained.explanation) as unknown as Record<string, unknown>;
        const target = where === 'explanation' ? explanation : where === 'leaf' ? (explanation.leaves as Array<Record<string, unknown>>)[0]! : (explanation.upgrade as Record<string, unknown>);
        const keys = Object.keys(target);
        const key = keys[pick % keys.length]!;
        if (remove) delete target[key];
        else target[key] = value;
        const candidate = { ...explained, explanation };
        if (isWellFormedEvent(candidate)) expect(strictlyValid(candidate)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it(`accepts no more than ${MAX_EXPLAINED_LEAVES} leaves`, () => {
    const leaves = (count: number) => ({ ...explained, explanation: { ...explained.explanation, leaves: Array.from({ length: count }, () => explained.explanation.leaves[0]) } });
    expect(isWellFormedEvent(leaves(MAX_EXPLAINED_LEAVES))).toBe(true);
    expect(isWellFormedEvent(leaves(MAX_EXPLAINED_LEAVES + 1))).toBe(false);
    expect(strictlyValid(leaves(MAX_EXPLAINED_LEAVES + 1))).toBe(false);
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
