/** Lengths of time in milliseconds. */
export const SECOND = 1e3;
export const MINUTE = 6e4;
export const HOUR = 36e5;
export const DAY = 864e5;
export const WEEK = 6048e5;

/**
 * The longest delay timers keep: browsers and Node store it in 32 bits, and a
 * longer one fires at once (a 30-day trial end would fire, re-arm and fire again).
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;
