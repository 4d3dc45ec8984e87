'use client';
import { useMemo } from 'react';
import type { CheckResult, Config } from '@upgradekit/core';
import { criticalRatio, warningRatio } from '@upgradekit/core/internal';
import { useKitContext } from '../context.js';
import { safeCheck } from '../safe.js';
import { useKitValue } from './useUpgradeKit.js';

/** How close usage is to the limit. `exceeded` means at or over it: the next use is denied. */
export type UsageState = 'ok' | 'warning' | 'critical' | 'exceeded';

export interface Thresholds {
  /** Usage ratio from which the state is `warning`. Default: `policy.thresholds.warning`, else 0.8. */
  warning?: number;
  /** Usage ratio from which the state is `critical`. Default: `policy.thresholds.critical`, else 0.95. */
  critical?: number;
}

export type Usage = CheckResult & { state: UsageState };

export function usageState(result: CheckResult, config: Config, thresholds?: Thresholds): UsageState {
  if (result.limit === 'unlimited' || result.reason === 'fallback' || result.reason === 'unknown_feature') return 'ok';
  const { warning = warningRatio(config), critical = criticalRatio(config) } = thresholds ?? {};
  if (!result.allowed || result.ratio >= 1) return 'exceeded';
  return result.ratio >= critical ? 'critical' : result.ratio >= warning ? 'warning' : 'ok';
}

/** A metered or seats feature's usage, limit and `state`; re-renders only when this feature changes. */
export function useUsage(feature: string, thresholds?: Thresholds): Usage {
  const context = useKitContext('useUsage()');
  const { kit } = context;
  const result = useKitValue(kit, () => safeCheck(context, feature));
  const { warning, critical } = thresholds ?? {};
  return useMemo(
    () => ({ ...result, state: usageState(result, kit.config, { ...(warning !== undefined && { warning }), ...(critical !== undefined && { critical }) }) }),
    [result, kit, warning, critical],
  );
}
