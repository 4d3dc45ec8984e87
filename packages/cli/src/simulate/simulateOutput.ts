import { count, decimal, isoDay, NO_DATA, signed } from '../output/format.js';
import { renderCsv, renderTable } from '../output/table.js';
import type { SimulationResult, WeeklyLoad } from '@upgradekit/core/replay';

/** A simulation with where its config came from. */
export interface LabeledSimulation extends SimulationResult {
  config: string;
}

/** One row's figures: a trigger's, or all triggers' (`heldOutCustomers` and `fired` then `null`). */
interface Figures {
  firedCustomers: number;
  fired: number | null;
  heldOutCustomers: number | null;
  shown: number;
  shownCustomers: number;
  shownPerWeek: number;
  perCustomerWeek: WeeklyLoad;
}

const ALL = '(all triggers)';

const METRICS: ReadonlyArray<{ header: string; csv: string; value: (figures: Figures) => number | null; format: (value: number) => string }> = [
  { header: 'fires for', csv: 'fires_for_customers', value: (f) => f.firedCustomers, format: count },
  { header: 'held out', csv: 'held_out_customers', value: (f) => f.heldOutCustomers, format: count },
  { header: 'shown', csv: 'shown', value: (f) => f.shown, format: count },
  { header: 'customers shown', csv: 'shown_customers', value: (f) => f.shownCustomers, format: count },
  { header: 'shown/week', csv: 'shown_per_week', value: (f) => f.shownPerWeek, format: (value) => decimal(value) },
  { header: 'per customer-week: median', csv: 'median_per_customer_week', value: (f) => f.perCustomerWeek.median, format: count },
  { header: 'p95', csv: 'p95_per_customer_week', value: (f) => f.perCustomerWeek.p95, format: count },
];

/** Every row of a simulation by name: each trigger, then all triggers. */
function figuresOf(simulation: SimulationResult): Map<string, Figures> {
  const rows = new Map<string, Figures>(simulation.triggers.map((trigger) => [trigger.triggerId, trigger]));
  rows.set(ALL, { ...simulation.total, fired: null, heldOutCustomers: null });
  return rows;
}

/** Row names of all simulations: the first one's triggers in its order, then triggers only later ones have, then all. */
function rowNames(simulations: readonly SimulationResult[]): string[] {
  const names = new Set<string>();
  for (const simulation of simulations) for (const trigger of simulation.triggers) names.add(trigger.triggerId);
  return [...names, ALL];
}

function heading(simulation: LabeledSimulation, events: string): string {
  const version = simulation.configVersion === null ? '' : ` (version ${simulation.configVersion})`;
  return `${simulation.config}${version}: ${count(simulation.customers)} customers, ${count(simulation.events)} events of ${events}, ${isoDay(simulation.from)} to ${isoDay(simulation.to)} (${decimal(simulation.weeks)} weeks)`;
}

/** `120 → 160 (+40)`: a figure under both configs and the difference; one figure where they agree. */
function compareCell(a: number | null, b: number | null, format: (value: number) => string): string {
  const show = (value: number | null) => (value === null ? NO_DATA : format(value));
  if (show(a) === show(b)) return show(a);
  const difference = a !== null && b !== null ? ` (${signed(Math.round((b - a) * 10) / 10, format)})` : '';
  return `${show(a)} → ${show(b)}${difference}`;
}

/** The simulation as a table; with two, both side by side with the difference in each cell. */
export function simulationTable(simulations: readonly LabeledSimulation[], events: string): string {
  const figures = simulations.map(figuresOf);
  const names = rowNames(simulations);
  const rows = names.map((name) => {
    const [a, b] = figures.map((byName) => byName.get(name));
    const cells = METRICS.map(({ value, format }) => {
      const first = a ? value(a) : null;
      if (simulations.length === 1) return first === null ? NO_DATA : format(first);
      return compareCell(first, b ? value(b) : null, format);
    });
    return [name, ...cells];
  });
  const headers = METRICS.map((metric) => metric.header);
  const labels = simulations.map((simulation, index) => `${simulations.length > 1 ? `${'AB'[index]}: ` : ''}${heading(simulation, events)}`);
  if (simulations.length > 1) labels.push('Each cell: A → B (difference), or one figure where both agree.');
  const table = renderTable([{ header: 'trigger' }, ...headers.map((header) => ({ header, numeric: true }))], rows);
  return `${labels.join('\n')}\n\n${table}`;
}

/** One CSV row per config and trigger (and all triggers); with two configs, difference rows too. */
export function simulationCsv(simulations: readonly LabeledSimulation[]): string {
  const figures = simulations.map(figuresOf);
  const names = rowNames(simulations);
  const rows: Array<Array<string | number | null>> = [];
  simulations.forEach((simulation, index) => {
    for (const name of names) {
      const row = figures[index]!.get(name);
      if (row) rows.push([simulation.config, name, ...METRICS.map((metric) => metric.value(row))]);
    }
  });
  if (simulations.length === 2) {
    for (const name of names) {
      const [a, b] = figures.map((byName) => byName.get(name));
      rows.push(['difference', name, ...METRICS.map((metric) => difference(a && metric.value(a), b && metric.value(b)))]);
    }
  }
  return renderCsv(['config', 'trigger', ...METRICS.map((metric) => metric.csv)], rows);
}

/** B − A, with a trigger missing from one config counted as 0 there; `null` when a figure is undefined. */
function difference(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || b === null) return null;
  return (b ?? 0) - (a ?? 0);
}

/** `{ simulations, difference }`: the results as they are, and B − A per trigger when comparing. */
export function simulationJson(simulations: readonly LabeledSimulation[]): string {
  const figures = simulations.map(figuresOf);
  const differences =
    simulations.length === 2
      ? rowNames(simulations).map((name) => {
          const [a, b] = figures.map((byName) => byName.get(name));
          return { trigger: name, ...Object.fromEntries(METRICS.map((metric) => [metric.csv, difference(a && metric.value(a), b && metric.value(b))])) };
        })
      : null;
  return `${JSON.stringify({ simulations, difference: differences }, null, 2)}\n`;
}
