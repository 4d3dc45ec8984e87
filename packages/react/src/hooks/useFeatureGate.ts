'use client';
import { useMemo } from 'react';
import type { CheckReason, UpgradePath } from '@upgradekit/core';
import { useKitContext } from '../context.js';
import { safeCheck, safely } from '../safe.js';
import { useKitValue } from './useUpgradeKit.js';

export interface FeatureGate {
  allowed: boolean;
  reason: CheckReason;
  /** The cheapest plan or add-on that would allow it; `null` when allowed or when nothing would. */
  upgradePath: UpgradePath | null;
  /** Call when the customer tries to use the feature: records a gate hit when denied, and returns `allowed`. */
  attempt(): boolean;
}

/** A gate for `feature`: render on `allowed`, call `attempt()` on use so repeated attempts can trigger prompts. */
export function useFeatureGate(feature: string): FeatureGate {
  const context = useKitContext('useFeatureGate()');
  const { kit, diagnostics } = context;
  const result = useKitValue(kit, () => safeCheck(context, feature));
  return useMemo(
    () => ({
      allowed: result.allowed,
      reason: result.reason,
      upgradePath: result.upgrade,
      attempt: () => safely(diagnostics, 'attempt()', () => kit.check(feature, { attempt: true }).allowed, result.allowed),
    }),
    [kit, diagnostics, feature, result],
  );
}
