import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { buildReport, type DismissCounts } from '@upgradekit/core/report';
import { useUpgradeKit } from '@upgradekit/react';
import { eventLog } from '../eventLog';
import { money } from '../hooks';

const percent = (ratio: number | null) => (ratio === null ? '—' : `${Math.round(ratio * 100)}%`);
const COLUMNS = 10;

const REASONS: Array<[keyof DismissCounts, string]> = [
  ['not_now', 'not now'],
  ['too_expensive', 'too expensive'],
  ['not_needed', "doesn't need it"],
  ['other', 'other'],
  ['unspecified', 'no reason'],
  ['forever', "don't show again"],
];

/** What customers said when they dismissed: "too expensive ×2, not now". */
function reasons(dismissed: DismissCounts): string {
  return REASONS.filter(([key]) => dismissed[key] > 0)
    .map(([key, label]) => (dismissed[key] > 1 ? `${label} ×${dismissed[key]}` : label))
    .join(', ');
}

/** Whether the element's content is wider than the element: a narrow screen hides columns off to the side. */
function useOverflowing<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [overflowing, setOverflowing] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver !== 'function') return;
    const measure = () => setOverflowing(element.scrollWidth > element.clientWidth + 1);
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    measure();
    return () => observer.disconnect();
  }, []);
  return { ref, overflowing };
}

/** `buildReport(events, config)` over every event this browser saw: the funnel of each trigger. */
export function ReportPanel() {
  const kit = useUpgradeKit();
  const events = useSyncExternalStore(eventLog.subscribe, eventLog.getSnapshot, eventLog.getSnapshot);
  const report = useMemo(() => buildReport(events, kit.config), [events, kit]);
  const { totals } = report;
  const scroll = useOverflowing<HTMLDivElement>();
  return (
    <section id="reports" className="card report" aria-labelledby="report-title">
      <div className="section-head">
        <div>
          <h2 id="report-title">Conversion report</h2>
          <p className="muted">
            Which trigger converted, from {totals.events} events. Attribution window {Math.round(report.attributionWindowMs / 864e5)} days.
          </p>
        </div>
        <dl className="stats">
          <div>
            <dt>Conversions</dt>
            <dd>{totals.conversions}</dd>
          </div>
          <div>
            <dt>New MRR</dt>
            <dd>{money(totals.newMrr)}</dd>
          </div>
          <div>
            <dt>Expansion MRR</dt>
            <dd>{money(totals.expansionMrr)}</dd>
          </div>
        </dl>
      </div>
      {scroll.overflowing && (
        <p id="report-scroll-hint" className="scroll-hint">
          Scroll sideways to see all {COLUMNS} columns <span aria-hidden="true">→</span>
        </p>
      )}
      <div
        ref={scroll.ref}
        className="table-scroll"
        data-overflowing={scroll.overflowing}
        tabIndex={0}
        role="group"
        aria-labelledby="report-title"
        aria-describedby={scroll.overflowing ? 'report-scroll-hint' : undefined}
      >
        <table>
          <thead>
            <tr>
              <th scope="col">Trigger</th>
              <th scope="col">Fired</th>
              <th scope="col">Held out</th>
              <th scope="col">Shown</th>
              <th scope="col">Clicked</th>
              <th scope="col">Dismissed</th>
              <th scope="col">Trials</th>
              <th scope="col">Conversions</th>
              <th scope="col">Conv. rate</th>
              <th scope="col">MRR added</th>
            </tr>
          </thead>
          <tbody>
            {report.triggers.map((row) => (
              <tr key={row.triggerId} data-trigger={row.triggerId}>
                <th scope="row">
                  <code>{row.triggerId}</code>
                </th>
                <td data-col="fired">{row.fired}</td>
                <td data-col="heldOut">{row.heldOut}</td>
                <td data-col="shown">{row.shown}</td>
                <td data-col="clicked">{row.clicked}</td>
                <td data-col="dismissed">
                  {row.dismissed.total}
                  {row.dismissed.total > 0 && <span className="reasons">{reasons(row.dismissed)}</span>}
                </td>
                <td data-col="trials">{row.trialsStarted}</td>
                <td data-col="conversions">{row.conversions}</td>
                <td data-col="conversionRate">{percent(row.conversionRate)}</td>
                <td data-col="mrr">{money(row.newMrr + row.expansionMrr)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Not attributed</th>
              <td colSpan={6} />
              <td data-col="conversions">{totals.unattributedConversions}</td>
              <td colSpan={2} />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
