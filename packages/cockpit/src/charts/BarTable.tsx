import { Bar } from '@visx/shape';
import { scaleLinear } from '@visx/scale';
import type { ReactNode } from 'react';

export interface BarRow {
  key: string;
  label: ReactNode;
  value: number;
  /** The value as printed beside the bar. */
  text: string;
}

/*
 * The cockpit's charts are visx (d3 scales, SVG shapes through React): SVG takes its
 * colours from the page's CSS variables, so light and dark need no script, and it
 * sits in the DOM beside the text each chart has. See docs/cockpit.md for the sizes
 * measured against uPlot.
 */
const WIDTH = 100;
const HEIGHT = 12;

/**
 * Horizontal bars as a table: each row's label and figure are text, and the bar
 * beside them is drawn for the eye only (`aria-hidden`), so the table is the
 * chart's text equivalent. Bars share one scale, `max` or the largest value.
 */
export function BarTable({ caption, rows, max, valueHeader = 'Count', className }: { caption: ReactNode; rows: BarRow[]; max?: number; valueHeader?: string; className?: string }) {
  const top = Math.max(max ?? 0, ...rows.map((row) => row.value), 1);
  const x = scaleLinear({ domain: [0, top], range: [0, WIDTH] });
  return (
    <table className={`bars ${className ?? ''}`}>
      <caption>{caption}</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">Step</th>
          <th scope="col">{valueHeader}</th>
          <th scope="col">Bar</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-row={row.key}>
            <th scope="row" className="bars__label">
              {row.label}
            </th>
            <td className="bars__value">{row.text}</td>
            <td className="bars__bar">
              <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <Bar x={0} y={0} width={WIDTH} height={HEIGHT} className="bars__track" />
                <Bar x={0} y={0} width={Math.max(0, x(row.value))} height={HEIGHT} className="bars__fill" />
              </svg>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
