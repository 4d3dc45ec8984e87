import { once } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '@upgradekit/core';
import type { SimulationPart, SimulationSpan } from '@upgradekit/core/replay';
import type { Shard } from '../ndjson/customerShard.js';
import { scanEvents, type EventScan } from '../ndjson/eventScan.js';
import { createSimulation, type TakenEvents } from './replay.js';

/** What `simulateInThreads` (runSimulation.ts) gives each worker thread. */
export interface SimulateShardInput {
  path: string;
  shard: Shard;
  configs: Config[];
  window: { from?: number | undefined; to?: number | undefined };
  /** The bytes of the file this shard groups by customer: its share. */
  shardBytes: number;
  bucketBytes: number;
  /** Whether to post progress (only for a progress bar: posting costs). */
  progress: boolean;
}

/** Worker to main thread: read progress (shard 0 only), what it read, replay progress, its part. */
export type SimulateShardMessage =
  | { kind: 'read-progress'; bytes: number }
  | { kind: 'read'; scan: EventScan; taken: TakenEvents }
  | { kind: 'replay-progress'; events: number }
  | { kind: 'done'; part: SimulationPart };

/** Main thread to worker: the span of the whole simulation, once every shard has read. */
export interface SimulateSpanMessage {
  span: SimulationSpan;
}

/** `report`, at most every 100 ms. */
function throttled(report: (events: number) => void): (events: number) => void {
  let last = 0;
  return (events) => {
    const now = performance.now();
    if (now - last < 100) return;
    last = now;
    report(events);
  };
}

/*
 * A worker thread's entry: reads the whole file and keeps the events of its
 * shard's customers (see `customerShard.ts`), reports what it took, waits for
 * the span every shard's weeks count from, replays its customers and posts its
 * part back.
 */
const input = workerData as SimulateShardInput;
const port = parentPort!;
const post = (message: SimulateShardMessage) => port.postMessage(message);
const simulation = createSimulation(input.configs, input.window, input.shardBytes, input.bucketBytes);
const scan = await scanEvents(input.path, (event, line) => simulation.add(event, line), {
  shard: input.shard,
  onProgress: input.progress && input.shard.index === 0 ? (bytes) => post({ kind: 'read-progress', bytes }) : undefined,
});
post({ kind: 'read', scan, taken: simulation.taken() });
const [{ span }] = (await once(port, 'message')) as [SimulateSpanMessage];
post({ kind: 'done', part: await simulation.replay(span, input.progress ? throttled((events) => post({ kind: 'replay-progress', events })) : undefined) });
