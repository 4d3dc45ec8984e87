import type { Platform } from '../platform.js';
import { createMemoryPlatform } from './memory.js';

interface Timer {
  due: number;
  callback: () => void;
}

/** A memory platform whose clock and timers are simulated: time moves only when told to. */
export interface VirtualPlatform extends Platform {
  /**
   * Moves the clock to `at` (never back; whole milliseconds), then runs once each
   * timer that fell due meanwhile, earliest first, as a page that was asleep does
   * when it wakes: the prompt engine's periodic tick runs once however many
   * periods passed (the state at `at` is the same), and a trial that ended is
   * reported now. A timer set while they run waits for the next move.
   */
  advanceTo(at: number): void;
}

/**
 * The SDK's own memory platform with a clock the caller moves, so a client lives
 * through weeks of a customer's history in milliseconds. `storage: null`: nothing
 * is kept between runs. `seed` makes its random draws reproducible.
 */
export function createVirtualPlatform(start: number, seed: number): VirtualPlatform {
  let now = start;
  let timers: Timer[] = [];
  const base = createMemoryPlatform({ now: () => now, seed, storage: null });
  return {
    ...base,
    setTimeout(callback, ms) {
      const timer: Timer = { due: now + Math.max(0, Number.isFinite(ms) ? ms : 0), callback };
      timers.push(timer);
      return timer;
    },
    clearTimeout(handle) {
      const index = timers.indexOf(handle as Timer);
      if (index !== -1) timers.splice(index, 1);
    },
    advanceTo(target) {
      // Whole milliseconds, as a real clock gives.
      const at = Math.floor(target);
      if (!(at > now)) return;
      now = at;
      if (!timers.some((timer) => timer.due <= at)) return;
      const due = timers.filter((timer) => timer.due <= at).sort((a, b) => a.due - b.due);
      timers = timers.filter((timer) => timer.due > at);
      for (const timer of due) timer.callback();
    },
  };
}
