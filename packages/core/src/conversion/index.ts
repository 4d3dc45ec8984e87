/** The conversion report: `@upgradekit/core/report`. Pure; runs in the browser, in Node and in the CLI. */
export { buildReport } from './report.js';
export type {
  BuildReportOptions,
  ConversionReport,
  ConversionTotals,
  DismissCounts,
  FunnelStats,
  LastActionCounts,
  LiftInterval,
  TriggerReport,
  VariantReport,
  VersionReport,
} from './reportTypes.js';
export { createReportAccumulator } from './reportAccumulator.js';
export type { ReportAccumulator } from './reportAccumulator.js';
export type { CustomerActivity } from './reportSegment.js';
export { liftInterval, MIN_INTERVAL_CUSTOMERS, wilsonInterval } from './liftInterval.js';
export type { UpgradeKitEvent } from './events.js';
export { isWellFormedEvent } from './eventGuard.js';
export { MAX_EXPLAINED_LEAVES, MAX_PROPS, MAX_TEXT, parseEvent } from './eventSchema.js';
export type { ParseEventResult } from './eventSchema.js';
