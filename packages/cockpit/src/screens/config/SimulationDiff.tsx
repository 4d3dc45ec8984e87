import type { SimulationComparison, TriggerSimulation } from '../../api/schemas/simulation.js';
import { ScrollTable } from '../../components/ScrollTable.js';
import { count, day, decimal, signed } from '../../format.js';

type Figures = Pick<TriggerSimulation, 'firedCustomers' | 'shown' | 'shownCustomers' | 'shownPerWeek' | 'perCustomerWeek'>;

const COLUMNS: Array<{ label: string; value: (figures: Figures) => number | null; format: (value: number | null) => string }> = [
  { label: 'Fires for (customers)', value: (f) => f.firedCustomers, format: (v) => (v === null ? '—' : count(v)) },
  { label: 'Shown', value: (f) => f.shown, format: (v) => (v === null ? '—' : count(v)) },
  { label: 'Customers shown', value: (f) => f.shownCustomers, format: (v) => (v === null ? '—' : count(v)) },
  { label: 'Shown per week', value: (f) => f.shownPerWeek, format: decimal },
  { label: 'Per customer-week, median', value: (f) => f.perCustomerWeek.median, format: decimal },
  { label: 'p95', value: (f) => f.perCustomerWeek.p95, format: decimal },
];

/** `120 → 160 (+40)`: a figure under the live and the candidate config, and the difference. */
function Cell({ live, candidate, format }: { live: number | null; candidate: number | null; format: (value: number | null) => string }) {
  const difference = live !== null && candidate !== null ? Math.round((candidate - live) * 10) / 10 : null;
  return (
    <td data-changed={difference !== null && difference !== 0}>
      {format(live)} → {format(candidate)}
      {difference !== null && difference !== 0 && <strong className="delta"> ({signed(difference)})</strong>}
    </td>
  );
}

/** The live and the candidate config replayed over the same stored history, trigger by trigger. */
export function SimulationDiff({ comparison }: { comparison: SimulationComparison }) {
  const { live, candidate } = comparison;
  const ids = [...new Set([...live.triggers, ...candidate.triggers].map((trigger) => trigger.triggerId))];
  const rows = [
    ...ids.map((id) => ({
      id,
      label: id,
      live: live.triggers.find((trigger) => trigger.triggerId === id) ?? null,
      candidate: candidate.triggers.find((trigger) => trigger.triggerId === id) ?? null,
    })),
    { id: '(all triggers)', label: 'All triggers', live: live.total, candidate: candidate.total },
  ];
  const span = live.from !== null && live.to !== null ? `${day(live.from)} to ${day(live.to)}` : 'all stored history';
  return (
    <ScrollTable label="Simulation: live config against the edited one">
      <caption>
        {count(live.customers)} customers, {count(live.events)} events ({span}) replayed through the live config (left of each arrow) and the edited one (right).
      </caption>
      <thead>
        <tr>
          <th scope="col">Trigger</th>
          {COLUMNS.map((column) => (
            <th scope="col" key={column.label}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-trigger={row.id}>
            <th scope="row">
              {row.label}
              {!row.live && <span className="badge badge--muted">new</span>}
              {!row.candidate && <span className="badge badge--muted">removed</span>}
            </th>
            {COLUMNS.map((column) => (
              <Cell key={column.label} live={row.live ? column.value(row.live) : null} candidate={row.candidate ? column.value(row.candidate) : null} format={column.format} />
            ))}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

/** Trigger ids whose figures differ between the two configs. */
export function changedTriggers({ live, candidate }: SimulationComparison): string[] {
  return candidate.triggers
    .filter((trigger) => {
      const before = live.triggers.find((other) => other.triggerId === trigger.triggerId);
      return !before || COLUMNS.some((column) => column.value(before) !== column.value(trigger));
    })
    .map((trigger) => trigger.triggerId)
    .concat(live.triggers.filter((trigger) => !candidate.triggers.some((other) => other.triggerId === trigger.triggerId)).map((trigger) => trigger.triggerId));
}
