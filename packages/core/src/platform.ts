/**
 * Everything UpgradeKit needs from its environment comes through one `Platform`
 * object, so the core never touches browser globals and tests never sleep.
 */

/** The subset of the Web Storage API UpgradeKit uses. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A message channel shared by every tab of the same origin. */
export interface TabChannel {
  post(message: unknown): void;
  subscribe(listener: (message: unknown) => void): () => void;
  close(): void;
}

export interface Platform {
  /** Milliseconds since the epoch. */
  now(): number;
  /** A number in [0, 1). */
  random(): number;
  /** Persistent storage, or `null` when there is none (SSR, tests). */
  storage: KeyValueStorage | null;
  /** `fetch`, or `undefined` where there is no network. */
  fetch: typeof fetch | undefined;
  /** Queues a body to be sent even while the page unloads; returns whether it was queued. */
  sendBeacon: ((url: string, body: string) => boolean) | undefined;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Whether the page is visible now. */
  isVisible(): boolean;
  /** Calls `listener` when the page is hidden (tab switch, navigation, close); returns an unsubscribe. */
  onHide(listener: () => void): () => void;
  /** Opens a channel to the other tabs, or `null` when tabs cannot talk. */
  openChannel(name: string): TabChannel | null;
  /**
   * Calls `onVisible` once when `element` is at least half on screen; returns a
   * cancel. Where that cannot be observed, it calls back at once (counting
   * mounted as seen). Used to count a prompt as shown only when it was seen.
   */
  observeVisible(element: unknown, onVisible: () => void): () => void;
}

const noop = () => {};

/**
 * The platform of a browser page. Each capability is probed defensively: a
 * storage that throws on access (disabled cookies, sandboxed iframes) fails each
 * read and write the same way, which the client reports once.
 */
export function createBrowserPlatform(): Platform {
  const g = globalThis as typeof globalThis & { document?: Document; navigator?: Navigator };
  let storage: KeyValueStorage | null = null;
  try {
    storage = g.localStorage ?? null;
  } catch (error) {
    // Disabled storage throws on access: hand on a storage that fails the same way, so the
    // client warns once and keeps state in memory instead of losing persistence silently.
    const fail = () => {
      throw error;
    };
    storage = { getItem: fail, setItem: fail, removeItem: fail };
  }
  return {
    now: () => Date.now(),
    random: Math.random,
    storage,
    fetch: typeof g.fetch === 'function' ? g.fetch.bind(g) : undefined,
    sendBeacon:
      typeof g.navigator?.sendBeacon === 'function'
        ? (url, body) => g.navigator!.sendBeacon(url, body)
        : undefined,
    // Outside a page (SSR) nothing is scheduled: a client made for one server render
    // must not keep timers (trial ends, prompt ticks) alive after the response.
    setTimeout: (callback, ms) => (g.document ? setTimeout(callback, ms) : undefined),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    isVisible: () => g.document?.visibilityState !== 'hidden',
    onHide(listener) {
      if (!g.document || typeof g.addEventListener !== 'function') return noop;
      // `pagehide` covers navigation and bfcache; `visibilitychange` covers tab switches
      // and mobile app switching, where `pagehide` may never fire.
      const onVisibility = () => g.document!.visibilityState === 'hidden' && listener();
      g.addEventListener('pagehide', listener);
      g.document.addEventListener('visibilitychange', onVisibility);
      return () => {
        g.removeEventListener('pagehide', listener);
        g.document!.removeEventListener('visibilitychange', onVisibility);
      };
    },
    observeVisible(element, onVisible) {
      if (typeof IntersectionObserver !== 'function' || !element) {
        onVisible();
        return noop;
      }
      const observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((entry) => entry.isIntersecting)) return;
          observer.disconnect();
          onVisible();
        },
        { threshold: 0.5 },
      );
      observer.observe(element as Element);
      return () => observer.disconnect();
    },
    openChannel(name) {
      // Outside a page (Node, SSR) there are no tabs, and an open channel would keep a server process alive.
      if (typeof BroadcastChannel !== 'function' || !g.document) return null;
      const channel = new BroadcastChannel(name);
      return {
        post: (message) => channel.postMessage(message),
        subscribe(listener) {
          const onMessage = (event: MessageEvent) => listener(event.data);
          channel.addEventListener('message', onMessage);
          return () => channel.removeEventListener('message', onMessage);
        },
        close: () => channel.close(),
      };
    },
  };
}

/** A `Map`-backed storage, for tests and server rendering. */
export function createMemoryStorage(initial?: Record<string, string>): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial ?? {}));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, String(value)),
    removeItem: (key) => void data.delete(key),
  };
}

/** Connects memory platforms as if they were tabs of one browser. */
export interface MemoryTabs {
  channels: Map<string, Set<(message: unknown) => void>>;
}

export function createMemoryTabs(): MemoryTabs {
  return { channels: new Map() };
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
  /** Simulates the page becoming visible again. */
  show(): void;
}

/**
 * A deterministic platform with no browser APIs: for tests, Node servers and SSR.
 * Timers are the global ones, so `vi.useFakeTimers()` controls them.
 */
export function createMemoryPlatform(options: MemoryPlatformOptions = {}): MemoryPlatform {
  let seed = options.seed ?? 1;
  let visible = true;
  const hideListeners = new Set<() => void>();
  const tabs = options.tabs ?? createMemoryTabs();
  return {
    now: options.now ?? (() => Date.now()),
    // mulberry32: tiny, fast and good enough to make jitter and sampling reproducible.
    random() {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
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
    hide() {
      visible = false;
      for (const listener of [...hideListeners]) listener();
    },
    show() {
      visible = true;
    },
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
