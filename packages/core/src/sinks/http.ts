import type { Sink, UpgradeKitEvent } from '../conversion/events.js';
import type { Platform } from '../platform.js';
import { createSafeStorage } from '../storage.js';
import { createWarn, type WarningHandler } from '../utils/log.js';
import { splitForBeacon } from './beacon.js';
import { describeError } from './callback.js';
import { backoffDelay, classifyResponse, type Outcome } from './retry.js';

export interface HttpSinkOptions {
  /** Endpoint that receives `POST { "events": UpgradeKitEvent[] }` and de-duplicates by event id. */
  url: string;
  /** Clock, randomness, storage, `fetch`, `sendBeacon`, timers and page-hide come from here. */
  platform: Platform;
  /** Events per request; a full batch is sent at once. Default: `20`. */
  batchSize?: number;
  /** Milliseconds a queued event waits for a batch to fill before it is sent anyway. Default: `5000`. */
  flushInterval?: number;
  /**
   * Most events held (and persisted) while the endpoint is unreachable. When full,
   * the oldest events other than `upgrade.completed` and `trial.started` are dropped
   * first, with one warning. Default: `1000`.
   */
  maxQueue?: number;
  /**
   * Retries of one batch after network errors, timeouts, 408, 429 and 5xx before
   * it is dropped with a warning. Default: `Infinity`: those failures are about the
   * server, not the batch, and giving up would lose conversions during an outage,
   * while the capped delay and bounded queue keep an endless outage cheap. (A
   * batch the server rejects for its content must get a 4xx, which is dropped at once.)
   */
  maxRetries?: number;
  /** First back-off ceiling in ms; it doubles on every failed attempt. Default: `1000`. */
  baseDelay?: number;
  /** Largest back-off in ms. A `Retry-After` from the server is honoured even when longer. Default: `60000`. */
  maxDelay?: number;
  /** Milliseconds before a request with no answer is aborted and retried. `0` disables. Default: `30000`. */
  timeout?: number;
  /**
   * Extra request headers, e.g. an API key. Beacons cannot carry headers, so an
   * endpoint that needs them must also accept the key another way (query string)
   * or page-hide beacons will be rejected. Default: none.
   */
  headers?: Record<string, string>;
  /** Storage key of the persisted queue, under UpgradeKit's versioned prefix. Default: `'events'`. */
  storageKey?: string;
  /** Receives warnings (dropped batches, a full queue, storage trouble). Default: `console.warn`. */
  onWarning?: WarningHandler;
}

export interface HttpSink extends Sink {
  /**
   * Sends everything queued now, one batch at a time, and resolves when each batch
   * has been answered or a failure started a back-off. While backing off it resolves
   * without sending: the retry timer owns the next attempt. Never rejects.
   */
  flush(): Promise<void>;
  /** Persists the queue, removes the page-hide listener and all timers. Later `send`s are ignored. */
  destroy(): void;
  /** Events queued and not yet confirmed (including a batch in flight). */
  pending(): number;
}

/** Events that pay the bills: the last to go when the queue is full. */
const KEPT_WHEN_FULL: ReadonlySet<string> = new Set(['upgrade.completed', 'trial.started']);
/** How many finished ids a page remembers for de-duplication; oldest forgotten first. */
const REMEMBERED_IDS = 10_000;
const NO_IDS: ReadonlySet<string> = new Set();

/**
 * Sends events to your endpoint in batches.
 *
 * - **Batching:** a request leaves as soon as `batchSize` events are queued, or
 *   `flushInterval` ms after the first queued event. One request is in flight at a time.
 * - **Retries:** network errors, timeouts, 408, 429 and 5xx are retried with
 *   exponential back-off and full jitter, or after `Retry-After` (429/503). Other
 *   4xx drop the batch with a warning, so one poison batch cannot block the queue.
 * - **Persistence:** the queue is written to storage, so a new sink on the next
 *   page (same storage) resends what this one could not deliver.
 * - **De-duplication:** an id already queued or finished in this page is ignored,
 *   and a retried batch carries the same ids. Delivery is at-least-once: a
 *   request whose answer is lost (timeout, page unloaded mid-request) is sent
 *   again with the same ids, so the endpoint must de-duplicate by event id, as
 *   `buildReport` does.
 * - **Page hide:** the queue is handed to `sendBeacon`; see `beacon()` below for
 *   what that means for duplicates.
 */
export function createHttpSink(options: HttpSinkOptions): HttpSink {
  const { url, platform } = options;
  const batchSize = count(options.batchSize, 20, 1);
  const flushInterval = count(options.flushInterval, 5000, 0);
  const maxQueue = count(options.maxQueue, 1000, 1);
  const maxRetries = options.maxRetries === undefined || Number.isNaN(options.maxRetries) ? Infinity : Math.max(0, options.maxRetries);
  const baseDelay = count(options.baseDelay, 1000, 0);
  const maxDelay = count(options.maxDelay, 60_000, 0);
  const timeout = count(options.timeout, 30_000, 0);
  const storageKey = options.storageKey ?? 'events';
  const headers = { 'content-type': 'application/json', ...options.headers };
  const warn = createWarn(options.onWarning);
  const storage = createSafeStorage(platform.storage, warn);

  let queue: UpgradeKitEvent[] = [];
  const queued = new Set<string>();
  /** Ids delivered, beaconed or dropped by this page: never queued again. */
  const finished = new Set<string>();
  let inFlight = NO_IDS;
  let attempt = 0;
  let timer: unknown;
  let timerKind: 'interval' | 'retry' | null = null;
  let requestTimer: unknown;
  let draining: Promise<void> | null = null;
  let persistPending = false;
  let destroyed = false;

  const clearTimer = () => {
    if (timerKind !== null) platform.clearTimeout(timer);
    timerKind = null;
  };
  const setTimer = (kind: 'interval' | 'retry', ms: number, run: () => void) => {
    clearTimer();
    timerKind = kind;
    timer = platform.setTimeout(() => {
      timerKind = null;
      run();
    }, ms);
  };

  const remember = (id: string) => {
    finished.add(id);
    // A Set iterates in insertion order, so the first id is the oldest.
    if (finished.size > REMEMBERED_IDS) finished.delete(finished.values().next().value!);
  };

  const readStored = (): UpgradeKitEvent[] => {
    const stored = storage.read<unknown>(storageKey);
    return Array.isArray(stored) ? stored.filter(isEvent) : [];
  };

  const persistNow = () => {
    persistPending = false;
    // Every tab of the origin shares this key. Keep what other tabs persisted (not
    // ours, not finished here), or one tab's write would erase another's unsent events.
    const room = Math.max(0, maxQueue - queue.length);
    const foreign = room ? readStored().filter((e) => !queued.has(e.id) && !finished.has(e.id)).slice(-room) : [];
    const all = foreign.length ? [...foreign, ...queue] : queue;
    if (all.length) storage.write(storageKey, all);
    else storage.remove(storageKey);
  };
  // Writes are coalesced to one per task: a burst of sends would otherwise
  // serialise the whole queue once per event. A microtask still runs before the
  // page can unload, so nothing queued is left unpersisted.
  const schedulePersist = () => {
    if (persistPending) return;
    persistPending = true;
    void Promise.resolve().then(() => {
      if (persistPending && !destroyed) persistNow();
    });
  };

  const finish = (ids: Iterable<string>) => {
    const done = new Set(ids);
    queue = queue.filter((e) => !done.has(e.id));
    for (const id of done) {
      queued.delete(id);
      remember(id);
    }
  };

  /** Makes room for `incoming` in a full queue; `false` when `incoming` itself is the one to drop. */
  const makeRoom = (incoming: UpgradeKitEvent): boolean => {
    warn(
      `the event queue for ${url} is full (${maxQueue} events): dropping the oldest events other than ` +
        `upgrade.completed and trial.started; is the endpoint reachable?`,
    );
    const droppable = (e: UpgradeKitEvent) => !inFlight.has(e.id);
    let index = queue.findIndex((e) => droppable(e) && !KEPT_WHEN_FULL.has(e.type));
    // Only conversions left: a new conversion displaces the oldest one, anything else is the one dropped.
    if (index < 0 && KEPT_WHEN_FULL.has(incoming.type)) index = queue.findIndex(droppable);
    if (index < 0) {
      remember(incoming.id);
      return false;
    }
    const [dropped] = queue.splice(index, 1);
    queued.delete(dropped!.id);
    remember(dropped!.id);
    return true;
  };

  const scheduleInterval = () => {
    if (destroyed || timerKind !== null || draining || !queue.length || !platform.fetch) return;
    setTimer('interval', flushInterval, () => void drain(true));
  };

  const post = async (batch: UpgradeKitEvent[], fetch: typeof globalThis.fetch): Promise<Outcome> => {
    const controller = timeout > 0 && typeof AbortController === 'function' ? new AbortController() : undefined;
    if (controller) requestTimer = platform.setTimeout(() => controller.abort(), timeout);
    try {
      const init: RequestInit = { method: 'POST', headers, body: JSON.stringify({ events: batch }) };
      if (controller) init.signal = controller.signal;
      const response = await fetch(url, init);
      // Unread bodies pin the connection until garbage collection; the answer carries nothing we need.
      void response.body?.cancel().catch(() => {});
      return classifyResponse(response.status, response.headers.get('retry-after'), platform.now());
    } catch (error) {
      return { kind: 'retry', reason: controller?.signal.aborted ? `no answer within ${timeout} ms` : describeError(error) };
    } finally {
      if (controller) platform.clearTimeout(requestTimer);
    }
  };

  const sendBatch = async (fetch: typeof globalThis.fetch) => {
    const batch = queue.slice(0, batchSize);
    const ids = batch.map((e) => e.id);
    inFlight = new Set(ids);
    const outcome = await post(batch, fetch);
    inFlight = NO_IDS;
    if (destroyed) {
      // A successor sink may already be resending these; removing them from storage
      // (and nothing else) is safe either way and spares a duplicate when there is none.
      if (outcome.kind !== 'retry') {
        const done = new Set(ids);
        const rest = readStored().filter((e) => !done.has(e.id));
        if (rest.length) storage.write(storageKey, rest);
        else storage.remove(storageKey);
      }
      return;
    }
    if (outcome.kind === 'retry' && attempt < maxRetries) {
      attempt += 1;
      setTimer('retry', outcome.retryAfter ?? backoffDelay(attempt, baseDelay, maxDelay, platform.random), () => void drain(true));
      return;
    }
    if (outcome.kind === 'drop') {
      warn(`${url} answered HTTP ${outcome.status}; dropped a batch of ${batch.length} events (a 4xx other than 408/429 would fail again)`);
    } else if (outcome.kind === 'retry') {
      warn(`gave up on a batch of ${batch.length} events for ${url} after ${maxRetries} retries (last: ${outcome.reason})`);
    }
    attempt = 0;
    finish(ids);
    schedulePersist();
  };

  /** Sends batches one after another: all queued events, or only full batches. */
  const drain = (all: boolean): Promise<void> => {
    if (draining) return draining;
    const fetch = platform.fetch;
    if (!fetch) return Promise.resolve();
    if (timerKind === 'interval') clearTimer();
    draining = (async () => {
      try {
        while (!destroyed && timerKind !== 'retry' && (all ? queue.length > 0 : queue.length >= batchSize)) {
          await sendBatch(fetch);
        }
      } finally {
        draining = null;
        scheduleInterval();
      }
    })();
    return draining;
  };

  /**
   * Page hide: hand the queue to `sendBeacon`, in bodies under the 64 KiB
   * keepalive budget, stopping at the first body the browser refuses; whatever is
   * left stays persisted for the next page.
   *
   * A beacon gives no delivery confirmation. Events the browser accepted count as
   * delivered: they leave the queue and storage, and their ids stay finished in
   * this page. Keeping them until a later request confirms would instead resend
   * every beaconed event on the next page (and page hide fires on each tab
   * switch), so duplicates would be the rule rather than the exception. The
   * browser delivers an accepted beacon after the page is gone; what this gives up
   * is a beacon the network loses, which two rules keep rare: nothing is beaconed
   * while backing off (the server just failed, so those events wait, persisted,
   * for a confirmed request), and a batch in flight is not beaconed a second time.
   */
  const beacon = (sendBeacon: (url: string, body: string) => boolean) => {
    const { bodies } = splitForBeacon(queue.filter((e) => !inFlight.has(e.id)));
    for (const { body, ids } of bodies) {
      let accepted = false;
      try {
        accepted = sendBeacon(url, body);
      } catch {
        accepted = false;
      }
      if (!accepted) break;
      finish(ids);
    }
  };

  const onHide = () => {
    if (destroyed) return;
    const sendBeacon = platform.sendBeacon;
    if (sendBeacon && timerKind !== 'retry') beacon(sendBeacon);
    else if (!sendBeacon) void drain(true);
    // Synchronously: after a hide the page may be frozen or discarded without another task.
    persistNow();
    scheduleInterval();
  };

  if (!platform.fetch) warn(`no fetch on this platform: events for ${url} are queued and persisted but not sent`);
  // Whatever an earlier page (or a destroyed sink) left behind is sent first.
  for (const event of readStored()) {
    if (queued.has(event.id)) continue;
    if (queue.length >= maxQueue && !makeRoom(event)) continue;
    queue.push(event);
    queued.add(event.id);
  }
  const unsubscribeHide = platform.onHide(onHide);
  scheduleInterval();

  return {
    send(event) {
      if (destroyed) {
        warn(`send() after destroy(): event "${event?.type}" for ${url} was dropped`);
        return;
      }
      if (!isEvent(event)) {
        warn(`the HTTP sink ignored an event without a string id and type`);
        return;
      }
      if (queued.has(event.id) || finished.has(event.id)) return;
      if (queue.length >= maxQueue && !makeRoom(event)) return;
      queue.push(event);
      queued.add(event.id);
      schedulePersist();
      if (queue.length >= batchSize && timerKind !== 'retry') void drain(false);
      else scheduleInterval();
    },
    async flush() {
      while (draining) await draining;
      if (destroyed || timerKind === 'retry') return;
      await drain(true);
    },
    destroy() {
      if (destroyed) return;
      clearTimer();
      if (inFlight.size) platform.clearTimeout(requestTimer);
      unsubscribeHide();
      persistNow();
      destroyed = true;
    },
    pending: () => queue.length,
  };
}

function isEvent(value: unknown): value is UpgradeKitEvent {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { id?: unknown }).id === 'string' &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}

/** A whole number ≥ `min`, or the default when missing or not a number. */
function count(value: number | undefined, fallback: number, min: number): number {
  if (value === undefined || Number.isNaN(value)) return fallback;
  return Math.max(min, Math.floor(value));
}
