import type { CheckResult, Config, UpgradeKit } from '@upgradekit/core';
import type { Diagnostics } from './diagnostics.js';

/** Whether `feature` fails open: its own `failMode`, else the policy's (default closed). */
export function failsOpen(config: Config | undefined, feature: string): boolean {
  return (config?.features[feature]?.failMode ?? config?.policy.failMode) === 'open';
}

/** What a component needs to degrade instead of failing: the client, where to report, and stable fallbacks. */
export interface SafeParts {
  kit: UpgradeKit;
  diagnostics: Diagnostics;
  /** Fallback answers per feature: a hook's snapshot must not change identity between reads. */
  fallbacks: Map<string, CheckResult>;
}

/**
 * `kit.check(feature)`, or, if the client throws, a `fallback` answer from the
 * feature's fail mode: a broken client degrades the UI instead of the host app.
 */
export function safeCheck({ kit, diagnostics, fallbacks }: SafeParts, feature: string): CheckResult {
  try {
    return kit.check(feature);
  } catch (error) {
    diagnostics.report(`check("${feature}") failed; answering from the feature's fail mode`, error);
    let result = fallbacks.get(feature);
    if (!result) {
      const open = failsOpen(kit.config, feature);
      const limit = open ? 'unlimited' : 0;
      result = { feature, allowed: open, reason: 'fallback', usage: 0, limit, remaining: limit, ratio: 0, resetsAt: null, upgrade: null };
      fallbacks.set(feature, result);
    }
    return result;
  }
}

/** `read()`, or `fallback` (a stable value) if the client throws. */
export function safely<T>(diagnostics: Diagnostics, what: string, read: () => T, fallback: T): T {
  try {
    return read();
  } catch (error) {
    diagnostics.report(`${what} failed; showing nothing`, error);
    return fallback;
  }
}
