import type { Platform } from '../platform.js';
import type { WarningHandler } from '../utils/log.js';
import { MAX_TIMER_MS } from '../utils/time.js';

export interface HttpSinkOptions {
  /** Endpoint that receives `POST { "events": UpgradeKitEvent[] }` and de-duplicates by event id. */
  url: string;
  /** Clock, randomness, storage, locks, `fetch`, `sendBeacon`, timers and page-hide come from here. */
  platform: Platform;
  /** Events per request; a full batch is sent at once. Default: `20`. */
  batchSize?: number;
  /** Milliseconds a queued event waits for a batch to fill before it is sent anyway. Default: `5000`. */
  flushInterval?: number;
  /**
   * Most events held (and persisted) per tab while the endpoint is unreachable.
   * When full, the oldest events other than `upgrade.completed` and `trial.started`
   * are dropped first, with a warning that counts them. Default: `1000`.
   */
  maxQueue?: number;
  /**
   * Retries of one batch after network errors, timeouts, 408, 429 and 5xx before
   * it is dropped with a warning. Default: `Infinity`: those failures are about the
   * server, not the batch, and giving up would lose conversions during an outage,
   * while the capped delay and bounded queue keep an endless outage cheap.
   */
  maxRetries?: number;
  /** First back-off ceiling in ms; it doubles on every failed attempt. Default: `1000`. */
  baseDelay?: number;
  /** Largest back-off in ms. A `Retry-After` of up to an hour is honoured even when longer. Default: `60000`. */
  maxDelay?: number;
  /** Milliseconds before a request with no answer is aborted and retried. `0` disables. Default: `30000`. */
  timeout?: number;
  /**
   * Extra request headers, e.g. an API key. Beacons cannot carry headers, so an
   * endpoint that needs them must also accept the key another way (query string)
   * or page-hide beacons will be rejected. Default: none.
   */
  headers?: Record<string, string>;
  /** Storage key of the persisted queues, under UpgradeKit's versioned prefix; each tab adds its own suffix. Default: `'events'`. */
  storageKey?: string;
  /** Receives warnings (an unreachable endpoint, dropped events, storage trouble). Default: `console.warn`. */
  onWarning?: WarningHandler;
}

/** A whole number ≥ `min`, or the default when missing or not a number. */
const whole = (value: number | undefined, fallback: number, min: number) =>
  value === undefined || Number.isNaN(value) ? fallback : Math.min(MAX_TIMER_MS, Math.max(min, Math.floor(value)));

export function resolveOptions(options: HttpSinkOptions) {
  return {
    batchSize: whole(options.batchSize, 20, 1),
    flushInterval: whole(options.flushInterval, 5000, 0),
    maxQueue: whole(options.maxQueue, 1000, 1),
    maxRetries: options.maxRetries === undefined || Number.isNaN(options.maxRetries) ? Infinity : Math.max(0, options.maxRetries),
    baseDelay: whole(options.baseDelay, 1000, 0),
    maxDelay: whole(options.maxDelay, 60_000, 0),
    timeout: whole(options.timeout, 30_000, 0),
    base: options.storageKey ?? 'events',
  };
}
