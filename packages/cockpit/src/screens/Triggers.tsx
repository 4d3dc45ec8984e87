import type { ConversionReport, TriggerReport } from '@upgradekit/core/report';
import { useCockpit } from '../app/CockpitContext.js';
import { useResource } from '../app/useResource.js';
import { useWindow } from '../app/useWindow.js';
import { whiskerExtent } from '../charts/LiftWhisker.js';
import { Funnel } from '../components/Funnel.js';
import { LiftCell } from '../components/LiftCell.js';
import { Link } from '../components/Link.js';
import { PageHeader } from '../components/PageHeader.js';
import { RangePicker } from '../components/RangePicker.js';
import { Empty, Loaded, NoEvents } from '../components/StateViews.js';
import { money, percent } from '../format.js';

/** One card per trigger: its funnel, conversion rate, expansion MRR and holdout lift with its interval. */
export function Triggers() {
  const { api } = useCockpit();
  const { range, key } = useWindow();
  const [report, reload] = useResource(`report:${key}`, () => api.report(range));
  return (
    <>
      <PageHeader title="Triggers" lead="Each trigger's funnel, and whether its prompt changes how often customers convert.">
        <RangePicker />
      </PageHeader>
      <Loaded resource={report} what="the triggers" onRetry={reload}>
        {(data) => <TriggerList report={data} />}
      </Loaded>
    </>
  );
}

function TriggerList({ report }: { report: ConversionReport }) {
  if (report.triggers.length === 0) {
    return (
      <Empty title="No triggers yet">
        <p>The live config has no triggers and no event names one. Add a trigger on the Config screen.</p>
      </Empty>
    );
  }
  const extent = whiskerExtent(report.triggers.map((trigger) => trigger.liftInterval));
  return (
    <>
      {report.totals.events === 0 && <NoEvents />}
      <ul className="cards" aria-label="Triggers">
        {report.triggers.map((trigger) => (
          <li key={trigger.triggerId}>
            <TriggerCard trigger={trigger} extent={extent} />
          </li>
        ))}
      </ul>
    </>
  );
}

function TriggerCard({ trigger, extent }: { trigger: TriggerReport; extent: number }) {
  const { currency, search } = useCockpit();
  const headingId = `trigger-${trigger.triggerId}`;
  return (
    <article className="card" aria-labelledby={headingId} data-trigger={trigger.triggerId}>
      <h2 id={headingId} className="card__title">
        <Link href={`/triggers/${encodeURIComponent(trigger.triggerId)}${search}`}>{trigger.triggerId}</Link>
        {!trigger.inConfig && (
          <>
            {' '}
            <span className="badge badge--muted">Not in the live config</span>
          </>
        )}
      </h2>
      <Funnel funnel={trigger} caption={`Funnel of ${trigger.triggerId}`} />
      <dl className="figures">
        <div>
          <dt>Conversion rate</dt>
          <dd>{percent(trigger.conversionRate)}</dd>
        </div>
        <div>
          <dt>Expansion MRR</dt>
          <dd>{money(trigger.expansionMrr, currency)}</dd>
        </div>
        <div>
          <dt>Holdout</dt>
          <dd>{percent(trigger.holdoutShare)}</dd>
        </div>
      </dl>
      <LiftCell trigger={trigger} extent={extent} />
    </article>
  );
}
