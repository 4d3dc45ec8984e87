import type { UpgradeKitEvent } from '../conversion/events.js';
import type { SafeStorage } from '../storage.js';
import { isRecord } from '../utils/isRecord.js';
import type { WarningHandler } from '../utils/log.js';

/** Events that pay the bills: the last to go when the queue is full. */
const KEPT_WHEN_FULL: ReadonlySet<string> = new Set(['upgrade.completed', 'trial.started']);
/** How many finished ids a page remembers for de-duplication; oldest forgotten first. */
const REMEMBERED_IDS = 10_000;

/** What a queue key holds: the events, and when this tab last wrote them (for adoption without locks). */
export interface StoredQueue {
  events: UpgradeKitEvent[];
  at: number;
}

export function isEvent(value: unknown): value is UpgradeKitEvent {
  return isRecord(value) && typeof value.id === 'string' && typeof value.type === 'string';
}

/** The events of a stored queue (today's shape, or the bare array earlier versions wrote), without anything malformed. */
export function readStoredEvents(value: unknown): UpgradeKitEvent[] {
  const events = Array.isArray(value) ? value : isRecord(value) && Array.isArray(value.events) ? value.events : [];
  return events.filter(isEvent);
}

export interface EventQueueOptions {
  storage: SafeStorage;
  /** This tab's own storage key: no other tab writes it. */
  key: string;
  maxQueue: number;
  now(): number;
  warn: WarningHandler;
  url: string;
}

/**
 * One tab's persisted, bounded queue of events not yet confirmed by the endpoint.
 * Ids are remembered after they leave, so an event is never queued twice. When
 * full, the oldest events other than conversions are dropped first, and the
 * warning says how many have been dropped so far.
 */
export function createEventQueue({ storage, key, maxQueue, now, warn, url }: EventQueueOptions) {
  let events: UpgradeKitEvent[] = [];
  const queued = new Set<string>();
  const finished = new Set<string>();
  let dropped = 0;
  let persistPending = false;

  const remember = (id: string) => {
    finished.add(id);
    // A Set iterates in insertion order, so the first id is the oldest.
    if (finished.size > REMEMBERED_IDS) finished.delete(finished.values().next().value!);
  };
  const drop = (id: string) => {
    remember(id);
    dropped += 1;
    // Once for the first drop, then at each power of ten: the count, without flooding the console.
    if (Number.isInteger(Math.log10(dropped))) {
      warn(`the event queue for ${url} is full (${maxQueue} events): ${dropped} dropped so far, oldest first, conversions last; is the endpoint reachable?`);
    }
  };
  /** Makes room for `incoming`; `false` when `incoming` itself is the one to drop. */
  const makeRoom = (incoming: UpgradeKitEvent, keep: ReadonlySet<string>): boolean => {
    const droppable = (event: UpgradeKitEvent) => !keep.has(event.id);
    let index = events.findIndex((event) => droppable(event) && !KEPT_WHEN_FULL.has(event.type));
    // Only conversions left: a new conversion displaces the oldest one, anything else is the one dropped.
    if (index < 0 && KEPT_WHEN_FULL.has(incoming.type)) index = events.findIndex(droppable);
    if (index < 0) {
      drop(incoming.id);
      return false;
    }
    const [out] = events.splice(index, 1);
    queued.delete(out!.id);
    drop(out!.id);
    return true;
  };
  const persist = () => {
    persistPending = false;
    if (events.length) storage.write(key, { events, at: now() } satisfies StoredQueue);
    else storage.remove(key);
  };

  return {
    events: () => events,
    size: () => events.length,
    /** Adds an event unless it is queued or finished already; `keep` are ids that must not be dropped (in flight). */
    add(event: UpgradeKitEvent, keep: ReadonlySet<string>): boolean {
      if (queued.has(event.id) || finished.has(event.id)) return false;
      if (events.length >= maxQueue && !makeRoom(event, keep)) return false;
      events.push(event);
      queued.add(event.id);
      return true;
    },
    /** Confirmed (or refused for good): the events leave and are not queued again. */
    finish(ids: Iterable<string>) {
      const done = new Set(ids);
      events = events.filter((event) => !done.has(event.id));
      for (const id of done) {
        queued.delete(id);
        remember(id);
      }
    },
    /** Writes the queue now, synchronously: after a page hide there may be no later task. */
    persist,
    /** Writes the queue once per task: a burst of sends serialises it once. */
    schedulePersist(isActive: () => boolean) {
      if (persistPending) return;
      persistPending = true;
      void Promise.resolve().then(() => persistPending && isActive() && persist());
    },
  };
}

export type EventQueue = ReturnType<typeof createEventQueue>;
