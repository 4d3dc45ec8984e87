import type { Platform } from '../platform.js';
import { MAX_TIMER_MS } from './time.js';

/**
 * Calls `callback` once the platform clock has reached `at` (epoch ms), however
 * far away, and never synchronously. Timers cannot hold more than about 24.8 days
 * (a longer delay fires at once), so a long wait is made of steps, each re-reading
 * the clock, which also follows a clock that jumps. Returns a cancel.
 */
export function callAt(platform: Pick<Platform, 'now' | 'setTimeout' | 'clearTimeout'>, at: number, callback: () => void): () => void {
  let handle: unknown;
  let cancelled = false;
  const arm = () => {
    const wait = Math.min(Math.max(0, at - platform.now()), MAX_TIMER_MS);
    handle = platform.setTimeout(() => {
      if (cancelled) return;
      if (platform.now() >= at) callback();
      else arm();
    }, wait);
  };
  arm();
  return () => {
    cancelled = true;
    platform.clearTimeout(handle);
  };
}
