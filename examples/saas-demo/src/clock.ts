import type { Platform } from '@upgradekit/core';

/*
 * The demo's notion of "now": the browser's clock plus an offset the clock control
 * moves forward (an hour, a day, a week), kept across reloads. UpgradeKit reads time
 * only through its platform, so giving it this platform is all it takes to watch
 * windows slide, cool-downs and snoozes run out, trials end and usage reset.
 */

const KEY = 'acme:clock';

export interface DemoClock {
  /** The browser platform with this clock: `now()` and timers run on simulated time. */
  platform: Platform;
  now(): number;
  /** How far the demo runs ahead of the real clock, ms; changes identity on every move (for useSyncExternalStore). */
  getSnapshot(): number;
  subscribe(listener: () => void): () => void;
  /** Moves "now" forward; timers that fall due in the skipped span run at once, in order. */
  advance(ms: number): void;
}

interface Timer {
  /** When it is due, in simulated time. */
  due: number;
  callback: () => void;
  handle: unknown;
}

function readOffset(storage: Storage | null): number {
  try {
    const value = Number(storage?.getItem(KEY) ?? 0);
    return Number.isFinite(value) && value > 0 ? value : 0;
  } catch {
    return 0;
  }
}

/**
 * An offset clock over `base`. Timers are kept in simulated time: a trial end two
 * weeks away is due two weeks of simulated time from when it was set, so skipping
 * ahead fires it (and UpgradeKit's clock tick) right after the jump.
 */
export function createDemoClock(base: Platform, storage: Storage | null = globalThis.localStorage ?? null): DemoClock {
  let offset = readOffset(storage);
  const listeners = new Set<() => void>();
  const timers = new Set<Timer>();
  const now = () => base.now() + offset;
  const arm = (timer: Timer) => {
    timer.handle = base.setTimeout(() => {
      timers.delete(timer);
      timer.callback();
    }, Math.max(0, timer.due - now()));
  };
  const moved = (next: number) => {
    offset = next;
    // Re-armed in the order they fall due, so what was scheduled first runs first.
    for (const timer of [...timers].sort((a, b) => a.due - b.due)) {
      base.clearTimeout(timer.handle);
      arm(timer);
    }
    listeners.forEach((listener) => listener());
  };
  // Another tab moved the clock: follow it, so both tabs agree on "now".
  globalThis.addEventListener?.('storage', (event: StorageEvent) => {
    if (event.key === KEY) moved(readOffset(storage));
  });

  const platform: Platform = {
    ...base,
    now,
    setTimeout(callback, ms) {
      const timer: Timer = { due: now() + ms, callback, handle: undefined };
      timers.add(timer);
      arm(timer);
      return timer;
    },
    clearTimeout(handle) {
      const timer = handle as Timer;
      if (!timers.delete(timer)) return;
      base.clearTimeout(timer.handle);
    },
  };
  return {
    platform,
    now,
    getSnapshot: () => offset,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    advance(ms) {
      if (!(ms > 0)) return;
      try {
        storage?.setItem(KEY, String(offset + ms));
      } catch {
        // Without storage the offset lasts for this page.
      }
      moved(offset + ms);
    },
  };
}
