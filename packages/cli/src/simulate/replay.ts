import type { Config, UpgradeKitEvent } from '@upgradekit/core';
import { BUCKET_BYTES, createCustomerBuckets } from './customerBuckets.js';
import { readsOf } from './applyEvent.js';
import { replayCustomer } from './customerReplay.js';
import { createTally, type Tally } from './tally.js';

const DAY = 864e5;
const WEEK = 7 * DAY;

/** Prompts per active customer-week: how pushy the config feels to one customer. */
export interface WeeklyLoad {
  median: number | null;
  p95: number | null;
}

export interface TriggerSimulation {
  triggerId: string;
  /** Customers the trigger fired for (its condition held at some point). */
  firedCustomers: number;
  /** Times it fired (a customer fires again after the condition stopped holding). */
  fired: number;
  /** Customers it fired for who are in its holdout, and so see nothing. */
  heldOutCustomers: number;
  /** Prompts shown after governance (priorities, caps, cool-downs, max impressions, snoozes). */
  shown: number;
  shownCustomers: number;
  shownPerWeek: number;
  perCustomerWeek: WeeklyLoad;
}

export interface SimulationResult {
  configVersion: string | null;
  customers: number;
  /** Events replayed (in the window, repeated ids once). */
  events: number;
  /** The simulated span, epoch ms: `--from`/`--to`, else the first and last event. */
  from: number | null;
  to: number | null;
  weeks: number;
  triggers: TriggerSimulation[];
  total: { firedCustomers: number; shown: number; shownCustomers: number; shownPerWeek: number; perCustomerWeek: WeeklyLoad };
}

export interface Simulation {
  /** Takes the stream's next event, with the line it was read from. */
  add(event: UpgradeKitEvent, line: string): void;
  /** Events taken so far (in the window). */
  size(): number;
  /** Replays every customer through each config; once, after the last event. `onProgress` counts the events replayed. */
  run(onProgress?: (events: number) => void): Promise<SimulationResult[]>;
}

const loadOf = (histogram: Tally['weekly']): WeeklyLoad => ({ median: histogram.quantile(0.5), p95: histogram.quantile(0.95) });

/** A customer's history in time order (equal times keep the stream's order), each event id once. */
function historyOf(events: UpgradeKitEvent[]): UpgradeKitEvent[] {
  const ids = new Set<string>();
  return events.sort((a, b) => a.at - b.at).filter((event) => ids.size < ids.add(event.id).size);
}

function resultOf(config: Config, tally: Tally, events: number, from: number | null, to: number | null): SimulationResult {
  const weeks = from === null || to === null ? 0 : Math.max(to - from, DAY) / WEEK;
  const perWeek = (shown: number) => (weeks > 0 ? shown / weeks : 0);
  const triggers = tally.triggers.map(({ weekly, ...trigger }) => ({ ...trigger, shownPerWeek: perWeek(trigger.shown), perCustomerWeek: loadOf(weekly) }));
  const shown = triggers.reduce((sum, trigger) => sum + trigger.shown, 0);
  return {
    configVersion: config.version ?? null,
    customers: tally.customers,
    events,
    from,
    to,
    weeks,
    triggers,
    total: { firedCustomers: tally.customersFired, shown, shownCustomers: tally.customersShown, shownPerWeek: perWeek(shown), perCustomerWeek: loadOf(tally.weekly) },
  };
}

/**
 * Simulates configs on one event stream: the events are grouped by customer (in
 * bounded memory: `bucketBytes` of a `fileBytes` file at a time, see
 * `customerBuckets.ts`; default 4 MiB), and each customer's history, in time
 * order, is replayed through every config (see `customerReplay.ts`). Events
 * outside `[from, to)` are left out, as in the report; a repeated id counts once.
 */
export function createSimulation(
  configs: readonly Config[],
  window: { from?: number | undefined; to?: number | undefined },
  fileBytes: number,
  bucketBytes = BUCKET_BYTES,
): Simulation {
  const from = window.from ?? -Infinity;
  const to = window.to ?? Infinity;
  const buckets = createCustomerBuckets(fileBytes, bucketBytes);
  let firstAt = Infinity;
  let lastAt = -Infinity;
  let taken = 0;
  return {
    size: () => taken,
    add(event, line) {
      if (!(event.at >= from && event.at < to)) return;
      taken++;
      if (event.at < firstAt) firstAt = event.at;
      if (event.at > lastAt) lastAt = event.at;
      buckets.add(event, line);
    },
    async run(onProgress) {
      const start = window.from ?? (Number.isFinite(firstAt) ? firstAt : null);
      const end = window.to ?? (Number.isFinite(lastAt) ? lastAt : null);
      const tallies = configs.map((config) => createTally(config, start ?? 0));
      const reads = configs.map(readsOf);
      let events = 0;
      let replayed = 0;
      try {
        for await (const group of buckets.customers()) {
          replayed += group.length;
          const history = historyOf(group);
          events += history.length;
          configs.forEach((config, index) => replayCustomer(config, reads[index]!, history, tallies[index]!));
          onProgress?.(replayed);
        }
      } finally {
        buckets.dispose();
      }
      return configs.map((config, index) => resultOf(config, tallies[index]!, events, start, end));
    },
  };
}
