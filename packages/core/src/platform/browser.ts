import type { KeyValueStorage, LockManager, Platform } from '../platform.js';

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
    const local = g.localStorage;
    storage = local
      ? {
          getItem: (key) => local.getItem(key),
          setItem: (key, value) => local.setItem(key, value),
          removeItem: (key) => local.removeItem(key),
          keys: () => Object.keys(local),
        }
      : null;
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
    locks: (g.navigator as { locks?: LockManager } | undefined)?.locks ?? null,
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
