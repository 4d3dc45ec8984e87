/** What the HTTP sink does with a batch after one attempt. */
export type Outcome =
  | { kind: 'ok' }
  /** The server will never accept this batch: drop it so it cannot block the queue. */
  | { kind: 'drop'; status: number }
  /** Worth trying again; `retryAfter` (ms) when the server said how long to wait. */
  | { kind: 'retry'; reason: string; retryAfter?: number };

/**
 * Classifies a response. 408 (timeout), 429 (rate limit) and 5xx say something
 * about the server's state, not the batch, so they are retried; any other
 * non-2xx (400 malformed, 401/403 bad key, 413 too large, 3xx) would fail the
 * same way forever. `Retry-After` is read on 429 and 503, where RFC 9110 and
 * RFC 6585 give it meaning.
 */
export function classifyResponse(status: number, retryAfter: string | null, now: number): Outcome {
  if (status >= 200 && status < 300) return { kind: 'ok' };
  if (status === 408 || status === 429 || (status >= 500 && status < 600)) {
    const wait = status === 429 || status === 503 ? parseRetryAfter(retryAfter, now) : undefined;
    return wait === undefined ? { kind: 'retry', reason: `HTTP ${status}` } : { kind: 'retry', reason: `HTTP ${status}`, retryAfter: wait };
  }
  return { kind: 'drop', status };
}

/**
 * The longest `Retry-After` honoured. Longer is taken as a mistake (a misconfigured
 * server, or a device clock far behind the server's date) and backed off from as
 * after any failure, rather than waiting days or firing a timer that overflows.
 */
export const MAX_RETRY_AFTER_MS = 36e5;

/**
 * `Retry-After` in milliseconds from `now`: either delay-seconds (`120`) or an
 * HTTP date (`Wed, 21 Oct 2026 07:28:00 GMT`); a date in the past means "now".
 * `undefined` when absent, unreadable or longer than an hour, so the caller
 * falls back to back-off.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  // Every HTTP-date form names the day and month; without that check Date.parse
  // would read a malformed "-5" as the year −5 and retry at once.
  const date = /^\d+$/.test(text) ? now + Number(text) * 1000 : /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  const wait = Math.max(0, date - now);
  return wait <= MAX_RETRY_AFTER_MS ? wait : undefined;
}

/**
 * Exponential back-off with "full jitter": a uniform random wait in
 * `[0, min(maxDelay, baseDelay · 2^(attempt − 1)))`. The randomness spreads out
 * clients that failed together (a server restart fails every open tab at once),
 * so they do not come back as one thundering herd; `random` is the platform's,
 * so tests replay the exact schedule.
 */
export function backoffDelay(attempt: number, baseDelay: number, maxDelay: number, random: () => number): number {
  // The exponent is capped so 2 ** attempt cannot overflow to Infinity on a very long outage.
  const ceiling = Math.min(maxDelay, baseDelay * 2 ** Math.min(Math.max(attempt - 1, 0), 40));
  return Math.floor(random() * ceiling);
}
