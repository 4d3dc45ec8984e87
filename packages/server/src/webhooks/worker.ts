import type { ClaimedDelivery, UpgradeKitStore } from '../store/types.js';
import type { ResolvedWebhooks } from './options.js';
import { SIGNATURE_HEADER, signWebhook } from './signature.js';

/*
 * Delivers pending webhook calls: claims due rows, POSTs each one signed, and
 * settles it as delivered, retried later (exponential back-off with jitter, up to
 * an hour) or failed after `maxAttempts`. Runs after every batch that queued
 * deliveries and on a timer, which also picks up what other servers queued and
 * what a restarted server left pending.
 */

const BATCH = 20;
const MAX_DELAY_MS = 60 * 60 * 1000;

export interface DeliveryWorker {
  /** Delivers what is due now; resolves with the number of attempts made. Passes never overlap. */
  runOnce(): Promise<number>;
  /** Runs a pass soon (after a batch queued deliveries). */
  kick(): void;
  stop(): void;
}

interface WorkerParts {
  store: UpgradeKitStore;
  webhooks: ResolvedWebhooks;
  now: () => number;
  warn: (message: string) => void;
}

/** Milliseconds before attempt `attempt + 1`: doubling from the first retry delay, with ±25% jitter, at most an hour. */
export function retryDelay(attempt: number, firstRetryMs: number, random = Math.random): number {
  const base = Math.min(MAX_DELAY_MS, firstRetryMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}

async function attempt(delivery: ClaimedDelivery, parts: WorkerParts): Promise<string | null> {
  const endpoint = parts.webhooks.endpoints.find((candidate) => candidate.name === delivery.endpoint);
  if (!endpoint) return 'no endpoint of this name is configured any more';
  const send = parts.webhooks.fetch ?? globalThis.fetch;
  const body = JSON.stringify(delivery.body);
  const headers = {
    'content-type': 'application/json',
    ...endpoint.headers,
    'user-agent': 'upgradekit-webhooks',
    'x-upgradekit-delivery': delivery.firingId,
    'x-upgradekit-attempt': String(delivery.attempt),
    [SIGNATURE_HEADER]: signWebhook(endpoint.secret, body, parts.now()),
  };
  try {
    const response = await send(endpoint.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(parts.webhooks.timeoutMs) });
    await response.body?.cancel().catch(() => {});
    return response.ok ? null : `HTTP ${response.status}`;
  } catch (error) {
    return error instanceof Error ? (error.name === 'TimeoutError' ? `no answer within ${parts.webhooks.timeoutMs} ms` : error.message) : String(error);
  }
}

async function deliver(delivery: ClaimedDelivery, parts: WorkerParts): Promise<void> {
  const { store, webhooks, now, warn } = parts;
  const error = await attempt(delivery, parts);
  const gone = error !== null && !webhooks.endpoints.some((endpoint) => endpoint.name === delivery.endpoint);
  const giveUp = error !== null && (gone || delivery.attempt >= webhooks.maxAttempts);
  const retryAt = error === null || giveUp ? null : now() + retryDelay(delivery.attempt, webhooks.firstRetryMs);
  if (giveUp) warn(`[upgradekit] gave up delivering firing ${delivery.firingId} to webhook ${delivery.endpoint} after ${delivery.attempt} attempt(s): ${error}`);
  else if (error !== null && delivery.attempt === 1) warn(`[upgradekit] webhook ${delivery.endpoint} failed (${error}); retrying with back-off`);
  await store.settleDelivery(delivery, { delivered: error === null, retryAt, error, now: now() });
}

export function createDeliveryWorker(parts: WorkerParts): DeliveryWorker {
  const { store, webhooks, now, warn } = parts;
  let running: Promise<number> | null = null;
  let again = false;
  let stopped = false;
  let kicked: ReturnType<typeof setTimeout> | undefined;
  // A lease long enough for every attempt of a claimed batch to time out.
  const leaseMs = webhooks.timeoutMs * BATCH + 60_000;

  const pass = async (): Promise<number> => {
    let attempts = 0;
    for (;;) {
      const due = await store.claimDeliveries(now(), BATCH, leaseMs);
      await Promise.all(due.map((delivery) => deliver(delivery, parts)));
      attempts += due.length;
      if (due.length < BATCH || stopped) return attempts;
    }
  };
  const runOnce = (): Promise<number> => {
    if (!webhooks.endpoints.length || stopped) return Promise.resolve(0);
    // Asked while a pass runs: another pass follows it, for what was queued meanwhile.
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let attempts = 0;
      do {
        again = false;
        attempts += await pass();
      } while (again && !stopped);
      return attempts;
    })().finally(() => (running = null));
    return running;
  };
  const safely = () =>
    void runOnce().catch((error: unknown) => warn(`[upgradekit] webhook deliveries could not be read (${error instanceof Error ? error.message : String(error)}); trying again later`));
  const timer = webhooks.endpoints.length ? setInterval(safely, webhooks.pollMs) : undefined;
  // Deliveries are a background duty: they must not keep a process alive that is otherwise done.
  timer?.unref?.();

  return {
    runOnce,
    kick() {
      if (stopped || kicked) return;
      kicked = setTimeout(() => {
        kicked = undefined;
        safely();
      }, 0);
      kicked.unref?.();
    },
    stop() {
      stopped = true;
      clearInterval(timer);
      clearTimeout(kicked);
    },
  };
}
