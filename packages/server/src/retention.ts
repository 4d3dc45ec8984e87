import type { ResolvedOptions } from './options.js';

/* The retention setting: events older than `retention` are deleted on start and every hour. */

const EVERY_MS = 60 * 60 * 1000;

export function startRetention({ store, retentionMs, now, warn }: ResolvedOptions): { stop(): void } {
  if (retentionMs === null) return { stop() {} };
  const prune = () =>
    store.deleteBefore(now() - retentionMs).catch((error: unknown) => {
      warn(`[upgradekit] old events could not be deleted (${error instanceof Error ? error.message : String(error)}); trying again in an hour`);
    });
  void prune();
  const timer = setInterval(() => void prune(), EVERY_MS);
  timer.unref?.();
  return { stop: () => clearInterval(timer) };
}
