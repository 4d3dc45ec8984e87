import type { Sink } from '../conversion/events.js';
import { createSafeStorage } from '../storage.js';
import { createWarn } from '../utils/log.js';
import { randomId } from '../utils/randomId.js';
import { beacon, createDelivery, createTimers, NO_IDS, type DeliveryState } from './httpDelivery.js';
import { createEventQueue, isEvent } from './httpQueue.js';
import { resolveOptions, type HttpSinkOptions } from './httpOptions.js';
import type { PostOptions } from './httpTransport.js';
import { adoptOrphanQueues, holdTabLock } from './tabQueues.js';

export type { HttpSinkOptions } from './httpOptions.js';

export interface HttpSink extends Sink {
  /**
   * Sends everything queued now, one batch at a time, and resolves when each batch
   * has been answered or a failure started a back-off. While backing off it resolves
   * without sending: the retry timer owns the next attempt. Never rejects.
   */
  flush(): Promise<void>;
  /** Persists the queue, releases this tab's lock, removes the page-hide listener and all timers. Later `send`s are ignored. */
  destroy(): void;
  /** Events queued and not yet confirmed by the endpoint (including beaconed ones and a batch in flight). */
  pending(): number;
}

/**
 * Sends events to your endpoint in batches, and loses none that it accepted.
 *
 * - **Batching:** a request leaves as soon as `batchSize` events are queued, or
 *   `flushInterval` ms after the first queued event. One request is in flight at a time.
 * - **Retries:** network errors, timeouts, 408, 429 and 5xx are retried with
 *   exponential back-off and full jitter, or after `Retry-After` (429/503, up to an
 *   hour). Other 4xx drop the batch with a warning, so one poison batch cannot
 *   block the queue. The first failure of an outage is warned about.
 * - **Persistence:** each tab persists its own queue and holds a Web Lock for it;
 *   a new page adopts the queues of tabs that are gone and sends them, and never
 *   those of tabs still open.
 * - **Delivery is at-least-once, by id:** an event leaves the queue only when a
 *   request carrying it is answered 2xx (or refused for good). A request whose
 *   answer is lost, and a beacon, cannot confirm anything, so those events are
 *   sent again with the same ids; the endpoint de-duplicates, as `buildReport` does.
 * - **Page hide:** the queue is handed to `sendBeacon` as well, in bodies under the
 *   64 KiB keepalive budget, and stays persisted until a confirmed request (this
 *   page's, once visible again, or the next page's) delivers it.
 */
export function createHttpSink(options: HttpSinkOptions): HttpSink {
  const { url, platform } = options;
  const settings = resolveOptions(options);
  const warn = createWarn(options.onWarning);
  const storage = createSafeStorage(platform.storage, warn);
  const ownKey = `${settings.base}:${randomId(platform.random)}`;
  const queue = createEventQueue({ storage, key: ownKey, maxQueue: settings.maxQueue, now: platform.now, warn, url });
  const releaseLock = holdTabLock(platform.locks, ownKey);
  const post: Omit<PostOptions, 'fetch'> = { url, headers: { 'content-type': 'application/json', ...options.headers }, timeout: settings.timeout, platform };
  const state: DeliveryState = { destroyed: false, inFlight: NO_IDS, attempt: 0, failing: false, requestTimer: undefined };
  const timers = createTimers(platform);
  const delivery = createDelivery({ queue, settings, post, timers, state, platform, warn, url });
  const { drain, schedule } = delivery;
  const onHide = () => {
    if (state.destroyed) return;
    // While backing off the server has just failed: beacons would most likely fail too.
    if (platform.sendBeacon && timers.kind() !== 'retry') beacon(platform.sendBeacon, queue, url, state.inFlight);
    else if (!platform.sendBeacon) void drain(true);
    // Synchronously: after a hide the page may be frozen or discarded without another task.
    queue.persist();
  };

  if (!platform.fetch) warn(`no fetch on this platform: events for ${url} are queued and persisted but not sent`);
  const adopted = adoptOrphanQueues({
    storage,
    locks: platform.locks,
    base: settings.base,
    ownKey,
    now: platform.now(),
    adopt(events) {
      for (const event of events) queue.add(event, NO_IDS);
      queue.persist();
    },
  });
  void adopted.then(schedule);
  const unsubscribeHide = platform.onHide(onHide);
  schedule();

  return {
    send(event) {
      if (state.destroyed) return warn(`send() after destroy(): event "${event?.type}" for ${url} was dropped`);
      if (!isEvent(event)) return warn('the HTTP sink ignored an event without a string id and type');
      if (!queue.add(event, state.inFlight)) return;
      queue.schedulePersist(() => !state.destroyed);
      if (queue.size() >= settings.batchSize && timers.kind() !== 'retry') void drain(false);
      else schedule();
    },
    async flush() {
      await adopted;
      await delivery.idle();
      if (state.destroyed || timers.kind() === 'retry') return;
      await drain(true);
    },
    destroy() {
      if (state.destroyed) return;
      timers.clear();
      if (state.inFlight.size) platform.clearTimeout(state.requestTimer);
      unsubscribeHide();
      queue.persist();
      state.destroyed = true;
      releaseLock();
    },
    pending: () => queue.size(),
  };
}
