/*
 * What an app author uses: the client and its prompt engine, the config, checks
 * and offers, and the browser platform. Event sinks, the conversion report, test
 * helpers and the building blocks other packages share have entry points of their
 * own: `@upgradekit/core/sinks`, `/report`, `/testing` and `/internal`.
 */
export { createUpgradeKit } from './client/createUpgradeKit.js';
export type { FeatureId, UpgradeKit, UpgradeKitOptions } from './client/types.js';
export type { Attribution, EventInput, KitCore, UpgradeKitState } from './client/kitCore.js';

export { createPromptEngine } from './prompts/engine.js';
export type { PromptEngine, PromptEngineOptions, PromptState, TriggerExplanation } from './prompts/engine.js';
export type { ActivePrompt } from './prompts/activePrompt.js';
export type { Hold, HoldRule, PromptHistory } from './prompts/arbiter.js';

export { assertConfig, parseConfig, UpgradeKitConfigError } from './config/parseConfig.js';
export type { ParseConfigResult } from './config/parseConfig.js';
export { defineConfig, normalizeConfig } from './config/normalize.js';
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
  TriggerRoute,
} from './config/schema.js';

export { check } from './entitlements/check.js';
export type { CheckOptions, CheckReason, CheckResult } from './entitlements/check.js';
export { parseCustomer } from './entitlements/customer.js';
export type { Customer, CustomerInput, CustomerTrial, ParseCustomerResult, UsageEntry } from './entitlements/customer.js';
export { offerFor, planInForce } from './entitlements/offer.js';
export type { OfferTarget } from './entitlements/offer.js';
export { comparePlans, recommendUpgrade, summarizePlans } from './entitlements/planComparison.js';
export type { ComparisonRow, PlanComparison, PlanPosition, PlanSummary, RecommendTarget, UpgradeRecommendation, UpgradeTarget } from './entitlements/planComparison.js';
export { billedPrices, monthly, yearly } from './entitlements/price.js';
export type { BilledPrices } from './entitlements/price.js';
export { findUpgradePath, mrrOf } from './entitlements/upgradePath.js';
export type { Limit, UpgradePath } from './entitlements/upgradePath.js';
export { trialStatus } from './entitlements/trials.js';
export type { StartTrialResult, TrialStatus, TrialTarget } from './entitlements/trials.js';
export type { Evaluation, LeafExplanation } from './triggers/evaluate.js';
export type { TrialState } from './triggers/leaf.js';

export type { BaseEvent, DismissReason, EventOf, EventProps, EventType, FiringExplanation, Sink, UpgradeKitEvent } from './conversion/events.js';
export type { Touch } from './conversion/attribution.js';

export { createBrowserPlatform } from './platform/browser.js';
export type { KeyValueStorage, LockManager, Platform, TabChannel } from './platform.js';
export type { WarningHandler } from './utils/log.js';
export type { Duration } from './utils/duration.js';
export { SDK_VERSION } from './version.js';
