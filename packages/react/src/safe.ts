import type { CheckResult, Config, UpgradeKit } from '@upgradekit/core';

const logged = new Set<string>();
/** Logs a caught failure once, so a failing client cannot flood the console from every render. */
export function reportOnce(message: string, error?: unknown): void {
  if (logged.has(message)) return;
  logged.add(message);
  console.error(`[upgradekit] ${message}`, ...(error === undefined ? [] : [error]));
}

/** Whether `feature` fails open: its own `failMode`, else the policy's (default closed). */
export function failsOpen(config: Config | undefined, feature: string): boolean {
  return (config?.features[feature]?.failMode ?? config?.policy.failMode) === 'open';
}

// Stable per client and feature, because a hook's snapshot must not change identity between reads.
const fallbacks = new WeakMap<UpgradeKit, Map<string, CheckResult>>();

/**
 * `kit.check(feature)`, or, if the client throws, a `fallback` answer from the
 * feature's fail mode: a broken client degrades the UI instead of the host app.
 */
export function safeCheck(kit: UpgradeKit, feature: string): CheckResult {
  try {
    return kit.check(feature);
  } catch (error) {
    reportOnce(`check("${feature}") failed; answering from the feature's fail mode`, error);
    let byFeature = fallbacks.get(kit);
    if (!byFeature) fallbacks.set(kit, (byFeature = new Map()));
    let result = byFeature.get(feature);
    if (!result) {
      const open = failsOpen(kit.config, feature);
      const limit = open ? 'unlimited' : 0;
      result = { feature, allowed: open, reason: 'fallback', usage: 0, limit, remaining: limit, ratio: 0, resetsAt: null, upgrade: null };
      byFeature.set(feature, result);
    }
    return result;
  }
}

/** `read()`, or `fallback` (a stable value) if the client throws. */
export function safely<T>(what: string, read: () => T, fallback: T): T {
  try {
    return read();
  } catch (error) {
    reportOnce(`${what} failed; showing nothing`, error);
    return fallback;
  }
}
