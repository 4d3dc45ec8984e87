import { useId } from 'react';
import { useCockpit } from '../app/CockpitContext.js';
import { RANGES, rangeOf, type RangeId } from '../app/route.js';

/** The reporting range, kept in the address (`?range=`) so it follows the PM from screen to screen. */
export function RangePicker() {
  const { search, navigate } = useCockpit();
  const id = useId();
  const change = (range: RangeId) => {
    const params = new URLSearchParams(search);
    if (range === 'all') params.delete('range');
    else params.set('range', range);
    const query = params.toString();
    navigate(`${location.pathname}${query ? `?${query}` : ''}`);
  };
  return (
    <div className="range">
      <label htmlFor={id}>Range</label>
      <select id={id} value={rangeOf(search)} onChange={(event) => change(event.target.value as RangeId)}>
        {RANGES.map((range) => (
          <option key={range.id} value={range.id}>
            {range.label}
          </option>
        ))}
      </select>
    </div>
  );
}
