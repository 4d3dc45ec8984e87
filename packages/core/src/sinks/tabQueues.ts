import type { UpgradeKitEvent } from '../conversion/events.js';
import type { LockManager } from '../platform.js';
import type { SafeStorage } from '../storage.js';
import { isRecord } from '../utils/isRecord.js';
import { readStoredEvents } from './httpQueue.js';

/** Without Web Locks, a queue not written for this long is taken to belong to a closed tab. */
export const STALE_QUEUE_MS = 60_000;

const tabLock = (key: string) => `upgradekit:${key}`;

/**
 * Every tab of an origin keeps its own queue (`<base>:<tab id>`) and holds a Web
 * Lock named after it for as long as it lives, so a tab never sends what another
 * live tab is sending. What a closed tab left behind is adopted here: its lock is
 * free (or, without locks, it has not been written for a minute), so its events
 * move into `adopt` and its key is removed. One adopter at a time. Also adopts
 * the queue earlier versions kept under `<base>` alone.
 */
export function adoptOrphanQueues(options: {
  storage: SafeStorage;
  locks: LockManager | null;
  base: string;
  ownKey: string;
  now: number;
  adopt(events: UpgradeKitEvent[]): void;
}): Promise<void> {
  const { storage, locks, base, ownKey, now, adopt } = options;
  const take = (key: string) => {
    adopt(readStoredEvents(storage.read(key)));
    storage.remove(key);
  };
  const candidates = storage.keys(base).filter((key) => key !== ownKey && (key === base || key.startsWith(`${base}:`)));
  if (!candidates.length) return Promise.resolve();
  if (!locks) {
    for (const key of candidates) {
      const stored = storage.read<unknown>(key);
      const at = isRecord(stored) && typeof stored.at === 'number' ? stored.at : 0;
      if (now - at > STALE_QUEUE_MS) take(key);
    }
    return Promise.resolve();
  }
  return Promise.resolve(
    locks.request(`upgradekit:adopt:${base}`, {}, async () => {
      for (const key of candidates) {
        if (key === base) take(key);
        else await locks.request(tabLock(key), { ifAvailable: true }, (lock) => lock && take(key));
      }
    }),
  ).then(() => undefined);
}

/** Holds this tab's queue lock until `release()` (or until the page goes away). */
export function holdTabLock(locks: LockManager | null, key: string): () => void {
  let released = false;
  let release: () => void = () => void (released = true);
  void locks?.request(tabLock(key), {}, () => (released ? undefined : new Promise<void>((resolve) => (release = () => resolve()))));
  return () => release();
}
