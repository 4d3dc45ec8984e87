import type { ConversionReport } from '@upgradekit/core/report';
import { useId, useState } from 'react';
import type { ReportSeries } from '../api/schemas/report.js';
import { useCockpit } from '../app/CockpitContext.js';
import { useResource } from '../app/useResource.js';
import { useWindow } from '../app/useWindow.js';
import { BarTable } from '../charts/BarTable.js';
import { WeeklyChart } from '../charts/WeeklyChart.js';
import { Link } from '../components/Link.js';
import { PageHeader } from '../components/PageHeader.js';
import { RangePicker } from '../components/RangePicker.js';
import { Loaded, NoEvents } from '../components/StateViews.js';
import { count, money, percent } from '../format.js';

type Metric = 'expansionMrr' | 'expansionRate' | 'netRevenueRetention' | 'conversions';

const METRICS: Array<{ id: Metric; label: string }> = [
  { id: 'expansionMrr', label: 'Expansion MRR' },
  { id: 'expansionRate', label: 'Expansion rate' },
  { id: 'netRevenueRetention', label: 'NRR' },
  { id: 'conversions', label: 'Conversions' },
];

/** Expansion MRR, expansion rate and NRR of the range, their weekly course, and conversions by trigger. */
export function Overview() {
  const { api } = useCockpit();
  const { range, key } = useWindow();
  const [report, reloadReport] = useResource(`report:${key}`, () => api.report(range));
  return (
    <>
      <PageHeader title="Overview" lead="Expansion revenue and conversions across every customer.">
        <RangePicker />
      </PageHeader>
      <Loaded resource={report} what="the report" onRetry={reloadReport}>
        {(data) => (data.totals.events === 0 ? <NoEvents /> : <OverviewFigures report={data} />)}
      </Loaded>
    </>
  );
}

function OverviewFigures({ report }: { report: ConversionReport }) {
  const { currency, search } = useCockpit();
  const { totals } = report;
  return (
    <>
      <dl className="kpis">
        <div className="kpi">
          <dt>Expansion MRR</dt>
          <dd>{money(totals.expansionMrr, currency)}</dd>
        </div>
        <div className="kpi">
          <dt>Expansion rate</dt>
          <dd>{percent(totals.expansionRate)}</dd>
        </div>
        <div className="kpi">
          <dt>Net revenue retention</dt>
          <dd>{percent(totals.netRevenueRetention)}</dd>
        </div>
        <div className="kpi">
          <dt>Conversions</dt>
          <dd>
            {count(totals.conversions)} <span className="kpi__note">{count(totals.attributedConversions)} attributed to a trigger</span>
          </dd>
        </div>
      </dl>
      <Weekly />
      <section className="panel" aria-labelledby="by-trigger">
        <h2 id="by-trigger">Conversions by trigger</h2>
        <BarTable
          caption="Upgrades attributed to each trigger, with the expansion MRR they brought"
          valueHeader="Conversions"
          rows={report.triggers.map((trigger) => ({
            key: trigger.triggerId,
            label: <Link href={`/triggers/${encodeURIComponent(trigger.triggerId)}${search}`}>{trigger.triggerId}</Link>,
            value: trigger.conversions,
            text: `${count(trigger.conversions)} · ${money(trigger.expansionMrr, currency)}`,
          }))}
        />
        <p className="note">{count(totals.unattributedConversions)} conversions were attributed to no trigger.</p>
      </section>
    </>
  );
}

const valueOf = (point: ReportSeries['points'][number], metric: Metric) => point.totals[metric];

/** The chosen figure week by week (`GET /api/report/series`). */
function Weekly() {
  const { api, currency } = useCockpit();
  const { range, key } = useWindow();
  const [metric, setMetric] = useState<Metric>('expansionMrr');
  const [series, reload] = useResource(`series:${key}`, () => api.series(range));
  const name = useId();
  const label = METRICS.find((candidate) => candidate.id === metric)!.label;
  const format = (value: number | null) => (value === null ? '—' : metric === 'expansionMrr' ? money(value, currency) : metric === 'conversions' ? count(value) : percent(value));
  return (
    <section className="panel" aria-labelledby="weekly">
      <h2 id="weekly">Week by week</h2>
      <fieldset className="segmented">
        <legend className="sr-only">Figure to chart</legend>
        {METRICS.map((candidate) => (
          <label key={candidate.id} className="segmented__option">
            <input type="radio" name={name} value={candidate.id} checked={metric === candidate.id} onChange={() => setMetric(candidate.id)} />
            {candidate.label}
          </label>
        ))}
      </fieldset>
      <Loaded resource={series} what="the weekly figures" onRetry={reload}>
        {(data) => <WeeklyChart title={label} weeks={data.points.map((point) => ({ from: point.from, value: valueOf(point, metric) }))} format={format} />}
      </Loaded>
    </section>
  );
}
