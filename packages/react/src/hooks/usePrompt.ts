'use client';
import { useCallback, useSyncExternalStore } from 'react';
import type { ActivePrompt } from '@upgradekit/core';
import { useKitContext } from '../context.js';
import { safely } from '../safe.js';

const NO_PROMPTS: readonly ActivePrompt[] = [];

/**
 * Every prompt the arbiter shows now at `placement` (all placements when
 * omitted), highest priority first. Prompts are client-only: the server cannot
 * know this browser's snoozes and caps, so server render and hydration see
 * none, and they appear right after. Without a prompt engine (the provider's
 * `prompts`), none.
 */
export function usePrompts(placement?: string): readonly ActivePrompt[] {
  const { kit, diagnostics } = useKitContext('usePrompts()');
  const subscribe = useCallback(
    (listener: () => void) => {
      const stopKit = kit.subscribe(listener);
      const stopEngine = kit.prompts?.subscribe(listener);
      return () => {
        stopKit();
        stopEngine?.();
      };
    },
    [kit],
  );
  return useSyncExternalStore(
    subscribe,
    () => (kit.prompts ? safely(diagnostics, 'getPrompts()', () => kit.prompts!.getPrompts(placement), NO_PROMPTS) : NO_PROMPTS),
    () => NO_PROMPTS,
  );
}

/** The highest-priority prompt at `placement`, or `null`. */
export function usePrompt(placement?: string): ActivePrompt | null {
  return usePrompts(placement)[0] ?? null;
}
