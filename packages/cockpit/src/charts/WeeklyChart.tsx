import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { useParentSize } from '@visx/responsive';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { day } from '../format.js';

export interface WeekValue {
  from: number;
  value: number | null;
}

const HEIGHT = 220;
const MARGIN = { top: 12, right: 12, bottom: 36, left: 56 };

/**
 * One figure per week as columns, with its axes. The chart is an image with a
 * summary for screen readers; the table after it, hidden from sight, gives every
 * week's figure. A week without data (`null`) has no column and says so in the table.
 */
export function WeeklyChart({ title, weeks, format }: { title: string; weeks: WeekValue[]; format: (value: number | null) => string }) {
  const { parentRef, width } = useParentSize({ debounceTime: 50, initialSize: { width: 640 } });
  const innerWidth = Math.max(0, width - MARGIN.left - MARGIN.right);
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const values = weeks.map((week) => week.value ?? 0);
  const x = scaleBand({ domain: weeks.map((week) => day(week.from)), range: [0, innerWidth], padding: 0.25 });
  const y = scaleLinear({ domain: [Math.min(0, ...values), Math.max(...values, 0) || 1], range: [innerHeight, 0], nice: true });
  const ticks = Math.max(2, Math.floor(innerWidth / 90));
  const labels = x.domain().filter((_, index, all) => index % Math.ceil(all.length / ticks) === 0);
  const known = weeks.filter((week) => week.value !== null);
  const summary = known.length
    ? `${title}, ${weeks.length} weeks from ${day(weeks[0]!.from)}: lowest ${format(Math.min(...known.map((week) => week.value!)))}, highest ${format(Math.max(...known.map((week) => week.value!)))}, last ${format(weeks.at(-1)!.value)}.`
    : `${title}: no data in these weeks.`;
  return (
    <div className="weekly" ref={parentRef}>
      <svg width={width} height={HEIGHT} role="img" aria-label={summary}>
        <Group left={MARGIN.left} top={MARGIN.top}>
          {weeks.map((week) =>
            week.value === null ? null : (
              <Bar
                key={week.from}
                className="weekly__bar"
                x={x(day(week.from))}
                y={Math.min(y(week.value), y(0))}
                width={x.bandwidth()}
                height={Math.abs(y(week.value) - y(0))}
              />
            ),
          )}
          <AxisLeft scale={y} numTicks={4} tickFormat={(value) => format(Number(value))} axisClassName="axis" tickClassName="axis__tick" />
          <AxisBottom top={innerHeight} scale={x} tickValues={labels} axisClassName="axis" tickClassName="axis__tick" />
        </Group>
      </svg>
      <table className="sr-only">
        <caption>{title} by week</caption>
        <thead>
          <tr>
            <th scope="col">Week of</th>
            <th scope="col">{title}</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.from}>
              <th scope="row">{day(week.from)}</th>
              <td>{format(week.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
