import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * Webhook bodies are signed like Stripe's: `x-upgradekit-signature: t=<ms>,v1=<hex>`,
 * where v1 is HMAC-SHA256 of `<t>.<body>` with the endpoint's secret. The time is
 * signed too, so a receiver can refuse a replayed old body.
 */

export const SIGNATURE_HEADER = 'x-upgradekit-signature';

const hmac = (secret: string, timestamp: number, body: string) => createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

/** The signature header's value for `body` sent at `timestamp` (epoch ms). */
export function signWebhook(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

export interface VerifyWebhookOptions {
  secret: string;
  /** The `x-upgradekit-signature` header as received. */
  header: string | null | undefined;
  /** The raw body, exactly as received (before any JSON parsing). */
  body: string;
  /** Oldest signature accepted, in ms. Default: `300000` (5 minutes). */
  tolerance?: number;
  /** Default: `Date.now()`. */
  now?: number;
}

/** Whether a webhook request was signed with `secret` within `tolerance`: call it before trusting the body. */
export function verifyWebhookSignature({ secret, header, body, tolerance = 300_000, now = Date.now() }: VerifyWebhookOptions): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!match) return false;
  const timestamp = Number(match[1]);
  if (Math.abs(now - timestamp) > tolerance) return false;
  return timingSafeEqual(Buffer.from(hmac(secret, timestamp, body), 'hex'), Buffer.from(match[2]!, 'hex'));
}
