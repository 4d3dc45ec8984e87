import { useId, useState } from 'react';
import { LockedFeature } from '../../components/LockedFeature.js';
import { featureText } from '../../utils.js';
import { LAB_EVENTS } from '../config.js';
import { formatMoment } from './time.js';
import { useLabState } from './useLabState.js';

/** Usage the lab can add, per feature, and how much a press adds. */
const USAGE = [
  ['projects', 'Add a project', 1],
  ['seats', 'Add a member', 1],
  ['apiCalls', 'Use 100 API calls', 100],
] as const;
const TRIALS = [{ feature: 'pdfExport', name: 'PDF export trial' }, { plan: 'team', name: 'Team trial' }] as const;

/**
 * The customer and the signals triggers read, with the controls that feed them
 * through the client as an app would: a locked PDF export whose clicks are gate
 * hits, usage tracked with `track()`, product events with `recordEvent()`.
 */
export function SignalPanel() {
  const { kit } = useLabState();
  const headingId = useId();
  const [exported, setExported] = useState(0);
  return (
    <section aria-labelledby={headingId} className="lab-panel">
      <h3 id={headingId}>Customer and signals</h3>
      <p>
        Plan: <strong>{kit.getSnapshot().customer.plan}</strong>
      </p>
      <ul className="lab-signals">
        <li>
          <LockedFeature feature="pdfExport">
            <button type="button" className="uk-button" onClick={() => setExported(exported + 1)}>
              Export PDF
            </button>
          </LockedFeature>{' '}
          {exported > 0 && <span className="lab-muted">Exported {exported}×</span>}
        </li>
        {USAGE.map(([feature, label, amount]) => {
          const { usage, limit } = kit.check(feature);
          const count = (value: number | string) => (typeof value === 'number' ? value.toLocaleString('en-US') : value);
          return (
            <li key={feature}>
              <button type="button" className="uk-button" onClick={() => kit.track(feature, amount)}>
                {label}
              </button>{' '}
              <span>
                {count(usage)} of {count(limit)} {featureText(kit.config, feature).unit}
              </span>
            </li>
          );
        })}
        {LAB_EVENTS.map((name) => (
          <li key={name}>
            <button type="button" className="uk-button" onClick={() => kit.recordEvent(name)}>
              Record “{name}”
            </button>
          </li>
        ))}
        {TRIALS.map(({ name, ...target }) => {
          const trial = kit.getTrial(target);
          return (
            <li key={name} data-trial={trial.state}>
              {name}: {trial.state}
              {trial.state === 'active' && `, ${trial.daysLeft} ${trial.daysLeft === 1 ? 'day' : 'days'} left`}
              {trial.endsAt !== null && ` (ends ${formatMoment(trial.endsAt)})`}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
