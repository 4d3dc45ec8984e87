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

/** Times of each customer's impressions and clicks of each trigger, ascending. */
function touchTimes(touchesBefore: readonly Touch[], counted: readonly CountedEvent[]): TouchTimes {
  const times: TouchTimes = new Map();
  for (const touch of touchesBefore) timesOf(times, touch.app, touch.customerId, touch.triggerId, true)!.push(touch.at);
  for (const event of counted) {
    if ((event.type === 'prompt.shown' || event.type === 'prompt.clicked') && event.triggerId !== undefined) {
      timesOf(times, event.app, event.customerId, event.triggerId, true)!.push(event.at);
    }
  }
  return times;
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
 * Takes the trigger and variant off every upgrade in `counted` (sorted by time)
 * whose attribution fails the re-check, so the report counts it as unattributed.
 */
export function recheckAttribution(counted: CountedEvent[], touchesBefore: readonly Touch[], window: number): void {
  const times = touchTimes(touchesBefore, counted);
  for (const event of counted) {
    if (event.type !== 'upgrade.completed' || event.triggerId === undefined) continue;
    if (touchedWithin(timesOf(times, event.app, event.customerId, event.triggerId, false), event.at, window)) continue;
    // Set to undefined rather than deleted: every event keeps one shape.
    event.triggerId = undefined;
    event.variant = undefined;
  }
}
