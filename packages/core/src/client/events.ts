import type { Config } from '../config/schema.js';
import { describeError } from '../utils/describeError.js';
import { createEventId, type Sink, type UpgradeKitEvent } from '../conversion/events.js';
import type { Customer } from '../entitlements/customer.js';
import { mrrOf } from '../entitlements/upgradePath.js';
import type { Platform } from '../platform.js';
import type { WarningHandler } from '../utils/log.js';
import { unpredictable } from '../utils/randomId.js';
import { SDK_VERSION } from '../version.js';
import type { EventInput } from './kitCore.js';

export interface EmitterOptions {
  config: () => Config;
  customer: () => Customer;
  platform: Platform;
  sinks: readonly Sink[];
  warn: WarningHandler;
}

/**
 * Completes events (id, time, customer, MRR, SDK version) and hands them to every
 * sink. A sink that throws costs only itself that event, with a warning.
 */
export function createEmitter({ config, customer, platform, sinks, warn }: EmitterOptions) {
  // Ids must differ between clients whose platforms share a seed (tests, servers), so they draw from crypto.
  const random = unpredictable(platform.random);
  return (fields: EventInput, id?: string) => {
    if (!sinks.length) return;
    const now = platform.now();
    const current = config();
    const { id: customerId, plan, addOns } = customer();
    const event = {
      v: 1,
      id: id ?? createEventId(now, random),
      at: now,
      customerId,
      mrr: mrrOf(current, plan, addOns),
      sdkVersion: SDK_VERSION,
      ...(current.version !== undefined && { configVersion: current.version }),
      ...fields,
    } as UpgradeKitEvent;
    for (const sink of sinks) {
      try {
        sink.send(event);
      } catch (error) {
        warn(`a sink threw while receiving "${event.type}": ${describeError(error)}`);
      }
    }
  };
}
