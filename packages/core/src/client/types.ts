import type { Config, ConfigInput } from '../config/schema.js';
import type { EventProps, Sink, UpgradeKitEvent } from '../conversion/events.js';
import type { CheckOptions, CheckResult } from '../entitlements/check.js';
import type { CustomerInput } from '../entitlements/customer.js';
import type { StartTrialResult, TrialStatus, TrialTarget } from '../entitlements/trials.js';
import type { Platform } from '../platform.js';
import type { PromptEngine } from '../prompts/engine.js';
import type { WarningHandler } from '../utils/log.js';
import type { KitCore, UpgradeKitState } from './kitCore.js';
import type { ReloadResult, RemoteConfigOptions } from './remoteConfig.js';

/** Feature ids of a config, as a string union when the config is a literal (see `defineConfig`). */
export type FeatureId<C> = C extends { features: infer F } ? Extract<keyof F, string> : string;

export interface UpgradeKitOptions<C extends ConfigInput = ConfigInput> {
  /**
   * The entitlement model. In development and tests it is validated on creation (an
   * invalid config throws `UpgradeKitConfigError`); production builds trust it, so no
   * validation code ships (see `validateConfig`).
   */
  config: C;
  /**
   * How the config is checked before use. Default: `assertConfig` in development,
   * and in production builds (`process.env.NODE_ENV === 'production'`) defaults only,
   * trusting a config the compiler and development runs have checked. Pass
   * `assertConfig` to validate in production too (a config from JSON at run time).
   */
  validateConfig?: (config: ConfigInput) => Config;
  /** The signed-in customer, from the host's backend. Malformed fields are dropped with a warning. */
  customer: CustomerInput;
  /**
   * The prompt engine (triggers, arbiter, governance), created with the client and
   * stopped with it: pass `createPromptEngine`, or `(kit) => createPromptEngine(kit, options)`.
   * Default: none; the client then does checks, usage, trials and events only.
   */
  prompts?: ((kit: KitCore) => PromptEngine) | undefined;
  /**
   * Clock, storage, network and tabs. Default: the browser platform, which in
   * Node or during SSR has no storage and no tabs. Tests use `createMemoryPlatform()`
   * from `@upgradekit/core/testing`.
   */
  platform?: Platform;
  /** Where events go (see `@upgradekit/core/sinks`). Default: none. */
  sinks?: Sink[];
  /** Called with every event. Default: none. */
  onEvent?: (event: UpgradeKitEvent) => void;
  /** Receives warnings about bad input that was handled. Default: `console.warn` with an `[upgradekit]` prefix. */
  onWarning?: WarningHandler;
  /**
   * A config served at run time (the collector's `GET /config`): fetched, validated
   * and swapped in without losing history; the bundled `config` serves until then and
   * whenever the remote one is unreachable or invalid. Default: none.
   */
  remoteConfig?: RemoteConfigOptions | undefined;
}

export interface UpgradeKit<C extends ConfigInput = ConfigInput> extends KitCore {
  /** The prompt engine this client was created with, or `null`. */
  readonly prompts: PromptEngine | null;
  /**
   * Whether the customer may use a feature now. The same inputs give the same
   * object, so it is safe in render. `attempt: true` marks a real attempt: when
   * denied, it counts as a gate hit.
   */
  check(featureId: FeatureId<C>, options?: Pick<CheckOptions, 'requested'> & { attempt?: boolean }): CheckResult;
  /** Records usage optimistically (negative amounts free seats); persists, syncs tabs and notifies subscribers. */
  track(featureId: FeatureId<C>, amount?: number): void;
  /** Counts an attempt to use a feature the customer does not have. */
  recordGateHit(featureId: FeatureId<C>): void;
  /**
   * Counts a product event (`admin.invited`, `api.called`, ...) for trigger
   * conditions and activation, and emits `event.recorded` with its `props`
   * (flat JSON scalars; anything else is dropped with a warning, the count is kept).
   */
  recordEvent(name: string, props?: EventProps): void;
  /**
   * Replaces the customer with server truth; server usage wins. A plan change emits
   * `upgrade.completed`. A different customer id is a different customer: state,
   * storage keys and tab channels switch to theirs, and nothing carries over.
   */
  setCustomer(customer: CustomerInput): void;
  /** Starts a trial in place when the customer is eligible. */
  startTrial(target: TrialTarget): StartTrialResult;
  /** Trial state of a feature or plan; the same object while unchanged. */
  getTrial(target: TrialTarget): TrialStatus;
  /**
   * Records a completed self-serve upgrade: the new plan, and add-ons bought *on
   * top of* those the customer has (quantities add up), exactly as `check()`'s
   * `upgrade` path lists them, so `recordUpgrade({ toPlan: path.plan, addOns:
   * path.addOns })` records the offered path. Credited to the last prompt seen
   * within the attribution window. Server truth arrives through `setCustomer`.
   */
  recordUpgrade(change: { toPlan: string; addOns?: ReadonlyArray<{ id: string; quantity?: number }> }): void;
  /** A token for the checkout return URL that carries the attribution across the redirect. */
  checkoutContext(): string;
  /** Restores the attribution from a `checkoutContext()` token; returns whether it applied. */
  resume(token: string): boolean;
  /** Looks for a new remote config now (see `remoteConfig`); never rejects. Without one: `unchanged`. */
  reloadConfig(): Promise<ReloadResult>;
  /** Calls `listener` after every change. Returns an unsubscribe. */
  subscribe(listener: (state: UpgradeKitState, previous: UpgradeKitState) => void): () => void;
  /**
   * Calls `listener` only when `selector`'s result changes (by `isEqual`,
   * default `Object.is`), e.g. one feature's usage. Returns an unsubscribe.
   */
  select<T>(selector: (state: UpgradeKitState) => T, listener: (value: T, previous: T) => void, isEqual?: (a: T, b: T) => boolean): () => void;
  /** Writes pending state and stops timers, listeners, channels and the prompt engine. */
  destroy(): void;
}
