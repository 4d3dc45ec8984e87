// buildReport() throughput over a generated stream of 1,000,000 events, against a
// baseline measured in the same run: a bare loop that only counts events by type
// in a Map (the least any single pass over the same objects can cost).
import { assertConfig } from '../packages/core/dist/index.js';
import { buildReport } from '../packages/core/dist/conversion/index.js';
import { seededRandom } from '../packages/core/dist/testing.js';

const EVENTS = 1_000_000;
const CUSTOMERS = 20_000;
const RUNS = 5;
const DAY = 864e5;
const START = Date.UTC(2025, 0, 1);
const SPAN = 60 * DAY;

export const config = assertConfig({
  features: { projects: { type: 'metered' }, pdfExport: { type: 'boolean' } },
  plans: [
    { id: 'free', price: { amount: 0, currency: 'USD', interval: 'month' }, grants: { projects: 3 } },
    { id: 'pro', price: { amount: 29, currency: 'USD', interval: 'month' }, grants: { projects: 20, pdfExport: true } },
    { id: 'team', price: { amount: 79, currency: 'USD', interval: 'month' }, grants: { projects: 'unlimited', pdfExport: true } },
  ],
  triggers: ['t0', 't1', 't2', 't3', 't4'].map((id, index) => ({
    id,
    when: { usage: { feature: 'projects', atLeast: 0.7 } },
    prompt: { kind: 'modal' },
    experiment: index % 2 ? { holdout: 0.1, variants: [{ id: 'a' }, { id: 'b' }] } : { holdout: 0.1 },
  })),
});


// Roughly what an app emits: mostly usage and gate hits, a funnel of prompts, few upgrades.
const MIX = [
  ['usage.tracked', 0.55],
  ['gate.hit', 0.15],
  ['trigger.fired', 0.08],
  ['prompt.shown', 0.07],
  ['prompt.held_out', 0.01],
  ['prompt.clicked', 0.02],
  ['prompt.dismissed', 0.05],
  ['trial.started', 0.01],
  ['trial.ended', 0.01],
  ['upgrade.completed', 0.05],
];
const REASONS = ['not_now', 'too_expensive', 'not_needed', 'other', undefined];

export function generate(count) {
  // Seeded, so every run measures the same stream.
  const rand = seededRandom(42);
  const customerIds = Array.from({ length: CUSTOMERS }, (_, index) => `cus_${index}`);
  const mrr = new Float64Array(CUSTOMERS);
  const events = [];
  for (let index = 0; index < count; index++) {
    // About 0.5% are retried copies of an earlier event (same id).
    if (index > 0 && rand() < 0.005) {
      events.push({ ...events[Math.floor(rand() * index)] });
      continue;
    }
    const customer = Math.floor(rand() * CUSTOMERS);
    let pick = rand();
    let type = MIX[0][0];
    for (const [name, share] of MIX) {
      if ((pick -= share) < 0) {
        type = name;
        break;
      }
    }
    const at = START + Math.floor((index / count) * SPAN);
    const trigger = Math.floor(rand() * 6); // 5 configured triggers and one removed from the config
    const triggerId = trigger === 5 ? 'legacy' : `t${trigger}`;
    const variant = trigger % 2 ? (rand() < 0.5 ? 'a' : 'b') : 'control';
    const base = { v: 1, id: `${at.toString(36)}${index.toString(36).padStart(8, '0')}`, at, customerId: customerIds[customer], sdkVersion: '0.1.0' };
    let event;
    switch (type) {
      case 'usage.tracked':
        event = { ...base, mrr: mrr[customer], type, feature: 'projects', amount: 1, usage: Math.floor(rand() * 20) };
        break;
      case 'gate.hit':
      case 'trial.ended':
        event = { ...base, mrr: mrr[customer], type, feature: 'pdfExport' };
        break;
      case 'prompt.shown':
        event = { ...base, mrr: mrr[customer], type, triggerId, variant, kind: 'modal' };
        break;
      case 'prompt.clicked':
        event = { ...base, mrr: mrr[customer], type, triggerId, variant, cta: 'upgrade' };
        break;
      case 'prompt.dismissed':
        event = { ...base, mrr: mrr[customer], type, triggerId, variant, reason: REASONS[Math.floor(rand() * REASONS.length)] };
        break;
      case 'trial.started':
        event = { ...base, mrr: mrr[customer], type, triggerId, variant, plan: 'pro', endsAt: at + 14 * DAY };
        break;
      case 'upgrade.completed': {
        const before = mrr[customer];
        const after = before === 0 ? 29 : before === 29 ? (rand() < 0.8 ? 79 : 0) : 29;
        mrr[customer] = after;
        const attributed = rand() < 0.6 ? { triggerId, variant } : {};
        // `mrr` is the MRR before the change, as the client emits it.
        event = { ...base, mrr: before, type, fromPlan: 'x', toPlan: 'y', addOns: [], mrrDelta: after - before, ...attributed };
        break;
      }
      default:
        event = { ...base, mrr: mrr[customer], type, triggerId, variant };
    }
    events.push(event);
  }
  // Through JSON, as the CLI and a server read them: compact objects and flat strings,
  // rather than the spread-built objects and concatenated ids made above.
  return JSON.parse(JSON.stringify(events));
}

/** Context for the note: the id de-duplication buildReport cannot skip, on its own. */
function dedupeIds(events) {
  const seen = new Set();
  for (const event of events) seen.add(event.id);
  return seen.size;
}

function countByType(events) {
  const counts = new Map();
  for (const event of events) counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
  return counts;
}

/** Median wall time of `runs` calls after one warm-up call, in ms; collects garbage first when run with --expose-gc. */
function time(fn, runs) {
  fn();
  const times = [];
  for (let run = 0; run < runs; run++) {
    globalThis.gc?.();
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export async function run() {
  const events = generate(EVENTS);
  let report;
  const reportMs = time(() => (report = buildReport(events, config)), RUNS);
  const baselineMs = time(() => countByType(events), RUNS);
  const dedupeMs = time(() => dedupeIds(events), RUNS);
  const perSecond = (ms) => Math.round(EVENTS / (ms / 1000));
  const { totals } = report;
  return [
    {
      name: 'buildReport, 1M events',
      value: perSecond(reportMs),
      unit: 'events/s',
      baseline: { name: 'bare loop counting events by type in a Map', value: perSecond(baselineMs) },
      note:
        `median of ${RUNS}: ${reportMs.toFixed(0)} ms vs ${baselineMs.toFixed(1)} ms (${(reportMs / baselineMs).toFixed(1)}x); ` +
        `a bare Set of every id alone takes ${dedupeMs.toFixed(0)} ms; ` +
        `${CUSTOMERS.toLocaleString('en')} customers, ${totals.duplicates.toLocaleString('en')} duplicates, ${report.triggers.length} triggers`,
    },
    { name: 'buildReport, 1M events, wall time', value: Math.round(reportMs), unit: 'ms' },
  ];
}
