import { useSyncExternalStore } from 'react';
import type { DemoClock } from '../clock';
import { day, hourMinute } from '../hooks';

const STEPS = [
  { label: '+1 hour', ms: 36e5 },
  { label: '+1 day', ms: 864e5 },
  { label: '+7 days', ms: 7 * 864e5 },
];

/**
 * Moves the demo's clock forward, so what depends on time can be watched: gate
 * hits leaving their window, cool-downs and snoozes running out, a trial ending,
 * monthly usage starting over. Time only moves forward; Reset demo starts over.
 */
export function ClockControl({ clock }: { clock: DemoClock }) {
  const offset = useSyncExternalStore(clock.subscribe, clock.getSnapshot, clock.getSnapshot);
  const now = clock.now();
  const days = Math.floor(offset / 864e5);
  const hours = Math.floor((offset % 864e5) / 36e5);
  return (
    <section className="panel clock" aria-labelledby="clock-title">
      <h3 id="clock-title" className="panel__title">
        Time <span className="muted">the demo&apos;s clock</span>
      </h3>
      <p className="clock__now">
        <output aria-live="polite" data-testid="simulated-date">
          <time dateTime={new Date(now).toISOString()}>
            {day.format(now)}, {hourMinute.format(now)} UTC
          </time>
        </output>
        <span className="muted small">{offset ? `${days ? `${days} ${days === 1 ? 'day' : 'days'} ` : ''}${hours ? `${hours} h ` : ''}ahead of real time` : 'real time'}</span>
      </p>
      <div className="clock__steps" role="group" aria-label="Advance the clock">
        {STEPS.map(({ label, ms }) => (
          <button key={label} type="button" className="btn btn--small" onClick={() => clock.advance(ms)}>
            {label}
          </button>
        ))}
      </div>
    </section>
  );
}
