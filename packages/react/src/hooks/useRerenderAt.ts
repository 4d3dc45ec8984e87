'use client';
import { useEffect, useReducer } from 'react';
import type { UpgradeKit } from '@upgradekit/core';

/** Browsers run longer timeouts at once (the delay overflows 32 bits): wait in steps. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * Re-renders once the kit's clock passes `at` (epoch ms), for what changes with time
 * alone and not with the client's state: a trial's days left, the end of a snooze.
 * Uses the kit's platform timers, so fake and virtual clocks move it too. `null` or
 * `Infinity`: never. Nothing runs on the server.
 */
export function useRerenderAt(kit: UpgradeKit, at: number | null): void {
  const [step, next] = useReducer((count: number) => count + 1, 0);
  useEffect(() => {
    if (at === null || !Number.isFinite(at)) return;
    const { platform } = kit;
    const wait = at - platform.now();
    if (wait < 0) return;
    // A timer that fires early re-renders with nothing changed, and this effect waits again.
    const handle = platform.setTimeout(next, Math.min(wait, MAX_TIMEOUT_MS));
    return () => platform.clearTimeout(handle);
  }, [kit, at, step]);
}
