'use client';
import type { CheckResult } from '@upgradekit/core';
import { useKitContext } from '../context';
import { safeCheck } from '../safe';
import { useKitValue } from './useUpgradeKit';

/** Whether the customer may use `feature` now; re-renders only when this feature's result changes. */
export function useEntitlement(feature: string): CheckResult {
  const { kit } = useKitContext('useEntitlement()');
  return useKitValue(kit, () => safeCheck(kit, feature));
}
