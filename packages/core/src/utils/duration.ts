import { DAY, HOUR, MINUTE, SECOND, WEEK } from './time.js';

/** A time span as PMs write it: `30m`, `24h`, `7d`, `2w`. */
export type Duration = `${number}${'s' | 'm' | 'h' | 'd' | 'w'}`;

export const DURATION_PATTERN = /^\d+(?:\.\d+)?[smhdw]$/;

const UNIT_MS: Record<string, number> = { s: SECOND, m: MINUTE, h: HOUR, d: DAY, w: WEEK };

/** Milliseconds in a duration string; `NaN` when it does not parse (the config schema rejects those first). */
export function durationToMs(duration: string): number {
  return DURATION_PATTERN.test(duration) ? parseFloat(duration) * UNIT_MS[duration.slice(-1)]! : NaN;
}
