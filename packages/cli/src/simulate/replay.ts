import type { Config, UpgradeKitEvent } from '@upgradekit/core';
import { replayHistories, type SimulationPart, type SimulationSpan } from '@upgradekit/core/replay';
import { BUCKET_BYTES, createCustomerBuckets } from './customerBuckets.js';

/** The events a simulation took: how many, and the first and last time among them (epoch ms, `null` for none). */
export interface TakenEvents {
  count: number;
  firstAt: number | null;
  lastAt: number | null;
}

export interface Simulation {
  /** Takes the stream's next event, with the line it was read from. */
  add(event: UpgradeKitEvent, line: string): void;
  /** The events taken so far (in the window). */
  taken(): TakenEvents;
  /**
   * Replays every customer through each config, counting weeks from `span.from`;
   * once, after the last event. `onProgress` counts the events replayed.
   */
  replay(span: SimulationSpan, onProgress?: (events: number) => void): Promise<SimulationPart>;
}

/** The span of a simulation: the window where given, else the first and last event taken (by every shard). */
export function spanOf(window: { from?: number | undefined; to?: number | undefined }, taken: readonly TakenEvents[]): SimulationSpan {
  const times = (pick: (taken: TakenEvents) => number | null) => taken.map(pick).filter((at): at is number => at !== null);
  const firsts = times((part) => part.firstAt);
  const lasts = times((part) => part.lastAt);
  return { from: window.from ?? (firsts.length ? Math.min(...firsts) : null), to: window.to ?? (lasts.length ? Math.max(...lasts) : null) };
}

/**
 * Simulates configs on one event stream: the events are grouped by customer (in
 * bounded memory: `bucketBytes` of a `fileBytes` file at a time, see
 * `customerBuckets.ts`; default 4 MiB), and each customer's history, in time
 * order, is replayed through every config (core's `replayHistories`). Events
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
  let count = 0;
  return {
    taken: () => ({ count, firstAt: count ? firstAt : null, lastAt: count ? lastAt : null }),
    add(event, line) {
      if (!(event.at >= from && event.at < to)) return;
      count++;
      if (event.at < firstAt) firstAt = event.at;
      if (event.at > lastAt) lastAt = event.at;
      buckets.add(event, line);
    },
    async replay(span, onProgress) {
      try {
        return await replayHistories(configs, buckets.customers(), span, onProgress);
      } finally {
        buckets.dispose();
      }
    },
  };
}
