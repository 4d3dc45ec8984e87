import { createEventId } from '../conversion/events.js';
import type { CustomerTrial } from '../entitlements/customer.js';
import type { Platform } from '../platform.js';
import { hashToUnit } from '../prompts/experiment.js';
import { callAt } from '../utils/timers.js';
import type { ClientContext } from './context.js';
import { trialKey } from '../entitlements/trials.js';

export interface TrialClockOptions {
  platform: Platform;
  /** The customer's trials now. */
  trials(): readonly CustomerTrial[];
  /** Whether this trial's end was reported already (here, in another tab, or before a reload). */
  reported(key: string): boolean;
  /** Reports a trial that has ended, once: `key` identifies it across tabs and reloads. */
  report(trial: CustomerTrial, key: string): void;
  /** Called at every trial end, so checks are read again at that moment. */
  onBoundary(): void;
}

/**
 * A timer at the next trial end: `trial.ended` is reported on time, and checks
 * change at that exact moment. Ends weeks away are waited out in steps (see `callAt`).
 */
export function createTrialClock({ platform, trials, reported, report, onBoundary }: TrialClockOptions) {
  let cancel = () => {};
  const watch = () => {
    cancel();
    const now = platform.now();
    let next = Infinity;
    for (const trial of trials()) {
      const key = trialKey(trial);
      if (trial.endsAt > now) next = Math.min(next, trial.endsAt);
      else if (!reported(key)) report(trial, key);
    }
    cancel = next < Infinity ? callAt(platform, next, () => (onBoundary(), watch())) : () => {};
  };
  return { watch, stop: () => cancel() };
}

/** The client's trial clock: each trial end is reported once, under an id every tab derives alike. */
export function trialClockOf({ platform, store, customer, emit, changed }: ClientContext) {
  return createTrialClock({
    platform,
    trials: () => customer().trials,
    reported: (key) => store.getState().ended.includes(key),
    report(trial, key) {
      store.setState({ ended: [...store.getState().ended, key] });
      // Every open tab sees the trial end: one id derived from the trial lets sinks and servers keep one event.
      let draw = 0;
      const id = createEventId(trial.endsAt, () => hashToUnit(`${customer().id}:${key}:${draw++}`));
      emit({ type: 'trial.ended', ...(trial.feature !== undefined ? { feature: trial.feature } : { plan: trial.plan! }) }, id);
    },
    // A new state object makes every subscriber read its checks again at that exact moment.
    onBoundary: () => (store.setState({}), changed('trial')),
  });
}
