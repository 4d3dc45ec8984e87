/**
 * Property-based checks with fast-check: arbitrary input into every API documented
 * as never throwing, and arbitrary state under the SDK's storage keys. Properties:
 * no throw, no hang (each run well under a second), `Object.prototype` untouched,
 * and `kit.check` equal to the pure `check`.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createUpgradeKit } from '../client/createUpgradeKit.js';
import { normalizeConfig } from '../config/normalize.js';
import { parseConfig } from '../config/parseConfig.js';
import { check } from '../entitlements/check.js';
import { parseCustomer } from '../entitlements/customer.js';
import { createMemoryPlatform, createMemoryStorage } from '../platform/memory.js';
import { createPromptEngine } from '../prompts/engine.js';
import { saasConfig } from './fixtures.js';

const RUNS = 300;
// A fixed seed keeps `npm test` deterministic; FC_SEED=<n> explores other inputs.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261201) });
/** A run slower than this is a hang, not a slow machine: every call here is microseconds of work. */
const HANG_MS = 1000;
const config = normalizeConfig(saasConfig);
const featureIds = Object.keys(config.features);
let runs = 0;

const protoKeys = () => Object.getOwnPropertyNames(Object.prototype).sort().join(',');
const cleanProto = protoKeys();

/** Runs `body`, failing on a throw, a hang or a polluted `Object.prototype`. */
function bounded(body: () => void) {
  runs++;
  const started = performance.now();
  body();
  expect(performance.now() - started).toBeLessThan(HANG_MS);
  expect(protoKeys()).toBe(cleanProto);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

/** Any value, including the hostile shapes JSON cannot hold: BigInt, symbols, functions, deep nesting, `__proto__` keys. */
const hostile = fc.oneof(
  fc.anything({ withBigInt: true, withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true, withObjectString: true, withSparseArray: true }),
  fc.jsonValue().map((value) => JSON.parse(JSON.stringify({ __proto__: { polluted: true }, value }).replace('"__proto__"', '"__proto__"'))),
  fc.constantFrom(Symbol('x'), () => {}, 10n, NaN, Infinity, -0),
  fc.integer({ min: 50, max: 3000 }).map((depth) => {
    let node: unknown = { activated: true };
    for (let level = 0; level < depth; level++) node = { not: node };
    return { ...saasConfig, triggers: [{ id: 't', when: node, prompt: { kind: 'banner' } }] };
  }),
);
const argument = fc.oneof(fc.constantFrom(...featureIds, 'unknown', '__proto__', 'constructor', 'toString'), hostile);

afterAll(() => {
  console.info(`[properties] ${runs} runs, none threw, hung or touched Object.prototype`);
});

describe('properties', () => {
  it('parseConfig returns a result for any input, and a valid config survives a JSON round trip', () => {
    fc.assert(
      fc.property(hostile, (input) =>
        bounded(() => {
          const result = parseConfig(input);
          expect(typeof result.success).toBe('boolean');
          if (result.success) expect(parseConfig(JSON.parse(JSON.stringify(result.config))).success).toBe(true);
          else expect(result.errors.length).toBeGreaterThan(0);
        }),
      ),
      { numRuns: RUNS },
    );
  });

  it('parseCustomer returns a customer for any input, and the pure check answers for it', () => {
    fc.assert(
      fc.property(hostile, fc.constantFrom(...featureIds), (input, featureId) =>
        bounded(() => {
          const { customer, warnings } = parseCustomer(input, config, Date.UTC(2026, 0, 1));
          expect(typeof customer.id).toBe('string');
          expect(Array.isArray(warnings)).toBe(true);
          expect(typeof check(config, customer, featureId).allowed).toBe('boolean');
          expect(() => JSON.stringify(customer)).not.toThrow();
        }),
      ),
      { numRuns: RUNS },
    );
  });

  it('the client takes any customer, stored state and calls without throwing, and kit.check equals the pure check', () => {
    const calls = fc.array(
      fc.oneof(
        fc.tuple(fc.constant('track' as const), argument, fc.oneof(fc.double(), argument)),
        fc.tuple(fc.constant('check' as const), argument, fc.oneof(fc.record({ attempt: fc.boolean() }), argument)),
        fc.tuple(fc.constant('recordEvent' as const), argument, argument),
        fc.tuple(fc.constant('recordGateHit' as const), argument, argument),
        fc.tuple(fc.constant('startTrial' as const), fc.oneof(fc.record({ feature: argument }), fc.record({ plan: argument }), argument), argument),
        fc.tuple(fc.constant('getTrial' as const), argument, argument),
        fc.tuple(fc.constant('setCustomer' as const), hostile, argument),
        fc.tuple(fc.constant('recordUpgrade' as const), fc.oneof(fc.record({ toPlan: fc.constantFrom('free', 'pro', 'team', 'x') }), argument), argument),
        fc.tuple(fc.constant('markDismissed' as const), fc.oneof(fc.constant('power-user-pdf'), argument), argument),
        fc.tuple(fc.constant('resume' as const), argument, argument),
        fc.tuple(fc.constant('advance' as const), fc.integer({ min: 0, max: 40 * 864e5 }), argument),
      ),
      { maxLength: 12 },
    );
    const stored = fc.record({ client: fc.oneof(hostile.map((value) => { try { return JSON.stringify(value) ?? 'null'; } catch { return '{'; } }), fc.string()), prompts: fc.string() });
    fc.assert(
      fc.property(hostile, stored, calls, (customerInput, state, steps) =>
        bounded(() => {
          let now = Date.UTC(2026, 0, 1);
          const storage = createMemoryStorage({ 'upgradekit:v1:client:c1': state.client, 'upgradekit:v1:prompts:c1': state.prompts });
          const kit = createUpgradeKit({
            config: saasConfig,
            customer: customerInput as never,
            platform: createMemoryPlatform({ storage, now: () => now }),
            prompts: createPromptEngine,
            onWarning: () => {},
          });
          for (const [name, first, second] of steps) {
            if (name === 'advance') now += first as number;
            else if (name === 'markDismissed') kit.prompts!.markDismissed(first as never, second as never, second as never);
            else (kit[name] as (a: unknown, b: unknown) => unknown)(first, second);
          }
          for (const featureId of featureIds) {
            expect(kit.check(featureId as never)).toEqual(check(config, kit.getSnapshot().customer, featureId, { now }));
          }
          kit.destroy();
        }),
      ),
      { numRuns: RUNS },
    );
  });
});
