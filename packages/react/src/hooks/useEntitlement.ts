'use client';
import type { CheckResult } from '@upgradekit/core';
import { useKitContext } from '../context.js';
import { safeCheck } from '../safe.js';
import { useKitValue } from './useUpgradeKit.js';

/** Whether the customer may use `feature` now; re-renders only when this feature's result changes. */
export function useEntitlement(feature: string): CheckResult {
  const context = useKitContext('useEntitlement()');
  return useKitValue(context.kit, () => safeCheck(context, feature));
}
