import type { Config } from '../config/schema.js';
import type { Customer, CustomerInput } from '../entitlements/customer.js';
import type { TrialStatus } from '../entitlements/trials.js';
import type { Platform } from '../platform.js';
import type { PromptEngine } from '../prompts/engine.js';
import type { SignalWindow } from '../signals/windows.js';
import type { WarningHandler } from '../utils/log.js';
import type { createCheckCache } from './checkCache.js';
import type { createPersistStorage } from './persistence.js';
import type { EventInput } from './kitCore.js';
import type { KitState } from './state.js';
import type { KitStore } from './store.js';
import type { Tabs } from './tabs.js';

/** What the client's methods share: its parts, wired once by `createUpgradeKit`. */
export interface ClientContext {
  config: Config;
  platform: Platform;
  warn: WarningHandler;
  store: KitStore;
  persistence: ReturnType<typeof createPersistStorage>;
  windows: ReadonlyMap<string, SignalWindow>;
  checks: ReturnType<typeof createCheckCache>;
  /** Trial statuses handed out, so an unchanged status keeps its identity. */
  trials: Map<string, TrialStatus>;
  prompts: PromptEngine | null;
  /** The channel to the customer's other tabs. */
  tabs: Tabs;
  customer(): Customer;
  load(input: CustomerInput): Customer;
  emit(event: EventInput, id?: string): void;
  /** Tells the client's parts what changed (dependency keys, see `KitCore.onChange`). */
  changed(...keys: string[]): void;
  /** Re-arms the trial clock after trials changed. */
  watchTrials(): void;
}

/** A customer's state before anything stored is merged in. */
export const freshState = (customer: Customer): KitState => ({ customer, signals: Object.create(null), ended: [] });
