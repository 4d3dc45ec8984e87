/*
 * Numbers for people: counts with thousands separators, rates as percentages,
 * money with its currency. `null` (no data: 0/0) prints as an en dash, never as 0%.
 */

export const NO_DATA = '–';

const counts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A whole count with thousands separators: `12,345`. */
export const count = (value: number) => counts.format(value);

/** A figure with one decimal (e.g. prompts per week). */
export const decimal = (value: number | null) => (value === null || !Number.isFinite(value) ? NO_DATA : decimals.format(value));

/** A rate as a percentage with one decimal: `12.5%`, `−3.0%` (a true minus, as in the other signed figures). */
export const percent = (value: number | null) => (value === null || !Number.isFinite(value) ? NO_DATA : `${decimals.format(value * 100).replace('-', '−')}%`);

/** A difference of rates in percentage points, signed: `+4.2 pp`. */
export const points = (value: number | null) => (value === null || !Number.isFinite(value) ? NO_DATA : `${value > 0 ? '+' : value < 0 ? '−' : '±'}${decimals.format(Math.abs(value * 100))} pp`);

/** A signed difference of counts or figures: `+12`, `−3`, `0`. */
export function signed(value: number, format: (value: number) => string = count): string {
  if (value === 0) return format(0);
  return `${value > 0 ? '+' : '−'}${format(Math.abs(value))}`;
}

/** MRR in a currency, without cents when whole: `$1,234`, `$12.50`. */
export function money(value: number, currency = 'USD'): string {
  const whole = Math.abs(value - Math.round(value)) < 0.005;
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: whole ? 0 : 2, minimumFractionDigits: whole ? 0 : 2 }).format(value);
}

/** An epoch-ms time as an ISO date (`2026-11-02`), for headings. */
export const isoDay = (at: number | null) => (at === null || !Number.isFinite(at) ? NO_DATA : new Date(at).toISOString().slice(0, 10));
