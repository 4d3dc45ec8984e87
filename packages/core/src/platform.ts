/**
 * Everything UpgradeKit needs from its environment comes through one `Platform`
 * object, so the core never touches browser globals and tests never sleep.
 */

/** The subset of the Web Storage API UpgradeKit uses. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  /** Every key stored, to find what closed tabs left behind. Optional: without it, nothing is adopted. */
  keys?(): string[];
}

/**
 * The Web Locks API's `request`, which tabs coordinate through: the callback runs
 * holding the exclusive lock `name` until its promise settles; with `ifAvailable`,
 * it runs at once with `null` when another tab holds the lock. A lock a page holds
 * is released when the page goes away.
 */
export interface LockManager {
  request(name: string, options: { ifAvailable?: boolean }, callback: (lock: unknown) => unknown): Promise<unknown>;
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
  /** Exclusive locks shared by the tabs of the origin (`navigator.locks`), or `null` where there are none. */
  locks: LockManager | null;
  /**
   * Calls `onVisible` once when `element` is at least half on screen; returns a
   * cancel. Where that cannot be observed, it calls back at once (counting
   * mounted as seen). Used to count a prompt as shown only when it was seen.
   */
  observeVisible(element: unknown, onVisible: () => void): () => void;
}
