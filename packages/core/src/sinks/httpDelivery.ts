import type { UpgradeKitEvent } from '../conversion/events.js';
import type { Platform } from '../platform.js';
import type { WarningHandler } from '../utils/log.js';
import { MAX_TIMER_MS } from '../utils/time.js';
import { splitForBeacon } from './beacon.js';
import type { resolveOptions } from './httpOptions.js';
import type { EventQueue } from './httpQueue.js';
import { postBatch, type PostOptions } from './httpTransport.js';
import { backoffDelay } from './retry.js';

export const NO_IDS: ReadonlySet<string> = new Set();

/** What a sink's delivery loop and its page-hide handler share. */
export interface DeliveryState {
  destroyed: boolean;
  /** Ids of the batch in flight: never dropped to make room, never beaconed a second time. */
  inFlight: ReadonlySet<string>;
  /** Failed attempts of the current batch. */
  attempt: number;
  /** Inside an outage (warned about once, at its first failure). */
  failing: boolean;
  requestTimer: unknown;
}

/** The one timer of a sink: waiting for a batch to fill (`interval`) or for the next attempt (`retry`). */
export function createTimers(platform: Platform) {
  let handle: unknown;
  let kind: 'interval' | 'retry' | null = null;
  const clear = () => {
    if (kind !== null) platform.clearTimeout(handle);
    kind = null;
  };
  return {
    kind: () => kind,
    clear,
    set(next: 'interval' | 'retry', ms: number, run: () => void) {
      clear();
      kind = next;
      handle = platform.setTimeout(() => {
        kind = null;
        run();
      }, Math.min(ms, MAX_TIMER_MS));
    },
  };
}

interface DeliveryParts {
  queue: EventQueue;
  settings: ReturnType<typeof resolveOptions>;
  post: Omit<PostOptions, 'fetch'>;
  timers: ReturnType<typeof createTimers>;
  state: DeliveryState;
  platform: Platform;
  warn: WarningHandler;
  url: string;
}

/**
 * The delivery loop: one batch in flight at a time; a 2xx (or a refusal for good)
 * takes its events out of the queue, anything else backs off and tries the same
 * batch again.
 */
export function createDelivery({ queue, settings, post, timers, state, platform, warn, url }: DeliveryParts) {
  let draining: Promise<void> | null = null;

  const schedule = () => {
    if (state.destroyed || timers.kind() !== null || draining || !queue.size() || !platform.fetch) return;
    timers.set('interval', settings.flushInterval, () => void drain(true));
  };
  const sendBatch = async (fetch: typeof globalThis.fetch) => {
    const batch = queue.events().slice(0, settings.batchSize);
    const ids = batch.map((event) => event.id);
    state.inFlight = new Set(ids);
    const outcome = await postBatch(batch, { ...post, fetch, onTimer: (handle) => (state.requestTimer = handle) });
    state.inFlight = NO_IDS;
    if (outcome.kind === 'retry' && state.attempt < settings.maxRetries) {
      if (!state.failing) warn(`could not deliver events to ${url} (${outcome.reason}); retrying with back-off, ${queue.size()} kept queued`);
      state.failing = true;
      state.attempt += 1;
      const delay = outcome.retryAfter ?? backoffDelay(state.attempt, settings.baseDelay, settings.maxDelay, platform.random);
      if (!state.destroyed) timers.set('retry', delay, () => void drain(true));
      return;
    }
    if (outcome.kind === 'drop') warn(`${url} answered HTTP ${outcome.status}; dropped a batch of ${batch.length} events (a 4xx other than 408/429 would fail again)`);
    else if (outcome.kind === 'retry') warn(`gave up on a batch of ${batch.length} events for ${url} after ${settings.maxRetries} retries (last: ${outcome.reason})`);
    state.attempt = 0;
    state.failing = false;
    queue.finish(ids);
    queue.persist();
  };
  /** Sends batches one after another: all queued events, or only full batches. */
  const drain = (all: boolean): Promise<void> => {
    if (draining) return draining;
    const fetch = platform.fetch;
    if (!fetch) return Promise.resolve();
    if (timers.kind() === 'interval') timers.clear();
    draining = (async () => {
      try {
        while (!state.destroyed && timers.kind() !== 'retry' && (all ? queue.size() > 0 : queue.size() >= settings.batchSize)) await sendBatch(fetch);
      } finally {
        draining = null;
        schedule();
      }
    })();
    return draining;
  };
  return { drain, schedule, idle: async () => void (await draining) };
}

/**
 * Page hide: hands the queue (but a batch in flight) to `sendBeacon`, in bodies
 * under the 64 KiB keepalive budget, stopping at the first body the browser
 * refuses. A beacon gives no confirmation, so nothing leaves the queue: the
 * events stay persisted until a confirmed request delivers them.
 */
export function beacon(sendBeacon: (url: string, body: string) => boolean, queue: EventQueue, url: string, inFlight: ReadonlySet<string>): void {
  const { bodies } = splitForBeacon(queue.events().filter((event: UpgradeKitEvent) => !inFlight.has(event.id)));
  for (const { body } of bodies) {
    let accepted = false;
    try {
      accepted = sendBeacon(url, body);
    } catch {
      accepted = false;
    }
    if (!accepted) break;
  }
}
