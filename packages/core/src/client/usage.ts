import { featureOf } from '../config/normalize.js';
import type { Config } from '../config/schema.js';
import { periodAt } from '../entitlements/period.js';
import { mergeTrials } from '../entitlements/trials.js';
import { EMPTY_COUNTER, increment } from '../signals/counter.js';
import type { SignalWindow } from '../signals/windows.js';
import type { ClientContext } from './context.js';
import type { KitStore } from './store.js';
import type { TabHandlers } from './tabs.js';

/*
 * The operations that change usage and signals, shared by this tab's calls and
 * other tabs' messages. Each replaces one entry of its record in place and then
 * the state object, so the cost does not grow with the number of features.
 */

/** Adds `amount` (negative frees seats) to a feature's usage at `at`; returns the new usage. */
export function applyTrack(store: KitStore, config: Config, featureId: string, amount: number, at: number): number {
  const feature = config.features[featureId]!;
  const { customer } = store.getState();
  const entry = customer.usage[featureId];
  // Usage measured before the current period has been reset since.
  const start = feature.type === 'metered' ? periodAt(feature.reset ?? 'month', customer.periodStart, at).start : -Infinity;
  const base = entry && entry.asOf >= start ? entry.value : 0;
  // Capped, so that repeated huge amounts cannot make usage Infinity (which JSON stores as null).
  const value = Math.min(Number.MAX_SAFE_INTEGER, Math.max(0, base + amount));
  const basis = entry?.basis ?? entry?.asOf;
  customer.usage[featureId] = { value, asOf: Math.max(at, entry?.asOf ?? at), ...(basis !== undefined && { basis }) };
  store.setState({});
  return value;
}

/**
 * Counts one gate hit or product event (`gate:<feature>`, `event:<name>`) at `at`.
 * Keys no condition reads with a window only need their all-time total.
 */
export function applySignal(store: KitStore, windows: ReadonlyMap<string, SignalWindow>, key: string, at: number): void {
  const { signals } = store.getState();
  const window = windows.get(key);
  const counter = signals[key] ?? EMPTY_COUNTER;
  signals[key] = window ? increment(counter, at, window.bucketMs, window.keepMs) : { total: counter.total + 1, buckets: [] };
  store.setState({});
}

/** Other tabs' operations, applied as this tab's own are. */
export function tabHandlers(ctx: ClientContext): TabHandlers {
  const { store, changed, customer, watchTrials } = ctx;
  return {
    track(feature, amount, at) {
      const type = featureOf(ctx.config, feature)?.type;
      if (!type || type === 'boolean') return;
      applyTrack(store, ctx.config, feature, amount, at);
      changed(`usage:${feature}`);
    },
    signal(key, at) {
      applySignal(store, ctx.windows, key, at);
      changed(key);
    },
    trials(trials) {
      store.setState({ customer: { ...customer(), trials: mergeTrials(customer().trials, trials) } });
      changed('trial');
      watchTrials();
    },
  };
}
