import { Line } from '@visx/shape';
import { scaleLinear } from '@visx/scale';
import type { LiftInterval } from '@upgradekit/core/report';
import { points } from '../format.js';

const WIDTH = 200;
const HEIGHT = 24;
const MID = HEIGHT / 2;

/**
 * The lift of shown over held-out customers as a dot on a line through 0, with its
 * 95% interval as a whisker. Drawn for the eye only: the sentence beside it (see
 * `readLift`) says the same in words. `extent` is the largest distance from 0 the
 * axis shows, shared by every whisker on a screen so they can be compared.
 */
export function LiftWhisker({ interval, extent }: { interval: LiftInterval; extent: number }) {
  const x = scaleLinear({ domain: [-extent, extent], range: [8, WIDTH - 8], clamp: true });
  const { low, high, difference } = interval;
  return (
    <div className="whisker" aria-hidden="true">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} focusable="false" data-has-interval={low !== null}>
        <Line from={{ x: 8, y: MID }} to={{ x: WIDTH - 8, y: MID }} className="whisker__axis" />
        <Line from={{ x: x(0), y: 2 }} to={{ x: x(0), y: HEIGHT - 2 }} className="whisker__zero" />
        {low !== null && high !== null && (
          <>
            <Line from={{ x: x(low), y: MID }} to={{ x: x(high), y: MID }} className="whisker__range" />
            <Line from={{ x: x(low), y: MID - 6 }} to={{ x: x(low), y: MID + 6 }} className="whisker__range" />
            <Line from={{ x: x(high), y: MID - 6 }} to={{ x: x(high), y: MID + 6 }} className="whisker__range" />
          </>
        )}
        {difference !== null && <circle cx={x(difference)} cy={MID} r={4.5} className={low === null ? 'whisker__dot whisker__dot--open' : 'whisker__dot'} />}
      </svg>
      <div className="whisker__scale">
        <span>{points(-extent)}</span>
        <span>0</span>
        <span>{points(extent)}</span>
      </div>
    </div>
  );
}

/** The axis extent that fits every interval given, rounded up to 5 percentage points (at least 5). */
export function whiskerExtent(intervals: LiftInterval[]): number {
  const ends = intervals.flatMap(({ low, high, difference }) => [low, high, difference]).filter((value): value is number => value !== null);
  return Math.ceil(Math.max(0.05, ...ends.map(Math.abs)) * 1.05 * 20) / 20;
}
