/*
 * Numbers as the cockpit prints them, through `Intl`. A `null` ratio means "no
 * data" (nothing was shown, no one was held out) and prints as a dash, never as 0%.
 */

export const NO_DATA = '—';

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const percentFormat = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
const dayFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });

export const count = (value: number) => whole.format(value);
export const decimal = (value: number | null) => (value === null ? NO_DATA : oneDecimal.format(value));
export const percent = (value: number | null) => (value === null ? NO_DATA : percentFormat.format(value));

/** A difference of two rates in percentage points, signed: `+4.2 pp`. */
export const points = (value: number | null) => {
  if (value === null) return NO_DATA;
  const rounded = Math.round(value * 1000) / 10;
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : '±'}${oneDecimal.format(Math.abs(rounded))} pp`;
};

/** A signed difference of counts: `+12`, `−3`, `±0`. */
export const signed = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : '±'}${oneDecimal.format(Math.abs(value))}`;

/** A money amount in the config's currency (`USD` when unknown). */
export const money = (value: number, currency = 'USD') =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: Math.abs(value) >= 1000 ? 0 : 2, minimumFractionDigits: 0 }).format(value);

export const day = (at: number) => dayFormat.format(at);
export const dateTime = (at: number) => timeFormat.format(at);
