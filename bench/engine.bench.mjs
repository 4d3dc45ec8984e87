// The prompt engine under load: track() with 100 triggers over 50 features, with
// incremental evaluation against re-evaluating every trigger on every change
// (measured in the same run), and the heap after 1M tracked events and gate hits.
// Reads the built package (npm run build).
import { createPromptEngine, createUpgradeKit } from '../packages/core/dist/index.js';
import { createMemoryPlatform } from '../packages/core/dist/testing.js';
import { heapAfterGc, nsPerOp } from './measure.mjs';

const FEATURES = 50;
const TRIGGERS = 100;

const featureIds = Array.from({ length: FEATURES }, (_, index) => `feature${index}`);
const config = {
  features: Object.fromEntries(featureIds.map((id) => [id, { type: 'metered', reset: 'month' }])),
  plans: [
    { id: 'free', price: { amount: 0, currency: 'USD', interval: 'month' }, grants: Object.fromEntries(featureIds.map((id) => [id, 1_000_000_000])) },
    { id: 'pro', price: { amount: 29, currency: 'USD', interval: 'month' }, grants: Object.fromEntries(featureIds.map((id) => [id, 'unlimited'])) },
  ],
  // Two triggers per feature: a usage threshold, and a compound of gate hits and usage.
  triggers: Array.from({ length: TRIGGERS }, (_, index) => {
    const feature = featureIds[index % FEATURES];
    return index < FEATURES
      ? { id: `near-limit-${index}`, when: { usage: { feature, atLeast: 0.8 } }, prompt: { kind: 'banner' } }
      : {
          id: `power-user-${index}`,
          when: { all: [{ gateHits: { feature, atLeast: 3, within: '7d' } }, { usage: { feature, atLeast: 0.5 } }] },
          prompt: { kind: 'modal' },
        };
  }),
};

function setup(incremental) {
  // No storage: the benchmark measures evaluation, not JSON writes (those are coalesced anyway).
  const kit = createUpgradeKit({
    config,
    customer: { id: 'bench', plan: 'free' },
    platform: createMemoryPlatform({ storage: null }),
    onWarning: () => {},
    prompts: (core) => createPromptEngine(core, { incremental }),
  });
  return { kit, engine: kit.prompts };
}

function nsPerTrack(kit, iterations) {
  let feature = 0;
  return nsPerOp((count) => {
    for (let index = 0; index < count; index++) {
      kit.track(featureIds[feature]);
      feature = feature === FEATURES - 1 ? 0 : feature + 1;
    }
  }, iterations, 5);
}

export async function run() {
  const incremental = setup(true);
  const full = setup(false);
  const fullNs = nsPerTrack(full.kit, 20_000);
  const incrementalNs = nsPerTrack(incremental.kit, 200_000);
  full.engine.destroy();
  full.kit.destroy();

  // 1M events: tracked usage and gate hits alternate over every feature.
  const { kit, engine } = setup(true);
  for (let index = 0; index < 20_000; index++) kit.track(featureIds[index % FEATURES]);
  const before = heapAfterGc();
  for (let index = 0; index < 1_000_000; index++) {
    const feature = featureIds[index % FEATURES];
    if (index & 1) kit.recordGateHit(feature);
    else kit.track(feature);
  }
  const after = heapAfterGc();
  const fired = engine.getSnapshot().fired.size;
  engine.destroy();
  kit.destroy();
  incremental.engine.destroy();
  incremental.kit.destroy();

  return [
    {
      name: `track() with ${TRIGGERS} triggers over ${FEATURES} features`,
      value: incrementalNs,
      unit: 'ns/op',
      baseline: { name: 're-evaluating every trigger', value: fullNs },
    },
    {
      name: 'heap growth after 1M track() and gate hits',
      value: (after - before) / 1024,
      unit: 'KiB',
      note: `${fired} triggers holding at the end; counters are bucketed, so memory does not grow with events${globalThis.gc ? '' : ' (run with --expose-gc for exact figures)'}`,
    },
  ];
}
