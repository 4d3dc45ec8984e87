export { UpgradeKitProvider } from './UpgradeKitProvider';
export type { UpgradeKitProviderProps } from './UpgradeKitProvider';
export type { UpgradeContext } from './context';

export { useKitValue, useUpgradeKit } from './hooks/useUpgradeKit';
export { useEntitlement } from './hooks/useEntitlement';
export { usageState, useUsage } from './hooks/useUsage';
export type { Thresholds, Usage, UsageState } from './hooks/useUsage';
export { useFeatureGate } from './hooks/useFeatureGate';
export type { FeatureGate as FeatureGateState } from './hooks/useFeatureGate';
export { usePrompt, usePrompts } from './hooks/usePrompt';
export { useTrial } from './hooks/useTrial';
export type { Trial } from './hooks/useTrial';

export { UsageMeter } from './components/UsageMeter';
export type { MeterData, MeterState, UsageMeterProps } from './components/UsageMeter';
export { LimitBanner } from './components/LimitBanner';
export type { BannerData, BannerState, LimitBannerProps } from './components/LimitBanner';
export { UpgradeModal } from './components/UpgradeModal';
export type { UpgradeModalProps } from './components/UpgradeModal';
export { TrialModal } from './components/TrialModal';
export type { TrialModalProps, TrialModalState } from './components/TrialModal';
export { FeatureGate } from './components/FeatureGate';
export type { FeatureGateProps } from './components/FeatureGate';
export { LockedFeature } from './components/LockedFeature';
export type { LockedFeatureProps } from './components/LockedFeature';
export { PromptOutlet } from './components/PromptOutlet';
export type { PromptOutletProps } from './components/PromptOutlet';
export { UpgradeButton } from './components/UpgradeButton';
export type { UpgradeButtonProps } from './components/UpgradeButton';

export { bannerCopy, createFormat, ctaCopy, lockedCopy, meterCopy, modalCopy, trialCopy } from './messages';
export type { Format, MessageKey, Messages } from './messages';
