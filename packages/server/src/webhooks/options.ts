import { createHash } from 'node:crypto';
import type { TriggerRoute } from '@upgradekit/core';
import { toMs } from '../duration.js';

/** Where firings of routed triggers are sent. */
export interface WebhookEndpoint {
  /** Receives `POST` with the JSON body (Slack incoming webhooks read its `text`). */
  url: string;
  /** Signs every body (`x-upgradekit-signature`); share it with the receiver only. */
  secret: string;
  /** The routes it receives. Default: every route. */
  routes?: readonly TriggerRoute[] | undefined;
  /**
   * A stable name, kept with its pending deliveries (rename it and those are
   * dropped). Default: the URL's host and a hash of the whole URL, so a secret in
   * the URL (Slack's are) never reaches the database or the logs.
   */
  name?: string | undefined;
  /** Extra request headers. Default: none. */
  headers?: Readonly<Record<string, string>> | undefined;
}

export interface WebhookOptions {
  endpoints: readonly WebhookEndpoint[];
  /**
   * Firings of one customer's trigger this close together are one firing: every
   * tab, reload and teammate's browser reports the same moment. Default: `'24h'`.
   */
  onceWithin?: string | number | undefined;
  /** Attempts per delivery before it is given up (and warned about). Default: `12` (about a day of back-off). */
  maxAttempts?: number | undefined;
  /** Delay before the first retry; it doubles on each failure, up to an hour. Default: `'30s'`. */
  firstRetry?: string | number | undefined;
  /** Milliseconds a receiver has to answer before the attempt counts as failed. Default: `10000`. */
  timeout?: number | undefined;
  /** How often pending deliveries are looked for (also those other servers on the database queued). Default: `'10s'`. */
  pollEvery?: string | number | undefined;
  /** The `fetch` to deliver with. Default: the global one. */
  fetch?: typeof fetch | undefined;
}

export interface ResolvedEndpoint extends WebhookEndpoint {
  name: string;
}

export type ResolvedWebhooks = ReturnType<typeof resolveWebhooks>;

function defaultName(url: string): string {
  let host = 'webhook';
  try {
    host = new URL(url).host;
  } catch {
    throw new Error(`[upgradekit] webhook url ${JSON.stringify(url)} is not a URL`);
  }
  return `${host}#${createHash('sha256').update(url).digest('hex').slice(0, 12)}`;
}

export function resolveWebhooks(options: WebhookOptions | undefined) {
  const endpoints: ResolvedEndpoint[] = (options?.endpoints ?? []).map((endpoint) => {
    if (!endpoint.secret) throw new Error(`[upgradekit] webhook ${endpoint.name ?? endpoint.url} needs a secret to sign its bodies`);
    return { ...endpoint, name: endpoint.name ?? defaultName(endpoint.url) };
  });
  const names = endpoints.map((endpoint) => endpoint.name);
  const twice = names.find((name, index) => names.indexOf(name) !== index);
  if (twice) throw new Error(`[upgradekit] two webhooks are named ${JSON.stringify(twice)}; give each a distinct name`);
  return {
    endpoints,
    onceWithinMs: toMs(options?.onceWithin ?? '24h', 'webhooks.onceWithin'),
    maxAttempts: Math.max(1, Math.floor(options?.maxAttempts ?? 12)),
    firstRetryMs: toMs(options?.firstRetry ?? '30s', 'webhooks.firstRetry'),
    timeoutMs: options?.timeout ?? 10_000,
    pollMs: Math.max(100, toMs(options?.pollEvery ?? '10s', 'webhooks.pollEvery')),
    fetch: options?.fetch,
  };
}
