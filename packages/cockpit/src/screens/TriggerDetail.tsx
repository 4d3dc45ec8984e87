import type { ReactNode } from 'react';
import type { ConversionReport, TriggerReport } from '@upgradekit/core/report';
import type { PromptsPerWeek } from '../api/schemas/report.js';
import { useCockpit } from '../app/CockpitContext.js';
import { useResource } from '../app/useResource.js';
import { useWindow } from '../app/useWindow.js';
import { BarTable } from '../charts/BarTable.js';
import { whiskerExtent } from '../charts/LiftWhisker.js';
import { Funnel } from '../components/Funnel.js';
import { LiftCell } from '../components/LiftCell.js';
import { Link } from '../components/Link.js';
import { PageHeader } from '../components/PageHeader.js';
import { RangePicker } from '../components/RangePicker.js';
import { Empty, Loaded, NoEvents } from '../components/StateViews.js';
import { count, decimal } from '../format.js';
import { VariantTable } from './VariantTable.js';
import { VersionTable } from './VersionTable.js';

/** One trigger in depth: variants side by side, why prompts were dismissed, what converting customers last did, load per customer, and figures per config version. */
export function TriggerDetail({ triggerId }: { triggerId: string }) {
  const { api, search } = useCockpit();
  const { range, key } = useWindow();
  const [report, reloadReport] = useResource(`report:${key}:version`, () => api.report(range, 'version'));
  const [load, reloadLoad] = useResource(`load:${key}`, () => api.promptsPerWeek(range));
  return (
    <>
      <p className="crumbs">
        <Link href={`/triggers${search}`}>← All triggers</Link>
      </p>
      <PageHeader title={triggerId} lead="Trigger detail">
        <RangePicker />
      </PageHeader>
      <Loaded resource={report} what="the trigger's figures" onRetry={reloadReport}>
        {(data) => {
          const trigger = data.triggers.find((candidate) => candidate.triggerId === triggerId);
          if (!trigger) {
            return (
              <Empty title={`No trigger "${triggerId}"`}>
                <p>Neither the live config nor the events of this range name it.</p>
              </Empty>
            );
          }
          if (data.totals.events === 0) return <NoEvents />;
          return (
            <TriggerFigures trigger={trigger} report={data}>
              <section className="panel" aria-labelledby="load">
                <h2 id="load">Prompts per customer per week</h2>
                <Loaded resource={load} what="prompts per week" onRetry={reloadLoad}>
                  {(weekly) => <WeeklyLoad triggerId={triggerId} load={weekly} />}
                </Loaded>
              </section>
            </TriggerFigures>
          );
        }}
      </Loaded>
    </>
  );
}

function TriggerFigures({ trigger, report, children }: { trigger: TriggerReport; report: ConversionReport; children: ReactNode }) {
  const { dismissed, conversionsByLastAction: last } = trigger;
  return (
    <div className="detail">
      <section className="panel" aria-labelledby="funnel">
        <h2 id="funnel">Funnel and lift</h2>
        <Funnel funnel={trigger} caption={`Funnel of ${trigger.triggerId}, all variants`} />
        <LiftCell trigger={trigger} extent={whiskerExtent([trigger.liftInterval, ...trigger.variants.map((variant) => variant.liftInterval)])} />
      </section>
      {children}
      <section className="panel panel--wide" aria-labelledby="variants">
        <h2 id="variants">Variants side by side</h2>
        <VariantTable trigger={trigger} />
      </section>
      <section className="panel" aria-labelledby="dismissals">
        <h2 id="dismissals">Dismissal reasons</h2>
        <BarTable
          caption={`${count(dismissed.total)} dismissals by the reason given; ${count(dismissed.forever)} of them hid the prompt for good`}
          rows={[
            { key: 'not_now', label: 'Not now', value: dismissed.not_now },
            { key: 'too_expensive', label: 'Too expensive', value: dismissed.too_expensive },
            { key: 'not_needed', label: 'Not needed', value: dismissed.not_needed },
            { key: 'other', label: 'Other', value: dismissed.other },
            { key: 'unspecified', label: 'No reason given', value: dismissed.unspecified },
          ].map((row) => ({ ...row, text: count(row.value) }))}
        />
      </section>
      <section className="panel" aria-labelledby="last-action">
        <h2 id="last-action">Conversions by what the customer last did</h2>
        <BarTable
          caption={`${count(trigger.conversions)} conversions by the customer's last action on the prompt`}
          rows={[
            { key: 'clicked', label: 'Clicked it', value: last.clicked },
            { key: 'dismissed', label: 'Dismissed it', value: last.dismissed },
            { key: 'seen', label: 'Only saw it', value: last.seen },
            { key: 'none', label: 'Nothing in the range', value: last.none },
          ].map((row) => ({ ...row, text: count(row.value) }))}
        />
      </section>
      <section className="panel panel--wide" aria-labelledby="versions">
        <h2 id="versions">By config version</h2>
        <VersionTable triggerId={trigger.triggerId} versions={report.versions ?? []} />
      </section>
    </div>
  );
}

function WeeklyLoad({ triggerId, load }: { triggerId: string; load: PromptsPerWeek }) {
  const own = load.triggers[triggerId];
  return (
    <dl className="figures">
      <div>
        <dt>This trigger: median</dt>
        <dd>{decimal(own?.median ?? null)}</dd>
      </div>
      <div>
        <dt>This trigger: 95th percentile</dt>
        <dd>{decimal(own?.p95 ?? null)}</dd>
      </div>
      <div>
        <dt>All triggers: median</dt>
        <dd>{decimal(load.total.median)}</dd>
      </div>
      <div>
        <dt>All triggers: 95th percentile</dt>
        <dd>{decimal(load.total.p95)}</dd>
      </div>
    </dl>
  );
}
