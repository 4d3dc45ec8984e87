'use client';
import { useMemo } from 'react';
import type { StartTrialResult, TrialStatus, TrialTarget } from '@upgradekit/core';
import { useKitContext } from '../context.js';
import { safely } from '../safe.js';
import { useRerenderAt } from './useRerenderAt.js';
import { useKitValue } from './useUpgradeKit.js';

export type Trial = TrialStatus & {
  /** Starts the trial now; the status re-renders to `active` on success. */
  start(): StartTrialResult;
};

const UNAVAILABLE: TrialStatus = { state: 'unavailable', endsAt: null, daysLeft: null };

const NOT_STARTED: StartTrialResult = { ok: false, reason: 'not_eligible' };

const DAY = 864e5;

/** When an active trial's status next changes with time alone: a day fewer left, or its end. */
const nextChange = (status: TrialStatus): number | null =>
  status.state === 'active' && status.endsAt !== null && status.daysLeft !== null ? status.endsAt - (status.daysLeft - 1) * DAY : null;

/**
 * The trial status of a feature (its id, or `{ feature }`) or a plan (`{ plan }`):
 * `active`, `eligible`, `expired` or `unavailable`. Re-renders when it changes, also
 * with time alone: each day `daysLeft` counts down, and when the trial ends.
 */
export function useTrial(target: string | TrialTarget): Trial {
  const { kit, diagnostics } = useKitContext('useTrial()');
  // Keyed by primitives so an inline `{ plan: 'team' }` does not make a new target every render.
  const feature = typeof target === 'string' ? target : target.feature;
  const plan = typeof target === 'string' ? undefined : target.plan;
  const resolved = useMemo<TrialTarget>(() => (feature !== undefined ? { feature } : { plan: plan ?? '' }), [feature, plan]);
  const status = useKitValue(kit, () => safely(diagnostics, 'getTrial()', () => kit.getTrial(resolved), UNAVAILABLE));
  useRerenderAt(kit, nextChange(status));
  return useMemo(
    () => ({ ...status, start: () => safely(diagnostics, 'startTrial()', () => kit.startTrial(resolved), NOT_STARTED) }),
    [kit, diagnostics, status, resolved],
  );
}
