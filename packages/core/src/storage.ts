import type { KeyValueStorage } from './platform.js';
import type { WarningHandler } from './utils/log.js';

/** Versioned prefix of every key UpgradeKit writes; bump the version when a stored shape changes. */
export const STORAGE_PREFIX = 'upgradekit:v1:';

/** JSON storage that never throws. */
export interface SafeStorage {
  read<T>(key: string): T | undefined;
  write(key: string, value: unknown): void;
  remove(key: string): void;
  /** Keys under UpgradeKit's prefix that start with `start` (without the prefix); empty where storage cannot list. */
  keys(start: string): string[];
}

/**
 * Wraps platform storage so that a disabled storage (it throws on access), a
 * full one (quota errors) or corrupt JSON only costs persistence, with a
 * warning, and never the running session: values then live in memory.
 */
export function createSafeStorage(storage: KeyValueStorage | null, warn: WarningHandler): SafeStorage {
  const memory = new Map<string, string>();
  let backend = storage;
  const fallBack = (what: string, error: unknown) => {
    warn(`storage ${what} failed (${error instanceof Error ? error.name + ': ' + error.message : String(error)}); keeping state in memory for this page`);
    backend = null;
  };
  return {
    read(key) {
      const fullKey = STORAGE_PREFIX + key;
      let text = memory.get(fullKey) ?? null;
      if (text === null && backend) {
        try {
          text = backend.getItem(fullKey);
        } catch (error) {
          fallBack('read', error);
        }
      }
      if (text === null) return undefined;
      try {
        return JSON.parse(text);
      } catch {
        // Left in place: the next write replaces it, and nothing else is touched.
        warn(`stored data under "${fullKey}" is not valid JSON; starting from the server's data`);
        return undefined;
      }
    },
    write(key, value) {
      const fullKey = STORAGE_PREFIX + key;
      const text = JSON.stringify(value);
      if (backend) {
        try {
          backend.setItem(fullKey, text);
          memory.delete(fullKey);
          return;
        } catch (error) {
          fallBack('write', error);
        }
      }
      memory.set(fullKey, text);
    },
    remove(key) {
      const fullKey = STORAGE_PREFIX + key;
      memory.delete(fullKey);
      try {
        backend?.removeItem(fullKey);
      } catch (error) {
        fallBack('remove', error);
      }
    },
    keys(start) {
      let stored: string[] = [];
      try {
        stored = backend?.keys?.() ?? [];
      } catch (error) {
        fallBack('listing', error);
      }
      const prefix = STORAGE_PREFIX + start;
      return [...new Set([...stored, ...memory.keys()])].filter((key) => key.startsWith(prefix)).map((key) => key.slice(STORAGE_PREFIX.length));
    },
  };
}

/** Writes to a `SafeStorage` held back to the end of the task (see `createDeferredWrites`). */
export interface DeferredWrites {
  /** Queues `value` under `key`, replacing a write of it not made yet. */
  write(key: string, value: unknown): void;
  /** Makes every queued write now (page hide, destroy). */
  flush(): void;
  /** Forgets every queued write (state about to be replaced, or removed). */
  discard(): void;
}

/**
 * Coalesces writes into one per key per task: a burst of changes (a `track()`
 * loop, a prompt shown, counted and touched) is serialised once, in a microtask,
 * which runs before the page can go away.
 */
export function createDeferredWrites(storage: SafeStorage): DeferredWrites {
  const pending = new Map<string, unknown>();
  const flush = () => {
    for (const [key, value] of pending) storage.write(key, value);
    pending.clear();
  };
  return {
    write(key, value) {
      if (!pending.size) queueMicrotask(flush);
      pending.set(key, value);
    },
    flush,
    discard: () => pending.clear(),
  };
}
