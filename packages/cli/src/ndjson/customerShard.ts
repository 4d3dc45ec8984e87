import { hashToUnit } from '@upgradekit/core/internal';

/*
 * A file's events dealt to shards by customer, so that each shard holds all of
 * its customers' events and no other shard's: what a report or a replay needs to
 * be computed per shard and merged (see core's `simulationResults`).
 */

/** Shard `index` of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** The customer id at the head of a line in the SDK's own shape (see `canonicalEvent.ts`). */
const CUSTOMER_AT_HEAD = /^\{"v":1,"id":"[^"\\]*","at":[-+.0-9eE]*,"customerId":"([^"\\\x00-\x1f]+)"/;

/**
 * The shard of a customer id: the low bits of the hash whose high bits pick the
 * customer's bucket in a simulation (see `customerBuckets.ts`), so that every
 * shard spreads its customers over all of its buckets.
 */
export const shardOf = (customerId: string, count: number): number => Math.floor(hashToUnit(customerId) * 2 ** 32) % count;

/**
 * The customer id of a line: read from its head when the line is in the SDK's
 * shape, else from the parsed line; `undefined` when it has none (the line is
 * then malformed, and shard 0 reports it).
 */
export function customerOfLine(line: string): string | undefined {
  const head = CUSTOMER_AT_HEAD.exec(line);
  if (head) return head[1];
  try {
    const value: unknown = JSON.parse(line);
    const customerId = typeof value === 'object' && value !== null ? (value as { customerId?: unknown }).customerId : undefined;
    return typeof customerId === 'string' ? customerId : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a line is `shard`'s to read. */
export function isShardLine(line: string, shard: Shard): boolean {
  const customerId = customerOfLine(line);
  return (customerId === undefined ? 0 : shardOf(customerId, shard.count)) === shard.index;
}
