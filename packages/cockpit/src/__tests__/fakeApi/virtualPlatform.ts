import type { Platform } from '@upgradekit/core';
import { createMemoryPlatform } from '@upgradekit/core/testing';

/** A memory platform whose clock and timers move only when told to, so a client lives through weeks in milliseconds. */
export interface VirtualPlatform extends Platform {
  /** Moves the clock to `at` (never back) and runs the timers that fell due, earliest first. */
  advanceTo(at: number): void;
}

export function createVirtualPlatform(start: number, seed: number): VirtualPlatform {
  let now = start;
  let timers: Array<{ due: number; callback: () => void }> = [];
  const base = createMemoryPlatform({ now: () => now, seed, storage: null });
  return {
    ...base,
    setTimeout(callback, ms) {
      const timer = { due: now + Math.max(0, Number.isFinite(ms) ? ms : 0), callback };
      timers.push(timer);
      return timer;
    },
    clearTimeout(handle) {
      timers = timers.filter((timer) => timer !== handle);
    },
    advanceTo(target) {
      const at = Math.floor(target);
      if (!(at > now)) return;
      now = at;
      const due = timers.filter((timer) => timer.due <= at).sort((a, b) => a.due - b.due);
      timers = timers.filter((timer) => timer.due > at);
      for (const timer of due) timer.callback();
    },
  };
}
