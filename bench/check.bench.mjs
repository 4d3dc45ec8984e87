// check() and track() against a bare Map.get loop measured in the same run, and
// the heap after 1M track() calls. Reads the built package (npm run build).
import { nsPerOp, heapAfterGc } from './measure.mjs';
import { check, createUpgradeKit, parseConfig, parseCustomer } from '../packages/core/dist/index.js';
import { createMemoryPlatform } from '../packages/core/dist/testing.js';

const NOW = Date.UTC(2028, 2, 10, 12);

const configInput = {
  features: {
    projects: { type: 'metered', reset: 'never' },
    apiCalls: { type: 'metered', reset: 'month' },
    exports: { type: 'metered', reset: 'day' },
    seats: { type: 'seats' },
    pdfExport: { type: 'boolean' },
    sso: { type: 'boolean', failMode: 'open' },
  },
  plans: [
    { id: 'free', price: { amount: 0, currency: 'USD', interval: 'month' }, grants: { projects: 3, apiCalls: 1000, exports: 5, seats: 2 } },
    { id: 'pro', price: { amount: 29, currency: 'USD', interval: 'month' }, grants: { projects: 20, apiCalls: 10000, exports: 50, seats: 5, pdfExport: true } },
    { id: 'team', price: { amount: 948, currency: 'USD', interval: 'year' }, grants: { projects: 'unlimited', apiCalls: 100000, exports: 'unlimited', seats: 20, pdfExport: true, sso: true } },
  ],
  addOns: [
    { id: 'seats5', price: { amount: 10, currency: 'USD', interval: 'month' }, grants: { seats: 5 }, plans: ['pro', 'team'], maxQuantity: 4 },
    { id: 'api10k', price: { amount: 15, currency: 'USD', interval: 'month' }, grants: { apiCalls: 10000 }, maxQuantity: 3 },
  ],
  trials: [{ feature: 'pdfExport', duration: '14d' }],
};
const customerInput = { id: 'bench', plan: 'pro', addOns: ['seats5'], usage: { projects: 12, apiCalls: 4200, exports: 3, seats: 6 }, usageAsOf: NOW };
// Eight lookups over six features, as a page that shows a few meters and gates would do.
const IDS = ['projects', 'apiCalls', 'exports', 'seats', 'pdfExport', 'sso', 'apiCalls', 'projects'];
const MASK = IDS.length - 1;

/** Keeps the measured results observable, so no loop can be optimised away. */
let sink = 0;

const nextTask = () => new Promise((resolve) => setImmediate(resolve));

/** track() on a client whose config has `count` metered features (no triggers), cycling over four of them. */
function nsPerTrackAt(count) {
  const ids = Array.from({ length: count }, (_, index) => `f${index}`);
  const config = {
    features: Object.fromEntries(ids.map((id) => [id, { type: 'metered', reset: 'month' }])),
    plans: [{ id: 'free', price: { amount: 0, currency: 'USD', interval: 'month' }, grants: Object.fromEntries(ids.map((id) => [id, 1_000_000_000])) }],
  };
  const usage = Object.fromEntries(ids.map((id) => [id, 1]));
  const kit = createUpgradeKit({ config, customer: { id: `bench-${count}`, plan: 'free', usage, usageAsOf: NOW }, platform: createMemoryPlatform({ now: () => NOW }) });
  const tracked = ids.slice(0, 4);
  const ns = nsPerOp((n) => {
    for (let i = 0; i < n; i++) kit.track(tracked[i & 3], i & 4 ? -1 : 1);
  }, 300_000);
  kit.destroy();
  return ns;
}

export async function run() {
  const parsed = parseConfig(configInput);
  if (!parsed.success) throw new Error(parsed.errors.join('\n'));
  const config = parsed.config;
  const { customer } = parseCustomer(customerInput, config, NOW);
  const platform = createMemoryPlatform({ now: () => NOW });
  const kit = createUpgradeKit({ config: configInput, customer: customerInput, platform });

  // Baseline: the same lookups in a Map holding ready results.
  const results = new Map(IDS.map((id) => [id, check(config, customer, id, { now: NOW })]));
  const mapGet = nsPerOp((n) => {
    let total = 0;
    for (let i = 0; i < n; i++) total += results.get(IDS[i & MASK]).usage;
    sink += total;
  }, 5_000_000);
  const cached = nsPerOp((n) => {
    let total = 0;
    for (let i = 0; i < n; i++) total += kit.check(IDS[i & MASK]).usage;
    sink += total;
  }, 5_000_000);
  const pure = nsPerOp((n) => {
    let total = 0;
    for (let i = 0; i < n; i++) total += check(config, customer, IDS[i & MASK], { now: NOW }).usage;
    sink += total;
  }, 1_000_000);
  const baseline = { name: 'Map.get loop', value: mapGet };
  // One pass to warm the JIT up, so the first size measured is not the one that pays for it.
  nsPerTrackAt(50);
  const trackAt = [5, 50, 500].map((features) => ({ features, ns: nsPerTrackAt(features) }));

  const tracked = ['apiCalls', 'exports', 'seats', 'apiCalls'];
  const track = nsPerOp((n) => {
    for (let i = 0; i < n; i++) kit.track(tracked[i & 3], i & 4 ? -1 : 1);
  }, 200_000);
  kit.destroy();

  // Heap: a fresh client, 1M track() calls in batches with the event loop turning between
  // them (persistence and timers run as in an app), on a clock that moves 100 ms a call.
  let now = NOW;
  const heapKit = createUpgradeKit({ config: configInput, customer: customerInput, platform: createMemoryPlatform({ now: () => now }) });
  for (let i = 0; i < 10_000; i++) heapKit.track(tracked[i & 3], 1);
  await nextTask();
  const before = heapAfterGc();
  const CALLS = 1_000_000;
  for (let batch = 0; batch < CALLS / 10_000; batch++) {
    for (let i = 0; i < 10_000; i++) {
      now += 100;
      heapKit.track(tracked[i & 3], i & 4 ? -1 : 1);
    }
    await nextTask();
  }
  const after = heapAfterGc();
  const usage = heapKit.check('apiCalls').usage;
  heapKit.destroy();
  const growthKb = (after - before) / 1024;
  const mb = (bytes) => (bytes / 1048576).toFixed(2);

  if (sink === 0.5) console.log(sink);
  return [
    { name: 'Map.get loop (baseline)', value: mapGet, unit: 'ns/op' },
    { name: 'kit.check() cached', value: cached, unit: 'ns/op', baseline },
    { name: 'check() pure, uncached', value: pure, unit: 'ns/op', baseline, note: 'full evaluation each call: plan lookup, period, add-ons, upgrade path near limits' },
    { name: 'kit.track()', value: track, unit: 'ns/op', baseline, note: `${config.triggers.length} triggers; optimistic update, store notify, tab post, coalesced persist` },
    ...trackAt.map(({ features, ns }) => ({
      name: `kit.track() with ${features} features`,
      value: ns,
      unit: 'ns/op',
      baseline: { name: '5 features', value: trackAt[0].ns },
      note: features === 5 ? 'no triggers: the cost must not grow with the number of features' : undefined,
    })),
    {
      name: 'heap growth after 1M track()',
      value: growthKb,
      unit: 'KB',
      note:
        `${mb(before)} MB -> ${mb(after)} MB heap used` +
        (globalThis.gc ? ', after gc' : ' (gc not exposed: run node --expose-gc for a stable figure)') +
        `; final apiCalls usage ${usage}`,
    },
  ];
}
