/** The conversion report: `@upgradekit/core/report`. Pure; runs in the browser, in Node and in the CLI. */
export { buildReport } from './report.js';
export type { BuildReportOptions, ConversionReport, ConversionTotals, DismissCounts, FunnelStats, TriggerReport, VariantReport } from './report.js';
export type { UpgradeKitEvent } from './events.js';
export { MAX_PROPS, MAX_TEXT, parseEvent } from './eventSchema.js';
export type { ParseEventResult } from './eventSchema.js';
