import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashToUnit } from '@upgradekit/core/internal';
import { parseEvent, type UpgradeKitEvent } from '@upgradekit/core/report';
import { readCanonicalActivity, readCanonicalEvent } from '../canonicalEvent.js';
import { customerOfLine, shardOf } from '../customerShard.js';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261201) });

const base = { v: 1, id: '0mvyyy54aqjpo6z60j9t', at: 1793606412394, customerId: 'cus_0790', mrr: 29, sdkVersion: '0.1.0', configVersion: 'v7' } as const;
const trigger = { triggerId: 'sso-interest', variant: 'control' };

/** One event of each type the fast path reads, in the SDK's own key order. */
const CANONICAL: UpgradeKitEvent[] = [
  { ...base, type: 'usage.tracked', feature: 'projects', amount: 1, usage: 12.5 },
  { ...base, type: 'gate.hit', feature: 'sso' },
  { ...base, type: 'event.recorded', name: 'project.created', props: { feature: 'projects', count: -2.5, ok: true, none: null, '': '' } },
  { ...base, type: 'event.recorded', name: 'report.opened' },
  { ...base, type: 'prompt.shown', ...trigger, kind: 'tooltip', placement: 'settings' },
  { ...base, type: 'prompt.dismissed', ...trigger, reason: 'not_now' },
  { ...base, type: 'prompt.clicked', ...trigger, cta: 'upgrade' },
  { ...base, type: 'prompt.held_out', ...trigger, variant: 'holdout' },
];
const ACTIVITY_TYPES = new Set(['usage.tracked', 'gate.hit', 'event.recorded']);

/** What the general way reads from a line: `JSON.parse`, then `parseEvent`. */
function generally(line: string): UpgradeKitEvent | undefined {
  try {
    const result = parseEvent(JSON.parse(line));
    return result.success ? result.event : undefined;
  } catch {
    return undefined;
  }
}

const activityOf = (event: UpgradeKitEvent) => ({ customerId: event.customerId, at: event.at, mrr: event.mrr, configVersion: event.configVersion });

describe('readCanonicalEvent', () => {
  it('reads a line in the SDK shape as JSON.parse and parseEvent do, with or without a config version', () => {
    for (const event of CANONICAL) {
      const { configVersion, ...unversioned } = event;
      for (const line of [JSON.stringify(event), JSON.stringify(unversioned)]) {
        const read = readCanonicalEvent(line);
        expect(read, line).toEqual(generally(line));
        expect(read !== undefined && 'configVersion' in read).toBe(line.includes('configVersion'));
      }
      expect(configVersion).toBe('v7');
    }
  });

  it('leaves every other shape to the general way: keys in another order, spaces, extra or missing fields, escapes, other types', () => {
    const [usage, gate] = CANONICAL as [UpgradeKitEvent, UpgradeKitEvent];
    const others = [
      JSON.stringify({ ...usage, v: undefined, id: usage.id, v2: 1 }),
      JSON.stringify(usage, null, 1),
      JSON.stringify({ ...usage, note: 'x' }),
      JSON.stringify({ ...gate, feature: 'a"b' }),
      JSON.stringify({ ...gate, feature: 'tab\there' }),
      JSON.stringify({ ...gate, at: 1e21 }),
      JSON.stringify({ ...gate, type: 'trial.ended' }),
      JSON.stringify({ ...gate, feature: 'x'.repeat(600) }),
      JSON.stringify(usage).replace('"mrr":29', '"mrr":-29'),
      JSON.stringify(usage).replace('"amount":1', '"amount":1e400'),
      JSON.stringify(usage).replace('"v":1', '"v":1.0'),
    ];
    for (const line of others) expect(readCanonicalEvent(line), line).toBeUndefined();
  });

  it('never reads a line differently from the general way, however a valid line is edited', () => {
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 3 }), insert: fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('"', '\\\\', '\\\\"', '\\u0000', 'é', '😀', ',"x":1', '-', '.5', 'e9', '}', '\\n')) });
    fc.assert(
      fc.property(fc.constantFrom(...CANONICAL), edit, (event, { at, remove, insert }) => {
        const line = JSON.stringify(event);
        const position = at % line.length;
        const edited = line.slice(0, position) + insert + line.slice(position + remove);
        const read = readCanonicalEvent(edited);
        if (read !== undefined) expect(read).toEqual(generally(edited));
        const activity = readCanonicalActivity(edited);
        if (activity !== undefined) {
          const event = generally(edited);
          expect(event && ACTIVITY_TYPES.has(event.type)).toBe(true);
          expect(activity).toEqual(activityOf(event!));
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('reads any text and number the SDK may write as JSON.parse does', () => {
    const text = fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' });
    const number = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 0.1, 1e-7, 2 ** 53));
    fc.assert(
      fc.property(text, text, number, number, fc.nat(), (customerId, feature, amount, usage, mrr) => {
        const line = JSON.stringify({ ...base, customerId, mrr, type: 'usage.tracked', feature, amount, usage });
        const read = readCanonicalEvent(line);
        if (read !== undefined) expect(read).toEqual(generally(line));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('readCanonicalActivity', () => {
  it('reads what a report counts of usage, gate hits and product events, and nothing of other types', () => {
    for (const event of CANONICAL) {
      const activity = readCanonicalActivity(JSON.stringify(event));
      if (ACTIVITY_TYPES.has(event.type)) expect(activity).toEqual(activityOf(event));
      else expect(activity).toBeUndefined();
    }
    const { configVersion: _, ...unversioned } = CANONICAL[0]!;
    expect(readCanonicalActivity(JSON.stringify(unversioned))).toEqual({ ...activityOf(CANONICAL[0]!), configVersion: undefined });
  });
});

describe('customer shards', () => {
  it("finds a line's customer from its head, or from the JSON when the line has another shape", () => {
    const line = JSON.stringify(CANONICAL[0]);
    expect(customerOfLine(line)).toBe('cus_0790');
    expect(customerOfLine(JSON.stringify({ type: 'gate.hit', props: { customerId: 'other' }, customerId: 'cus_1' }))).toBe('cus_1');
    expect(customerOfLine(JSON.stringify({ ...CANONICAL[0], customerId: 'a"b' }))).toBe('a"b');
    expect(customerOfLine('not json')).toBeUndefined();
    expect(customerOfLine('{"customerId":7}')).toBeUndefined();
  });

  it('deals customers evenly to shards, the same way every time', () => {
    const counts = [0, 0, 0];
    for (let index = 0; index < 3000; index++) counts[shardOf(`cus_${index}`, 3)]!++;
    for (const count of counts) expect(count).toBeGreaterThan(900);
    expect(shardOf('cus_42', 3)).toBe(shardOf('cus_42', 3));
  });

  it("spreads each shard's customers over all of a simulation's buckets", () => {
    // A simulation's buckets take a customer by hashToUnit's high bits (customerBuckets.ts).
    const pairs = new Map<string, number>();
    for (let index = 0; index < 4000; index++) {
      const key = `${shardOf(`cus_${index}`, 2)}:${Math.floor(hashToUnit(`cus_${index}`) * 8)}`;
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    }
    expect(pairs.size).toBe(16);
    for (const count of pairs.values()) expect(count).toBeGreaterThan(150);
  });
});
