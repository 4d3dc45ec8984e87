import type { Config, UpgradeKitEvent } from '@upgradekit/core';
import { createEventId } from '@upgradekit/core/internal';
import { drawProfile } from './profile.js';
import { createRandom, seedOf } from './random.js';
import { createSampleCustomer } from './sampleCustomer.js';

const DAY = 864e5;

export interface SampleOptions {
  customers: number;
  days: number;
  seed: number;
  /** The first day, epoch ms (midnight UTC is best). */
  start: number;
}

interface Collected {
  event: UpgradeKitEvent;
  customer: number;
  sequence: number;
}

/** `cus_0001`: ids that sort in creation order. */
const customerId = (index: number, count: number) => `cus_${String(index + 1).padStart(Math.max(4, String(count).length), '0')}`;

/**
 * Sample histories made by the real SDK: every customer is a `createUpgradeKit`
 * client with `createPromptEngine` on a simulated clock, driven day by day by
 * behaviour drawn from a generator seeded by `seed` (see `sampleCustomer.ts`), and
 * the events are the ones the SDK emits. Customers advance in lockstep a day at a
 * time, so memory holds the clients and one day of events, whatever `days` is.
 * Each day's events are written in time order, as NDJSON, through `write`.
 *
 * The same options give byte-identical output. The SDK draws event ids from crypto
 * randomness (ids from two clients must never collide), so the ids are rewritten
 * after collection: the same time-sortable shape (`createEventId`), drawn from
 * (seed, position in the output). Ids the SDK derives itself (trial events) are
 * rewritten alike, which keeps them unique across customers.
 */
export async function generateSample(config: Config, options: SampleOptions, write: (text: string) => Promise<void>, onDay?: (day: number) => void): Promise<number> {
  const collected: Collected[] = [];
  let sequence = 0;
  const customers = Array.from({ length: options.customers }, (_, index) => {
    const random = createRandom(seedOf(options.seed, 'customer', index));
    const profile = drawProfile(config, random, customerId(index, options.customers), options.start);
    return createSampleCustomer(config, profile, random, options.start, (event) => void collected.push({ event, customer: index, sequence: sequence++ }));
  });
  const ids = createRandom(seedOf(options.seed, 'ids'));
  let written = 0;
  try {
    for (let day = 0; day < options.days; day++) {
      const dayStart = options.start + day * DAY;
      for (const customer of customers) customer.playDay(dayStart);
      collected.sort((a, b) => a.event.at - b.event.at || a.customer - b.customer || a.sequence - b.sequence);
      let text = '';
      for (const { event } of collected) {
        event.id = createEventId(event.at, ids.next);
        text += `${JSON.stringify(event)}\n`;
      }
      written += collected.length;
      collected.length = 0;
      await write(text);
      onDay?.(day + 1);
    }
  } finally {
    for (const customer of customers) customer.destroy();
  }
  return written;
}
