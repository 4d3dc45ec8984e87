import { useStoryClock } from '../KitClient.js';
import { HOUR } from '../clock.js';
import { NOW } from '../config.js';
import { formatMoment, formatSpan } from './time.js';

const STEPS = [
  ['+1 hour', HOUR],
  ['+1 day', 24 * HOUR],
  ['+7 days', 7 * 24 * HOUR],
] as const;

/**
 * The story's simulated time, and buttons that advance it: what the toolbar's Story
 * clock does, on the canvas, where play functions (and keyboard users) reach it.
 */
export function ClockBar() {
  const { now, advance } = useStoryClock();
  return (
    <div role="group" aria-label="Simulated clock" className="lab-clock">
      <p className="lab-clock__now">
        <time dateTime={new Date(now).toISOString()}>{formatMoment(now)}</time>
        <span className="lab-muted"> · {now > NOW ? `${formatSpan(now - NOW)} after the story opened` : 'when the story opened'}</span>
      </p>
      {STEPS.map(([label, ms]) => (
        <button key={label} type="button" className="uk-button" onClick={() => advance(ms)}>
          {label}
        </button>
      ))}
    </div>
  );
}
