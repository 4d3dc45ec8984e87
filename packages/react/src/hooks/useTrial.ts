'use client';
import { useMemo } from 'react';
import type { StartTrialResult, TrialStatus, TrialTarget } from '@upgradekit/core';
import { useKitContext } from '../context.js';
import { safely } from '../safe.js';
import { useKitValue } from './useUpgradeKit.js';

export type Trial = TrialStatus & {
  /** Starts the trial now; the status re-renders to `active` on success. */
  start(): StartTrialResult;
};

const UNAVAILABLE: TrialStatus = { state: 'unavailable', endsAt: null, daysLeft: null };

const NOT_STARTED: StartTrialResult = { ok: false, reason: 'not_eligible' };

/** The trial status of a feature (its id, or `{ feature }`) or a plan (`{ plan }`): `active`, `eligible`, `expired` or `unavailable`. */
export function useTrial(target: string | TrialTarget): Trial {
  const { kit, diagnostics } = useKitContext('useTrial()');
  // Keyed by primitives so an inline `{ plan: 'team' }` does not make a new target every render.
  const feature = typeof target === 'string' ? target : target.feature;
  const plan = typeof target === 'string' ? undefined : target.plan;
  const resolved = useMemo<TrialTarget>(() => (feature !== undefined ? { feature } : { plan: plan ?? '' }), [feature, plan]);
  const status = useKitValue(kit, () => safely(diagnostics, 'getTrial()', () => kit.getTrial(resolved), UNAVAILABLE));
  return useMemo(
    () => ({ ...status, start: () => safely(diagnostics, 'startTrial()', () => kit.startTrial(resolved), NOT_STARTED) }),
    [kit, diagnostics, status, resolved],
  );
}
