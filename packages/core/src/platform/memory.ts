import { seededRandom } from '../utils/seededRandom.js';
import type { KeyValueStorage, Platform } from '../platform.js';
import { createMemoryLocks, createMemoryTabs, type MemoryTabs } from './memoryTabs.js';

export { createMemoryTabs, type MemoryTabs } from './memoryTabs.js';

/** A `Map`-backed storage, for tests and server rendering. */
export function createMemoryStorage(initial?: Record<string, string>): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial ?? {}));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, String(value)),
    removeItem: (key) => void data.delete(key),
    keys: () => [...data.keys()],
  };
}

export interface MemoryPlatformOptions {
  /** Clock. Default: `Date.now` (which Vitest's fake timers control). */
  now?: () => number;
  /** Seed of the deterministic random generator. Default: `1`. */
  seed?: number;
  /** Default: a fresh memory storage. Pass `null` for "no storage". */
  storage?: KeyValueStorage | null;
  /** Default: none. */
  fetch?: typeof fetch;
  /** Default: none. */
  sendBeacon?: (url: string, body: string) => boolean;
  /** Platforms created with the same `tabs` hear each other's channel messages. Default: an isolated tab. */
  tabs?: MemoryTabs;
}

export interface MemoryPlatform extends Platform {
  /** Simulates the page being hidden: calls every `onHide` listener. */
  hide(): void;
  /**
   * Simulates the page going away without any cleanup (a closed tab, a crash):
   * hidden, then every lock it holds is released, as a browser does. Timers keep
   * running: destroy what the test created when it is done with it.
   */
  unload(): void;
  /** Simulates the page becoming visible again. */
  show(): void;
}

/**
 * A deterministic platform with no browser APIs: for tests, Node servers and SSR.
 * Timers are the global ones, so `vi.useFakeTimers()` controls them.
 */
export function createMemoryPlatform(options: MemoryPlatformOptions = {}): MemoryPlatform {
  const random = seededRandom(options.seed ?? 1);
  let visible = true;
  const hideListeners = new Set<() => void>();
  const tabs = options.tabs ?? createMemoryTabs();
  const locks = createMemoryLocks(tabs);
  const hide = () => {
    visible = false;
    for (const listener of [...hideListeners]) listener();
  };
  return {
    now: options.now ?? (() => Date.now()),
    // Seeded, so jitter and sampling are reproducible.
    random,
    storage: options.storage === undefined ? createMemoryStorage() : options.storage,
    fetch: options.fetch,
    sendBeacon: options.sendBeacon,
    setTimeout(callback, ms) {
      const handle = setTimeout(callback, ms);
      // In Node, UpgradeKit's own timers (trial ends, prompt ticks) must not keep a process alive.
      (handle as { unref?: () => void }).unref?.();
      return handle;
    },
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    isVisible: () => visible,
    onHide(listener) {
      hideListeners.add(listener);
      return () => void hideListeners.delete(listener);
    },
    hide,
    unload() {
      hide();
      locks.releaseAll();
    },
    show() {
      visible = true;
    },
    locks,
    // Nothing to scroll in memory: everything mounted counts as seen.
    observeVisible(_element, onVisible) {
      onVisible();
      return () => {};
    },
    openChannel(name) {
      const own = new Set<(message: unknown) => void>();
      let peers = tabs.channels.get(name);
      if (!peers) tabs.channels.set(name, (peers = new Set()));
      const deliver = (message: unknown) => own.forEach((listener) => listener(message));
      peers.add(deliver);
      return {
        // Like BroadcastChannel: every other tab hears it, the sender does not; delivery is async.
        post(message) {
          // Cloning costs more than the rest of a track(): skip it when no other tab listens.
          if (peers!.size < 2) return;
          const copy = structuredClone(message);
          for (const peer of peers!) if (peer !== deliver) queueMicrotask(() => peer(copy));
        },
        subscribe(listener) {
          own.add(listener);
          return () => void own.delete(listener);
        },
        close() {
          peers!.delete(deliver);
          own.clear();
        },
      };
    },
  };
}
