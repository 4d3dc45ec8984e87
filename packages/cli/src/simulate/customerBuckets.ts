import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashToUnit } from '@upgradekit/core/internal';
import type { UpgradeKitEvent } from '@upgradekit/core/report';

/** Histories are grouped this many bytes of NDJSON at a time, by default: what a replay holds in memory at once. */
export const BUCKET_BYTES = 4 << 20;
/** Lines waiting for a bucket file are written out in pieces of about this size. */
const FLUSH_CHARS = 64 << 10;

export interface CustomerBuckets {
  /** Keeps an event (valid already) and the line it was read from. */
  add(event: UpgradeKitEvent, line: string): void;
  /**
   * Every customer's events in the order read, one bucket of customers at a time.
   * Asynchronous, so that work the SDK queued for later (writes coalesced into one
   * per task, released locks) runs between customers instead of piling up.
   */
  customers(): AsyncGenerator<UpgradeKitEvent[]>;
  /** Removes the files spilled to disk, if any. */
  dispose(): void;
}

/** Events grouped by customer in memory. */
function groupInMemory() {
  const byCustomer = new Map<string, UpgradeKitEvent[]>();
  return {
    add(event: UpgradeKitEvent) {
      const events = byCustomer.get(event.customerId);
      if (events) events.push(event);
      else byCustomer.set(event.customerId, [event]);
    },
    *take() {
      const groups = [...byCustomer.values()];
      byCustomer.clear();
      yield* groups;
    },
  };
}

/**
 * Groups events by customer in bounded memory. A file up to `bucketBytes`
 * (default `BUCKET_BYTES`, 4 MiB) is grouped in memory. A larger one is split by
 * a hash of the customer id into buckets of about that size, spilled to a
 * temporary directory as they come, then read back and grouped one bucket at a
 * time: memory holds one bucket, whatever the size of the file or the number of
 * customers.
 */
export function createCustomerBuckets(fileBytes: number, bucketBytes = BUCKET_BYTES): CustomerBuckets {
  const count = Math.max(1, Math.ceil(fileBytes / bucketBytes));
  if (count === 1) {
    const memory = groupInMemory();
    return {
      add: (event) => memory.add(event),
      async *customers() {
        for (const group of memory.take()) yield group;
      },
      dispose: () => {},
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'upgradekit-simulate-'));
  const pending: string[] = Array.from({ length: count }, () => '');
  const file = (index: number) => join(dir, `${index}.ndjson`);
  const flush = (index: number) => {
    if (!pending[index]) return;
    appendFileSync(file(index), pending[index]!);
    pending[index] = '';
  };
  return {
    add(event, line) {
      const index = Math.floor(hashToUnit(event.customerId) * count);
      pending[index] += `${line}\n`;
      if (pending[index]!.length > FLUSH_CHARS) flush(index);
    },
    async *customers() {
      for (let index = 0; index < count; index++) {
        flush(index);
        let text: string;
        try {
          text = readFileSync(file(index), 'utf8');
        } catch {
          continue; // No customer hashed into this bucket.
        }
        const bucket = groupInMemory();
        // The lines were validated on the way in.
        for (const line of text.split('\n')) if (line) bucket.add(JSON.parse(line) as UpgradeKitEvent);
        text = '';
        for (const group of bucket.take()) yield group;
      }
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
