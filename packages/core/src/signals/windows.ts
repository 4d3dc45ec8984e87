import type { Config } from '../config/schema.js';
import { childrenOf, type Condition } from '../triggers/conditionLeaves.js';
import * as event from '../triggers/leaves/event.js';
import * as gateHits from '../triggers/leaves/gateHits.js';
import { bucketSize } from './counter.js';

/** Bucket length and retention a signal needs for the windows that read it. */
export interface SignalWindow {
  bucketMs: number;
  keepMs: number;
}

/**
 * For each signal key (`gate:<feature>`, `event:<name>`) read with a window in
 * the config's triggers or activation rule: buckets fine enough for the
 * narrowest window, kept as long as the widest. Keys not listed keep a total only.
 */
export function signalWindows(config: Config): ReadonlyMap<string, SignalWindow> {
  const windows = new Map<string, SignalWindow>();
  const visit = (node: Condition) => {
    childrenOf(node).forEach(visit);
    const read = node.gateHits ? gateHits.window(node.gateHits) : node.event ? event.window(node.event) : undefined;
    if (!read) return;
    const known = windows.get(read.key);
    windows.set(read.key, { bucketMs: Math.min(known?.bucketMs ?? Infinity, bucketSize(read.ms)), keepMs: Math.max(known?.keepMs ?? 0, read.ms) });
  };
  config.triggers.forEach((trigger) => visit(trigger.when));
  if (config.policy.activation) visit(config.policy.activation);
  return windows;
}
