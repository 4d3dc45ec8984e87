import type { Config, UpgradeKitEvent } from '@upgradekit/core';
import { simulateHistories, type SimulationResult } from '@upgradekit/core/replay';
import { BUCKET_BYTES, createCustomerBuckets } from './customerBuckets.js';

export interface Simulation {
  /** Takes the stream's next event, with the line it was read from. */
  add(event: UpgradeKitEvent, line: string): void;
  /** Events taken so far (in the window). */
  size(): number;
  /** Replays every customer through each config; once, after the last event. `onProgress` counts the events replayed. */
  run(onProgress?: (events: number) => void): Promise<SimulationResult[]>;
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
      const span = { from: window.from ?? (Number.isFinite(firstAt) ? firstAt : null), to: window.to ?? (Number.isFinite(lastAt) ? lastAt : null) };
      try {
        return await simulateHistories(configs, buckets.customers(), span, onProgress);
      } finally {
        buckets.dispose();
      }
    },
  };
}
