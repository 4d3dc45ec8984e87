import type { Io } from './io.js';
import { write } from './io.js';

/** Starts the clock for `--stats`: call the result when done to print one line to stderr. */
export function startStats(io: Io, enabled: boolean): (events: number) => Promise<void> {
  const started = performance.now();
  return async (events) => {
    if (!enabled) return;
    const seconds = (performance.now() - started) / 1000;
    // maxRSS is in kilobytes: the process's peak resident memory so far.
    const peakMb = process.resourceUsage().maxRSS / 1024;
    const rate = seconds > 0 ? Math.round(events / seconds) : 0;
    await write(io.stderr, `stats: events=${events} seconds=${seconds.toFixed(3)} events_per_second=${rate} peak_rss_mb=${peakMb.toFixed(1)}\n`);
  };
}
