import type { Config } from '../config/schema.js';
import type { UpgradeKitEvent } from '../conversion/events.js';
import type { CheckOptions, CheckResult } from '../entitlements/check.js';
import type { Customer } from '../entitlements/customer.js';
import type { Platform } from '../platform.js';
import type { Counter } from '../signals/counter.js';
import type { SafeStorage } from '../storage.js';
import type { WarningHandler } from '../utils/log.js';

/**
 * The client's state. A change replaces the state object and the parts it
 * touches, so selectors compare by identity. Per-feature records (`usage`,
 * `signals`) are updated in place, entry by entry, so that `track()` costs the
 * same with 5 features or 500: compare an entry (`usage.projects`), not the record.
 */
export interface UpgradeKitState {
  customer: Customer;
  /** Gate hits (`gate:<feature>`) and product events (`event:<name>`) in bounded time buckets. */
  signals: Readonly<Record<string, Counter>>;
}

/** An event as the client completes it: without the fields every event gets. */
export type EventInput = UpgradeKitEvent extends infer E
  ? E extends UpgradeKitEvent
    ? Omit<E, 'v' | 'id' | 'at' | 'customerId' | 'mrr' | 'sdkVersion' | 'configVersion'>
    : never
  : never;

/** Where a conversion now is credited: the last prompt seen within the attribution window. */
export interface Attribution {
  triggerId: string;
  variant: string;
}

/**
 * What the client shares with the parts it is created with (the prompt engine):
 * its config, platform and storage, its state and change feed, and its events.
 */
export interface KitCore {
  /** The config in force, with defaults applied. */
  readonly config: Config;
  readonly platform: Platform;
  /** Persistence that never throws; parts namespace their keys per customer. */
  readonly storage: SafeStorage;
  /** Reports bad input that was handled, once per message. */
  readonly warn: WarningHandler;
  check(featureId: string, options?: Pick<CheckOptions, 'requested'>): CheckResult;
  getSnapshot(): UpgradeKitState;
  /**
   * Calls `listener` after each change with what changed, as dependency keys:
   * `usage:<feature>`, `gate:<feature>`, `event:<name>`, `trial`, or `*` for a
   * new customer or config. Returns an unsubscribe.
   */
  onChange(listener: (keys: readonly string[]) => void): () => void;
  /** Completes an event (id, time, customer, MRR, SDK version) and hands it to the sinks. */
  emit(event: EventInput, id?: string): void;
}

/** A part of the client: created with it, stopped with it. */
export interface KitPart {
  /** The trigger a conversion now is credited to, if this part tracks prompts. */
  attribution?(): Attribution | null;
  destroy(): void;
}
