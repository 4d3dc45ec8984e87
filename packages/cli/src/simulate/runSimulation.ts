import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Config } from '@upgradekit/core';
import type { SimulationPart, SimulationSpan } from '@upgradekit/core/replay';
import type { Io } from '../io.js';
import { printProblems, readEvents } from '../ndjson/eventReader.js';
import { mergeScans, type EventScan } from '../ndjson/eventScan.js';
import { createProgress, type Progress } from '../progress.js';
import { UsageError } from '../usageError.js';
import { createSimulation, spanOf, type TakenEvents } from './replay.js';
import type { SimulateShardInput, SimulateShardMessage, SimulateSpanMessage } from './simulateWorker.js';

/** Below this size a file is simulated on the main thread: starting threads would cost more than they save. */
export const THREADED_FROM_BYTES = 16 << 20;
/** Every thread reads the whole file to find its customers, so more than a few add little. */
const MOST_THREADS = 4;

/**
 * A thread's heap: a small young generation and an old one sized by its share of
 * `--memory`. V8's defaults let each heap grow far past what it holds alive (the
 * live set of a replay is about 20 MB), and two threads then passed 256 MB.
 */
function heapLimits(bucketBytes: number) {
  return { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 64 + 16 * Math.ceil(bucketBytes / 2 ** 20) };
}

const outOfMemory = () =>
  new UsageError(`a simulation thread ran out of memory: a customer's history is larger than --memory allows; run again with a larger --memory, or with --threads 1`);

/** Kept apart from `new Worker(...)`, so that the build leaves it a plain file beside this one. */
const WORKER = new URL('./simulateWorker.js', import.meta.url);

/** The threads to simulate a file of `bytes` with: `requested` (`--threads`), else one per core (up to 4) for a large file. */
export function threadsFor(bytes: number, requested: number | undefined): number {
  if (requested !== undefined) return requested;
  return bytes < THREADED_FROM_BYTES ? 1 : Math.min(MOST_THREADS, availableParallelism());
}

/** What a simulation read and replayed, before its parts are turned into results. */
export interface SimulationRun {
  scan: EventScan;
  span: SimulationSpan;
  parts: SimulationPart[];
}

interface SimulationJob {
  path: string;
  configs: Config[];
  window: { from?: number | undefined; to?: number | undefined };
  fileBytes: number;
  bucketBytes: number;
}

/** Reads and replays on this thread. */
export async function simulateHere(io: Io, job: SimulationJob): Promise<SimulationRun> {
  const simulation = createSimulation(job.configs, job.window, job.fileBytes, job.bucketBytes);
  const scan = await readEvents(job.path, io, (event, line) => simulation.add(event, line));
  const span = spanOf(job.window, [simulation.taken()]);
  const progress = createProgress(io, 'replay', simulation.taken().count);
  try {
    return { scan, span, parts: [await simulation.replay(span, (events) => progress.update(events))] };
  } finally {
    progress.stop();
  }
}

/** One worker thread's shard, as promises of what it read and of its part; a failure rejects both. */
function startShard(input: SimulateShardInput, progress: { read: (bytes: number) => void; replayed: (events: number) => void }) {
  const worker = new Worker(WORKER, { workerData: input, resourceLimits: heapLimits(input.bucketBytes) });
  let onRead!: (read: { scan: EventScan; taken: TakenEvents }) => void;
  let onDone!: (part: SimulationPart) => void;
  const rejects: Array<(error: Error) => void> = [];
  const read = new Promise<{ scan: EventScan; taken: TakenEvents }>((resolve, reject) => {
    onRead = resolve;
    rejects.push(reject);
  });
  const done = new Promise<SimulationPart>((resolve, reject) => {
    onDone = resolve;
    rejects.push(reject);
  });
  // Awaited later, or not at all when another shard failed first.
  read.catch(() => {});
  done.catch(() => {});
  // Rejecting a promise already resolved does nothing: an exit after the part arrived is no failure.
  const fail = (error: Error) => rejects.forEach((reject) => reject(error));
  worker.on('message', (message: SimulateShardMessage) => {
    if (message.kind === 'read-progress') progress.read(message.bytes);
    else if (message.kind === 'read') onRead(message);
    else if (message.kind === 'replay-progress') progress.replayed(message.events);
    else onDone(message.part);
  });
  worker.on('error', (error: Error & { code?: string }) => fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? outOfMemory() : error));
  worker.on('exit', (code) => fail(new Error(`a simulation thread stopped (exit code ${code}) before it finished`)));
  return { read, done, start: (span: SimulationSpan) => worker.postMessage({ span } satisfies SimulateSpanMessage), stop: () => void worker.terminate() };
}

/**
 * Reads and replays in `threads` worker threads, each for its shard of the
 * customers (see `customerShard.ts`): every customer's history is in one shard,
 * so the shards' parts add up to the simulation of the whole file. Malformed
 * lines are reported as one reader reports them (in line order), with progress
 * bars on a terminal.
 */
export async function simulateInThreads(io: Io, job: SimulationJob, threads: number): Promise<SimulationRun> {
  let reading: Progress | null = createProgress(io, job.path, job.fileBytes);
  let replaying: Progress | null = null;
  const replayed: number[] = Array.from({ length: threads }, () => 0);
  const shards = Array.from({ length: threads }, (_, index) =>
    startShard(
      { path: job.path, shard: { index, count: threads }, configs: job.configs, window: job.window, shardBytes: Math.ceil(job.fileBytes / threads), bucketBytes: Math.ceil(job.bucketBytes / threads), progress: io.interactive },
      {
        read: (bytes) => reading?.update(bytes),
        replayed: (events) => {
          replayed[index] = events;
          replaying?.update(replayed.reduce((sum, count) => sum + count, 0));
        },
      },
    ),
  );
  try {
    const reads = await Promise.all(shards.map((shard) => shard.read));
    reading.stop();
    reading = null;
    const scan = mergeScans(reads.map((read) => read.scan));
    await printProblems(job.path, io, scan);
    const span = spanOf(job.window, reads.map((read) => read.taken));
    replaying = createProgress(io, 'replay', reads.reduce((sum, read) => sum + read.taken.count, 0));
    for (const shard of shards) shard.start(span);
    return { scan, span, parts: await Promise.all(shards.map((shard) => shard.done)) };
  } finally {
    reading?.stop();
    replaying?.stop();
    for (const shard of shards) shard.stop();
  }
}
