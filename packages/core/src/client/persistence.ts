import * as z from 'zod/mini';
import type { PersistOptions, PersistStorage, StorageValue } from 'zustand/middleware';
import type { Customer } from '../entitlements/customer.js';
import { trialKey } from '../entitlements/trials.js';
import { createDeferredWrites, type SafeStorage } from '../storage.js';
import { parseLeniently } from '../utils/lenient.js';
import type { WarningHandler } from '../utils/log.js';
import { formatPath } from '../config/messages.js';
import type { KitState, Stored } from './state.js';

/*
 * What survives a reload, per customer, through zustand's `persist`: usage tracked
 * here after the server measured it, trials started here, signals, and which trial
 * ends were reported. What is read back is validated: a wrong-shaped field (an old
 * version, another script, a hand edit) is dropped with a warning and rewritten,
 * and everything else is kept.
 */

const finite = z.number();
const nonNegative = finite.check(z.minimum(0));

const storedSchema = z.object({
  usage: z.optional(z.record(z.string(), z.strictObject({ value: nonNegative, asOf: finite, basis: z.optional(finite) }))),
  signals: z.optional(
    z.record(z.string(), z.strictObject({ total: nonNegative, buckets: z.array(z.tuple([finite, nonNegative])) })),
  ),
  trials: z.optional(z.array(z.strictObject({ feature: z.optional(z.string()), plan: z.optional(z.string()), startedAt: finite, endsAt: finite }))),
  /** Trials whose `trial.ended` was already emitted, as `target@endsAt`. */
  ended: z.optional(z.array(z.string())),
});


/** The storage key of a customer's client state. */
export const clientKey = (customerId: string) => `client:${customerId}`;

/**
 * A zustand `PersistStorage` over the client's safe storage. Writes are coalesced
 * into one per task (a burst of `track()` calls serialises the state once), and
 * `flush()` writes at once (page hide, destroy). Reads are validated leniently.
 */
export function createPersistStorage(storage: SafeStorage, warn: WarningHandler) {
  const writes = createDeferredWrites(storage);
  const persistStorage: PersistStorage<Stored> = {
    getItem(name) {
      const raw = storage.read<unknown>(name);
      if (raw === undefined) return null;
      let dropped = false;
      const state = parseLeniently(storedSchema, raw, (path, message) => {
        dropped = true;
        warn(`stored state under "${name}" at ${formatPath(path)} ${message}; dropped it and kept the rest`);
      });
      // Rewrite what was cleaned, so the warning is not repeated on every load.
      if (dropped) writes.write(name, state);
      return { state: state as Stored, version: 0 };
    },
    setItem: (name, value: StorageValue<Stored>) => writes.write(name, value.state),
    removeItem(name) {
      writes.discard();
      storage.remove(name);
    },
  };
  /** Forgets a write not made yet (the fresh state of a customer about to be rehydrated). */
  const discardPending = () => writes.discard();
  return { persistStorage, flush: writes.flush, discardPending };
}

/**
 * How stored state joins the customer from the server: usage tracked here on top
 * of the server's latest measurement wins (a newer measurement includes it),
 * trials started here are added, signals and reported trial ends are taken as stored.
 */
export function mergeStored(stored: Partial<Stored> | undefined, current: KitState): KitState {
  if (!stored) return current;
  const customer: Customer = { ...current.customer, usage: Object.assign(Object.create(null), current.customer.usage) };
  for (const [featureId, entry] of Object.entries(stored.usage ?? {})) {
    const server = customer.usage[featureId];
    // Usage tracked here on top of the server's latest measurement, or a newer measurement: keep it.
    if (!server || (entry.basis !== undefined ? entry.basis >= server.asOf : entry.asOf > server.asOf)) customer.usage[featureId] = entry;
  }
  const known = new Set(customer.trials.map(trialKey));
  const added = (stored.trials ?? []).filter((trial) => !known.has(trialKey(trial)));
  if (added.length) customer.trials = [...customer.trials, ...added];
  return {
    ...current,
    customer,
    signals: Object.assign(Object.create(null), stored.signals),
    ended: stored.ended ?? [],
  };
}

/** The persist middleware's options for a customer's client state. */
export function persistOptions(customerId: string, persistStorage: PersistStorage<Stored>): PersistOptions<KitState, Stored> {
  return {
    name: clientKey(customerId),
    storage: persistStorage,
    partialize: ({ customer, signals, ended }) => ({ usage: customer.usage, signals, trials: customer.trials, ended }),
    merge: (stored, current) => mergeStored(stored as Partial<Stored> | undefined, current),
  };
}
