import type { CountedEvent, Touch } from '../store/types.js';

/*
 * The server's re-check of what a client claimed: an `upgrade.completed` keeps its
 * trigger only when the same customer (of the same app) saw or clicked that
 * trigger's prompt within the attribution window before it, at or before its
 * moment. Done here rather than by the database: the impressions and clicks are in
 * the counted events already, and a lookup per upgrade in a map of them costs far
 * less than a subquery per upgrade.
 */

/** Times by app, customer and trigger: nested maps, so no key is built per event. */
type TouchTimes = Map<string, Map<string, Map<string, number[]>>>;

function timesOf(times: TouchTimes, app: string, customerId: string, triggerId: string, create: boolean): number[] | undefined {
  let customers = times.get(app);
  if (!customers) {
    if (!create) return undefined;
    times.set(app, (customers = new Map()));
  }
  let triggers = customers.get(customerId);
  if (!triggers) {
    if (!create) return undefined;
    customers.set(customerId, (triggers = new Map()));
  }
  let list = triggers.get(triggerId);
  if (!list && create) triggers.set(triggerId, (list = []));
  return list;
}

function addTouch(times: TouchTimes, app: string, customerId: string, triggerId: string, at: number): void {
  timesOf(times, app, customerId, triggerId, true)!.push(at);
}

/** Whether ascending `times` hold one within [at - window, at]. */
function touchedWithin(times: number[] | undefined, at: number, window: number): boolean {
  if (!times) return false;
  // The last time at or before `at`, by binary search.
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (times[middle]! <= at) low = middle + 1;
    else high = middle;
  }
  return low > 0 && times[low - 1]! >= at - window;
}

/**
 * The re-check over counted events that come in slices (see `ReportSink`): call the
 * result with each slice, in time order, and it takes the trigger and variant off
 * every upgrade in it whose attribution fails. A slice holds every event of each
 * moment it spans, so the touches it adds are all those at or before its upgrades.
 */
export function createAttributionRecheck(touchesBefore: readonly Touch[], window: number): (slice: CountedEvent[]) => void {
  // Times of each customer's impressions and clicks of each trigger, ascending.
  const times: TouchTimes = new Map();
  for (const touch of touchesBefore) addTouch(times, touch.app, touch.customerId, touch.triggerId, touch.at);
  return (slice) => {
    for (const event of slice) {
      if ((event.type === 'prompt.shown' || event.type === 'prompt.clicked') && event.triggerId !== undefined) addTouch(times, event.app, event.customerId, event.triggerId, event.at);
    }
    for (const event of slice) {
      if (event.type !== 'upgrade.completed' || event.triggerId === undefined) continue;
      if (touchedWithin(timesOf(times, event.app, event.customerId, event.triggerId, false), event.at, window)) continue;
      // Set to undefined rather than deleted: every event keeps one shape.
      event.triggerId = undefined;
      event.variant = undefined;
    }
  };
}
