import type { UpgradeKitEvent } from '../conversion/events.js';
import type { Platform } from '../platform.js';
import { describeError } from './callback.js';
import { classifyResponse, type Outcome } from './retry.js';

export interface PostOptions {
  url: string;
  headers: Record<string, string>;
  /** Milliseconds before a request without an answer is aborted; 0 never aborts. */
  timeout: number;
  platform: Platform;
  fetch: typeof fetch;
  /** Receives the request's timeout timer, so that a sink destroyed mid-request can clear it. */
  onTimer?: (handle: unknown) => void;
}

/** POSTs one batch and says what to do next: done, drop it, or retry (and when). Never rejects. */
export async function postBatch(batch: readonly UpgradeKitEvent[], { url, headers, timeout, platform, fetch, onTimer }: PostOptions): Promise<Outcome> {
  const controller = timeout > 0 && typeof AbortController === 'function' ? new AbortController() : undefined;
  const timer = controller ? platform.setTimeout(() => controller.abort(), timeout) : undefined;
  if (controller) onTimer?.(timer);
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
    if (controller) platform.clearTimeout(timer);
  }
}
