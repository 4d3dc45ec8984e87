import { durationToMs } from '../utils/duration.js';
import type { Config, Trigger } from './schema.js';

/*
 * The defaults of `policy`, in one place: what the report, the arbiter and the
 * client assume when a config leaves a setting out.
 */

/** How long after an impression an upgrade is credited to its trigger. */
export const DEFAULT_ATTRIBUTION_WINDOW = '7d';
/** How long a dismissed prompt stays hidden. */
export const DEFAULT_SNOOZE = '3d';
/** Caps on interrupting prompts. */
export const DEFAULT_CAPS = { perDay: 1, perWeek: 3 } as const;
/** Usage ratios at which meters turn `warning` and `critical`, and checks offer an upgrade path. */
export const DEFAULT_THRESHOLDS = { warning: 0.8, critical: 0.95 } as const;

export const attributionWindowMs = (config: Config) => durationToMs(config.policy.attributionWindow ?? DEFAULT_ATTRIBUTION_WINDOW);
export const snoozeMs = (config: Config, trigger?: Trigger) => durationToMs(trigger?.snooze ?? config.policy.snooze ?? DEFAULT_SNOOZE);
export const warningRatio = (config: Config) => config.policy.thresholds?.warning ?? DEFAULT_THRESHOLDS.warning;
export const criticalRatio = (config: Config) => config.policy.thresholds?.critical ?? DEFAULT_THRESHOLDS.critical;
