'use client';
import type { ReactNode } from 'react';
import { useOptionalKitContext } from '../context.js';
import { useFeatureGate, type FeatureGate as Gate } from '../hooks/useFeatureGate.js';

export interface FeatureGateProps {
  /** The feature to check, as `check(feature)` does. */
  feature: string;
  /** Rendered while the customer may use the feature. */
  children?: ReactNode;
  /** Rendered otherwise; a function receives the gate (reason, upgrade path, `attempt`). Default: nothing. */
  fallback?: ReactNode | ((gate: Gate) => ReactNode);
}

const OUTSIDE: Gate = { allowed: false, reason: 'fallback', upgradePath: null, attempt: () => false };

/**
 * Renders `children` when the feature is allowed, `fallback` when not. If the
 * client fails, the check answers from the feature's fail mode: children when
 * it fails open, fallback when closed. It puts no error boundary around your
 * children on purpose: their errors are yours and reach your own boundaries.
 */
export function FeatureGate(props: FeatureGateProps) {
  if (useOptionalKitContext('<FeatureGate>')) return <Gated {...props} />;
  return <>{show(OUTSIDE, props)}</>;
}

function Gated(props: FeatureGateProps) {
  return <>{show(useFeatureGate(props.feature), props)}</>;
}

const show = (gate: Gate, { children, fallback = null }: FeatureGateProps) =>
  gate.allowed ? children : typeof fallback === 'function' ? fallback(gate) : fallback;
