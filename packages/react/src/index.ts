export { UpgradeKitProvider } from './UpgradeKitProvider.js';
export type { UpgradeKitProviderProps } from './UpgradeKitProvider.js';
export type { UpgradeContext } from './context.js';

export { useKitValue, useUpgradeKit } from './hooks/useUpgradeKit.js';
export { useEntitlement } from './hooks/useEntitlement.js';
export { usageState, useUsage } from './hooks/useUsage.js';
export type { Thresholds, Usage, UsageState } from './hooks/useUsage.js';
export { useFeatureGate } from './hooks/useFeatureGate.js';
export type { FeatureGate as FeatureGateState } from './hooks/useFeatureGate.js';
export { usePrompt, usePrompts } from './hooks/usePrompt.js';
export { useTrial } from './hooks/useTrial.js';
export type { Trial } from './hooks/useTrial.js';
export { usePlans } from './hooks/usePlans.js';
export type { Billing, PlanCta, PlanDetails, PlanPrice, Plans, PlansFor, PlanView, UsePlansOptions } from './hooks/usePlans.js';

export { UsageMeter } from './components/UsageMeter.js';
export type { MeterData, MeterState, UsageMeterProps } from './components/UsageMeter.js';
export { LimitBanner } from './components/LimitBanner.js';
export type { BannerData, BannerState, LimitBannerProps } from './components/LimitBanner.js';
export { UpgradeModal } from './components/UpgradeModal.js';
export type { UpgradeModalProps } from './components/UpgradeModal.js';
export { TrialModal } from './components/TrialModal.js';
export type { TrialModalProps, TrialModalState } from './components/TrialModal.js';
export { FeatureGate } from './components/FeatureGate.js';
export type { FeatureGateProps } from './components/FeatureGate.js';
export { LockedFeature } from './components/LockedFeature.js';
export type { LockedFeatureProps } from './components/LockedFeature.js';
export type { Placement } from '@floating-ui/react';
export { PromptOutlet } from './components/PromptOutlet.js';
export type { PromptOutletProps } from './components/PromptOutlet.js';
export { UpgradeButton } from './components/UpgradeButton.js';
export type { UpgradeButtonProps } from './components/UpgradeButton.js';
export { PlanPicker } from './components/PlanPicker.js';
export type { PlanColumnState, PlanPickerProps } from './components/PlanPicker.js';

export { bannerCopy, compareCopy, createFormat, ctaCopy, lockedCopy, meterCopy, modalCopy, planCopy, trialCopy } from './messages.js';
export type { Format, MessageKey, Messages } from './messages.js';
