import type { Condition, Config } from '../config/schema.js';
import { durationToMs } from '../utils/duration.js';
import { bucketSize } from './counter.js';

/** Bucket length and retention a signal needs for the windows that read it. */
export interface SignalWindow {
  bucketMs: number;
  keepMs: number;
}

const computed = new WeakMap<Config, Map<string, SignalWindow>>();

/**
 * For each signal key (`gate:<feature>`, `event:<name>`) read with a window in
 * the config's triggers or activation rule: buckets fine enough for the
 * narrowest window, kept as long as the widest. Keys not listed keep a total only.
 */
export function signalWindows(config: Config): ReadonlyMap<string, SignalWindow> {
  // The client records with these and the prompt engine counts with them: work them out once.
  const known = computed.get(config);
  if (known) return known;
  const windows = new Map<string, SignalWindow>();
  computed.set(config, windows);
  const visit = (node: Condition) => {
    for (const child of node.all ?? node.any ?? (node.not ? [node.not] : [])) visit(child);
    const leaf = node.gateHits ?? node.event;
    if (!leaf?.within) return;
    const key = node.gateHits ? `gate:${node.gateHits.feature}` : `event:${node.event!.name}`;
    const ms = durationToMs(leaf.within);
    const known = windows.get(key);
    windows.set(key, { bucketMs: Math.min(known?.bucketMs ?? Infinity, bucketSize(ms)), keepMs: Math.max(known?.keepMs ?? 0, ms) });
  };
  config.triggers.forEach((trigger) => visit(trigger.when));
  if (config.policy.activation) visit(config.policy.activation);
  return windows;
}
