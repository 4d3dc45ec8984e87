import type { UpgradeKitEvent } from '@upgradekit/core';

/*
 * Every UpgradeKit event the demo received (the provider's `onEvent`), newest
 * last, kept across reloads like an analytics backend would, for the live panel
 * and the conversion report. An external store read with useSyncExternalStore.
 */

const KEY = 'acme:events';
const MAX = 500;

let events: readonly UpgradeKitEvent[] = load();
const listeners = new Set<() => void>();
let queued = false;

function load(): UpgradeKitEvent[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as UpgradeKitEvent[]) : [];
  } catch {
    return [];
  }
}

// Events arrive in bursts (a click can fire a gate hit, a trigger and an impression):
// store and render them once per burst.
function flush() {
  queued = false;
  try {
    localStorage.setItem(KEY, JSON.stringify(events));
  } catch {
    // A full storage only costs the log's persistence.
  }
  for (const listener of listeners) listener();
}

export const eventLog = {
  add(event: UpgradeKitEvent) {
    events = [...events, event].slice(-MAX);
    if (!queued) {
      queued = true;
      queueMicrotask(flush);
    }
  },
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
  getSnapshot: () => events,
};
