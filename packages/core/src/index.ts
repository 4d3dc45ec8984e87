export { createUpgradeKit } from './client';
export type { EventInput, FeatureId, UpgradeKit, UpgradeKitOptions, UpgradeKitState } from './client';

export { assertConfig, defineConfig, monthly, parseConfig, UpgradeKitConfigError } from './config/parseConfig';
export type { ParseConfigResult } from './config/parseConfig';
export { toJSONSchema } from './config/jsonSchema';
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
} from './config/schema';

export { check } from './entitlements/check';
export type { CheckOptions, CheckReason, CheckResult } from './entitlements/check';
export { parseCustomer } from './entitlements/customer';
export type { Customer, CustomerInput, CustomerTrial, ParseCustomerResult, UsageEntry } from './entitlements/customer';
export { addMonths, periodAt } from './entitlements/period';
export type { Period } from './entitlements/period';
export { findUpgradePath, grantedLimit, mrrOf } from './entitlements/upgradePath';
export type { Limit, UpgradePath } from './entitlements/upgradePath';

export { trialEligibility, trialStatus } from './entitlements/trials';
export type { StartTrialResult, TrialStatus, TrialTarget } from './entitlements/trials';

export { countWithin, increment } from './signals/counter';
export type { Counter } from './signals/counter';
export { projectUsage } from './signals/forecast';
export { dependencies, evaluate } from './triggers/evaluate';
export type { Evaluation, EvaluationContext, LeafExplanation, TrialState } from './triggers/evaluate';

export { DEFAULT_CAPS, isInterrupting, selectPrompts } from './prompts/arbiter';
export type { ArbiterInput, PromptHistory } from './prompts/arbiter';
export { assignVariant, CONTROL, hashToUnit, HOLDOUT } from './prompts/experiment';
export type { ActivePrompt } from './prompts/activePrompt';
export { createPromptEngine, getPromptEngine } from './prompts/engine';
export type { PromptEngine, PromptEngineOptions, PromptState, TriggerExplanation } from './prompts/engine';

export { decodeCheckoutToken, encodeCheckoutToken } from './conversion/attribution';
export type { Touch } from './conversion/attribution';
export { createEventId } from './conversion/events';
export type { BaseEvent, DismissReason, EventOf, EventType, Sink, UpgradeKitEvent } from './conversion/events';
export { buildReport } from './conversion/report';
export type { BuildReportOptions, ConversionReport, ConversionTotals, DismissCounts, FunnelStats, TriggerReport, VariantReport } from './conversion/report';
export { SDK_VERSION } from './version';

export { createCallbackSink } from './sinks/callback';
export type { CallbackSinkOptions } from './sinks/callback';
export { createConsoleSink, formatEvent } from './sinks/console';
export type { ConsoleSinkOptions } from './sinks/console';
export { createHttpSink } from './sinks/http';
export type { HttpSink, HttpSinkOptions } from './sinks/http';
export { createPostHogSink, createSegmentSink, toEventProperties } from './sinks/adapters';
export type { AdapterSinkOptions, PostHogLike, SegmentLike } from './sinks/adapters';

export { createBrowserPlatform, createMemoryPlatform, createMemoryStorage, createMemoryTabs } from './platform';
export type { KeyValueStorage, MemoryPlatform, MemoryPlatformOptions, MemoryTabs, Platform, TabChannel } from './platform';
export { STORAGE_PREFIX } from './storage';
export type { WarningHandler } from './utils/log';
export type { Duration } from './utils/duration';
