/**
 * A bounded, time-bucketed event counter. Counts fall into buckets of
 * `bucketMs`; buckets older than `keepMs` are dropped as new ones arrive, so
 * memory depends on the window, never on how many events were counted.
 * Plain JSON, so it persists and crosses tabs as is.
 */
export interface Counter {
  /** All-time count (for conditions without a window). */
  total: number;
  /** `[bucketStart, count]` pairs, oldest first. */
  buckets: Array<[number, number]>;
}

export const EMPTY_COUNTER: Counter = { total: 0, buckets: [] };

/**
 * Returns a new counter with `amount` more at `now`; the input is not mutated. A
 * `now` before the newest bucket (the device clock jumped back) counts in that
 * bucket, so the count is not aged out of its window when the clock returns.
 */
export function increment(counter: Counter, at: number, bucketMs: number, keepMs: number, amount = 1): Counter {
  const newest = counter.buckets[counter.buckets.length - 1]?.[0] ?? -Infinity;
  const now = Math.max(at, newest);
  const start = now - (now % bucketMs);
  const oldest = now - keepMs - bucketMs;
  const buckets = counter.buckets.filter(([at]) => at > oldest);
  const last = buckets[buckets.length - 1];
  if (last && last[0] === start) buckets[buckets.length - 1] = [start, last[1] + amount];
  else buckets.push([start, amount]);
  return { total: counter.total + amount, buckets };
}

/**
 * Count within the last `windowMs` (all time when `undefined`). A bucket counts
 * while any part of it is inside the window, so the edge is precise to one
 * bucket (a 168th of the window; see `bucketSize`).
 */
export function countWithin(counter: Counter | undefined, now: number, windowMs?: number, bucketMs = 0): number {
  if (!counter) return 0;
  if (windowMs === undefined) return counter.total;
  const from = now - windowMs;
  let sum = 0;
  for (let index = counter.buckets.length - 1; index >= 0; index--) {
    const [at, count] = counter.buckets[index]!;
    if (at + bucketMs <= from) break;
    sum += count;
  }
  return sum;
}

/** Bucket length for a window: a 168th (an hour of a week), at least a minute. */
export function bucketSize(windowMs: number): number {
  return Math.max(6e4, Math.floor(windowMs / 168));
}
