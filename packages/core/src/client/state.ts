import type { CustomerTrial, UsageEntry } from '../entitlements/customer.js';
import type { Counter } from '../signals/counter.js';
import type { UpgradeKitState } from './kitCore.js';

/** The client's store state: the public state, and which trial ends were reported (persisted, shared by tabs). */
export interface KitState extends UpgradeKitState {
  /** Updated in place, entry by entry (see `usage.ts`). */
  signals: Record<string, Counter>;
  ended: readonly string[];
}

/** What survives a reload, per customer (see `persistence.ts`). */
export interface Stored {
  usage: Record<string, UsageEntry>;
  signals: Record<string, Counter>;
  trials: readonly CustomerTrial[];
  ended: readonly string[];
}
