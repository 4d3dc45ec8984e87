export { createUpgradeKit } from './client.js';
export type { EventInput, FeatureId, UpgradeKit, UpgradeKitOptions, UpgradeKitState } from './client.js';

export { assertConfig, parseConfig, UpgradeKitConfigError } from './config/parseConfig.js';
export type { ParseConfigResult } from './config/parseConfig.js';
export { defineConfig, normalizeConfig } from './config/normalize.js';
export { monthly } from './entitlements/price.js';
export type {
  AddOn,
  Condition,
  Config,
  ConfigInput,
  Cta,
  Feature,
  FeatureType,
  Grant,
  Plan,
  Policy,
  Price,
  Prompt,
  PromptKind,
  ResetPeriod,
  Trial,
  Trigger,
} from './config/schema.js';

export { check } from './entitlements/check.js';
export type { CheckOptions, CheckReason, CheckResult } from './entitlements/check.js';
export { parseCustomer } from './entitlements/customer.js';
export type { Customer, CustomerInput, CustomerTrial, ParseCustomerResult, UsageEntry } from './entitlements/customer.js';
export { addMonths, periodAt } from './entitlements/period.js';
export type { Period } from './entitlements/period.js';
export { findUpgradePath, grantedLimit, mrrOf } from './entitlements/upgradePath.js';
export type { Limit, UpgradePath } from './entitlements/upgradePath.js';

export { trialEligibility, trialStatus } from './entitlements/trials.js';
export type { StartTrialResult, TrialStatus, TrialTarget } from './entitlements/trials.js';

export { countWithin, increment } from './signals/counter.js';
export type { Counter } from './signals/counter.js';
export { projectUsage } from './signals/forecast.js';
export { dependencies, evaluate } from './triggers/evaluate.js';
export type { Evaluation, EvaluationContext, LeafExplanation, TrialState } from './triggers/evaluate.js';

export { DEFAULT_CAPS, isInterrupting, selectPrompts } from './prompts/arbiter.js';
export type { ArbiterInput, PromptHistory } from './prompts/arbiter.js';
export { assignVariant, CONTROL, hashToUnit, HOLDOUT } from './prompts/experiment.js';
export type { ActivePrompt } from './prompts/activePrompt.js';
export { createPromptEngine, getPromptEngine } from './prompts/engine.js';
export { findPromptEngine } from './prompts/registry.js';
export type { PromptEngine, PromptEngineOptions, PromptState, TriggerExplanation } from './prompts/engine.js';

export { decodeCheckoutToken, encodeCheckoutToken } from './conversion/attribution.js';
export type { Touch } from './conversion/attribution.js';
export { createEventId } from './conversion/events.js';
export type { BaseEvent, DismissReason, EventOf, EventProps, EventType, Sink, UpgradeKitEvent } from './conversion/events.js';
export { buildReport } from './conversion/report.js';
export type { BuildReportOptions, ConversionReport, ConversionTotals, DismissCounts, FunnelStats, TriggerReport, VariantReport } from './conversion/report.js';
export { SDK_VERSION } from './version.js';

export { createCallbackSink } from './sinks/callback.js';
export type { CallbackSinkOptions } from './sinks/callback.js';
export { createConsoleSink, formatEvent } from './sinks/console.js';
export type { ConsoleSinkOptions } from './sinks/console.js';
export { createHttpSink } from './sinks/http.js';
export type { HttpSink, HttpSinkOptions } from './sinks/http.js';
export { createPostHogSink, createSegmentSink, toEventProperties } from './sinks/adapters.js';
export type { AdapterSinkOptions, PostHogLike, SegmentLike } from './sinks/adapters.js';

export { createBrowserPlatform, createMemoryPlatform, createMemoryStorage, createMemoryTabs } from './platform.js';
export type { KeyValueStorage, MemoryPlatform, MemoryPlatformOptions, MemoryTabs, Platform, TabChannel } from './platform.js';
export { STORAGE_PREFIX } from './storage.js';
export type { WarningHandler } from './utils/log.js';
export { durationToMs } from './utils/duration.js';
export type { Duration } from './utils/duration.js';
