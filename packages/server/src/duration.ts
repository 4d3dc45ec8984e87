import { durationToMs } from '@upgradekit/core/internal';

/** A duration (`'24h'`) or milliseconds, checked when the server is created, so a typo fails loudly. */
export function toMs(value: string | number, name: string): number {
  const ms = typeof value === 'number' ? value : durationToMs(value);
  if (!(ms >= 0)) throw new Error(`[upgradekit] ${name} must be a duration such as "30s", "24h" or "400d" (got ${JSON.stringify(value)})`);
  return ms;
}
