import type { Platform } from '@upgradekit/core';
import { createMemoryPlatform, type MemoryPlatform } from '@upgradekit/core/testing';

export const MINUTE = 6e4;
export const HOUR = 36e5;

/**
 * Simulated time for a story: a clock that moves only when told to, and the
 * timers that run on it. The memory platform takes a clock but runs its timers on
 * the real one, so a jump of a day would leave the engine's tick and the trial
 * clock waiting a real day; here they fire, in order, as the clock passes them.
 */
export interface SimulatedClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Moves the clock `ms` forward, running every timer that falls due on the way at its own moment. */
  advance(ms: number): void;
  /** Called after every `advance`. Returns an unsubscribe. */
  subscribe(listener: () => void): () => void;
}

interface Timer {
  at: number;
  callback: () => void;
}

export function createSimulatedClock(start: number): SimulatedClock {
  let now = start;
  let nextId = 1;
  const timers = new Map<number, Timer>();
  const listeners = new Set<() => void>();
  /** The earliest timer due by `until` (the first scheduled among equals), or undefined. */
  const nextDue = (until: number): [number, Timer] | undefined => {
    let first: [number, Timer] | undefined;
    for (const entry of timers) if (entry[1].at <= until && (!first || entry[1].at < first[1].at)) first = entry;
    return first;
  };
  const clock: SimulatedClock = {
    now: () => now,
    setTimeout(callback, ms) {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, ms), callback });
      // Timers are never synchronous; one due now runs on the next real turn rather than waiting for the next advance.
      if (ms <= 0) globalThis.setTimeout(() => clock.advance(0), 0);
      return id;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
    advance(ms) {
      const target = now + Math.max(0, ms);
      for (let due = nextDue(target); due; due = nextDue(target)) {
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].callback();
      }
      now = target;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  return clock;
}

/** A memory platform (storage, tabs, locks) whose clock and timers are `clock`'s. */
export function simulatedPlatform(clock: SimulatedClock): MemoryPlatform & Platform {
  return { ...createMemoryPlatform({ now: clock.now }), setTimeout: clock.setTimeout, clearTimeout: clock.clearTimeout };
}

