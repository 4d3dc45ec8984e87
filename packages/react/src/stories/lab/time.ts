import { HOUR, MINUTE } from '../clock.js';

const DAY = 24 * HOUR;

const moment = new Intl.DateTimeFormat('en-US', {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

/** `Fri, Nov 20, 12:40 PM UTC`: the simulated clock and the moments governance lets go. */
export const formatMoment = (at: number) => moment.format(at);

/** `2 d 3 h 40 min`, rounded to the minute. */
export function formatSpan(ms: number): string {
  const minutes = Math.round(ms / MINUTE);
  const parts = [
    [Math.floor(minutes / (DAY / MINUTE)), 'd'],
    [Math.floor((minutes % (DAY / MINUTE)) / 60), 'h'],
    [minutes % 60, 'min'],
  ] as const;
  return parts.filter(([count]) => count > 0).map(([count, unit]) => `${count} ${unit}`).join(' ') || '0 min';
}
