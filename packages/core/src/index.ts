export { createUpgradeKit } from './client';
export type { FeatureId, UpgradeKit, UpgradeKitOptions, UpgradeKitState } from './client';

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
export { findUpgradePath, grantedLimit } from './entitlements/upgradePath';
export type { Limit, UpgradePath } from './entitlements/upgradePath';

export { createBrowserPlatform, createMemoryPlatform, createMemoryStorage, createMemoryTabs } from './platform';
export type { KeyValueStorage, MemoryPlatform, MemoryPlatformOptions, MemoryTabs, Platform, TabChannel } from './platform';
export { STORAGE_PREFIX } from './storage';
export type { WarningHandler } from './utils/log';
export type { Duration } from './utils/duration';
