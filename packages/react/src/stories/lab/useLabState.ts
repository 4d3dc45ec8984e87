import { useSyncExternalStore } from 'react';
import type { UpgradeKit } from '@upgradekit/core';
import { useUpgradeKit } from '../../hooks/useUpgradeKit.js';
import { useStoryClock } from '../KitClient.js';

const noEngine = () => () => {};
const nothing = () => null;

/**
 * The story's client, re-rendering on every change a lab panel shows: the client's
 * state, the prompt engine's (fired, history, open prompts) and the clock, since
 * windows, snoozes and cool-downs move with time alone.
 */
export function useLabState(): { kit: UpgradeKit; now: number } {
  const kit = useUpgradeKit();
  const { now } = useStoryClock();
  useSyncExternalStore(kit.subscribe, kit.getSnapshot);
  useSyncExternalStore(kit.prompts?.subscribe ?? noEngine, kit.prompts?.getSnapshot ?? nothing);
  return { kit, now };
}
