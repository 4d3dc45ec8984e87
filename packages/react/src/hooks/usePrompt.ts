'use client';
import { useSyncExternalStore } from 'react';
import { findPromptEngine, getPromptEngine, type ActivePrompt, type UpgradeKit } from '@upgradekit/core';
import { useKitContext } from '../context.js';
import { safely } from '../safe.js';

const NO_PROMPTS: readonly ActivePrompt[] = [];

// One stable subscribe per client, as useSyncExternalStore resubscribes when it changes.
const subscribers = new WeakMap<UpgradeKit, (listener: () => void) => () => void>();

function subscribeTo(kit: UpgradeKit) {
  let subscribe = subscribers.get(kit);
  if (!subscribe) {
    subscribe = (listener) => {
      // The engine starts here, after the first commit, never during a render: it
      // evaluates every trigger and may emit events on creation.
      const engine = getPromptEngine(kit);
      const stopKit = kit.subscribe(listener);
      const stopEngine = engine.subscribe(listener);
      return () => {
        stopKit();
        stopEngine();
      };
    };
    subscribers.set(kit, subscribe);
  }
  return subscribe;
}

/**
 * Every prompt the arbiter shows now at `placement` (all placements when
 * omitted), highest priority first. Prompts are client-only: the server cannot
 * know this browser's snoozes and caps, so server render and hydration see
 * none, and they appear right after.
 */
export function usePrompts(placement?: string): readonly ActivePrompt[] {
  const { kit } = useKitContext('usePrompts()');
  return useSyncExternalStore(
    subscribeTo(kit),
    () => {
      const engine = findPromptEngine(kit);
      return engine ? safely('getPrompts()', () => engine.getPrompts(placement), NO_PROMPTS) : NO_PROMPTS;
    },
    () => NO_PROMPTS,
  );
}

/** The highest-priority prompt at `placement`, or `null`. */
export function usePrompt(placement?: string): ActivePrompt | null {
  return usePrompts(placement)[0] ?? null;
}
