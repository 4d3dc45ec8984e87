/** A time span as PMs write it: `30m`, `24h`, `7d`, `2w`. */
export type Duration = `${number}${'s' | 'm' | 'h' | 'd' | 'w'}`;

export const DURATION_PATTERN = /^\d+(?:\.\d+)?[smhdw]$/;

const UNIT_MS: Record<string, number> = { s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5 };

const parsed = new Map<string, number>();

/** Milliseconds in a duration string; `NaN` when it does not parse (the config schema rejects those first). */
export function durationToMs(duration: string): number {
  let ms = parsed.get(duration);
  if (ms === undefined) {
    ms = DURATION_PATTERN.test(duration) ? parseFloat(duration) * UNIT_MS[duration.slice(-1)]! : NaN;
    // Conditions read their windows on every evaluation; configs hold few distinct durations.
    if (parsed.size < 256) parsed.set(duration, ms);
  }
  return ms;
}
