/*
 * Building blocks UpgradeKit's own packages (React, CLI, server) share, reachable
 * as `@upgradekit/core/internal`. Not covered by semver: they change with the
 * packages that use them.
 */
export { configSchema, conditionSchema, MAX_DEPTH } from './config/schema.js';
export { formatPath, englishError } from './config/messages.js';
export { attributionWindowMs, criticalRatio, DEFAULT_ATTRIBUTION_WINDOW, DEFAULT_CAPS, DEFAULT_SNOOZE, DEFAULT_THRESHOLDS, snoozeMs, warningRatio } from './config/policy.js';
export { grantedLimit } from './entitlements/upgradePath.js';
export { addMonths, periodAt } from './entitlements/period.js';
export type { Period } from './entitlements/period.js';
export { trialEligibility, trialKey } from './entitlements/trials.js';
export { countWithin, increment } from './signals/counter.js';
export type { Counter } from './signals/counter.js';
export { projectUsage } from './signals/forecast.js';
export { signalWindows } from './signals/windows.js';
export { dependencies } from './triggers/dependencies.js';
export { evaluate, evaluateCondition } from './triggers/evaluate.js';
export type { EvaluationContext } from './triggers/evaluate.js';
export { arbitrate, isInterrupting, selectPrompts } from './prompts/arbiter.js';
export type { Arbitration, ArbiterInput } from './prompts/arbiter.js';
export { assignVariant, CONTROL, hashToUnit, HOLDOUT } from './prompts/experiment.js';
export { evaluationContext } from './prompts/triggerEvaluation.js';
export { decodeCheckoutToken, encodeCheckoutToken } from './conversion/attribution.js';
export { createEventId } from './conversion/events.js';
export { createSafeStorage, STORAGE_PREFIX } from './storage.js';
export type { SafeStorage } from './storage.js';
export { durationToMs } from './utils/duration.js';
export { DAY, HOUR, MINUTE, SECOND, WEEK } from './utils/time.js';
export { callAt } from './utils/timers.js';
