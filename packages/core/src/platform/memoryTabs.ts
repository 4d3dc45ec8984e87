import type { LockManager } from '../platform.js';

/** Connects memory platforms as if they were tabs of one browser: channels and locks. */
export interface MemoryTabs {
  channels: Map<string, Set<(message: unknown) => void>>;
  /** Held lock names, with the waiters queued behind each. */
  locks: Map<string, Array<() => void>>;
}

export function createMemoryTabs(): MemoryTabs {
  return { channels: new Map(), locks: new Map() };
}

/**
 * Web Locks for memory platforms: platforms made with the same `tabs` share
 * them, as the tabs of one browser do. A free lock is granted synchronously (so
 * tests need not wait for what a browser does in a task), a held one queues the
 * request, or answers `null` at once with `ifAvailable`.
 */
export function createMemoryLocks(tabs: MemoryTabs): LockManager & { releaseAll(): void } {
  const held = new Set<string>();
  const release = (name: string) => {
    if (!held.delete(name)) return;
    const waiters = tabs.locks.get(name);
    const next = waiters?.shift();
    if (next) next();
    else tabs.locks.delete(name);
  };
  return {
    request(name, { ifAvailable }, callback) {
      const granted = () => {
        held.add(name);
        return Promise.resolve()
          .then(() => callback({ name }))
          .finally(() => release(name));
      };
      if (!tabs.locks.has(name)) {
        tabs.locks.set(name, []);
        // The callback starts now, not in a later task.
        held.add(name);
        let result: unknown;
        try {
          result = callback({ name });
        } catch (error) {
          release(name);
          return Promise.reject(error);
        }
        return Promise.resolve(result).finally(() => release(name));
      }
      if (ifAvailable) return Promise.resolve(callback(null));
      return new Promise((resolve, reject) => tabs.locks.get(name)!.push(() => void granted().then(resolve, reject)));
    },
    /** The page went away: every lock it held is released. */
    releaseAll() {
      for (const name of [...held]) release(name);
    },
  };
}
