import { useId } from 'react';
import type { TriggerExplanation } from '@upgradekit/core';
import { formatSpan } from './time.js';
import { useLabState } from './useLabState.js';

const STATUS: Record<TriggerExplanation['status'], string> = {
  shown: 'Shown',
  not_fired: 'Not fired: its condition does not hold',
  held_out: 'Held out: this customer is in the holdout group',
  suppressed: 'Held back by governance',
  unknown_trigger: 'Unknown trigger',
};

/** The engine's clause as a list item: `cooling down …` → `Cooling down …`. */
const sentence = (clause: string) => clause.charAt(0).toUpperCase() + clause.slice(1);

/**
 * What `kit.prompts.explain(triggerId)` says, leaf by leaf, and, when the prompt is
 * held back, the governance rule the engine names, until when, and how long that is from now.
 */
export function ExplanationPanel({ triggerId }: { triggerId: string }) {
  const { kit, now } = useLabState();
  const headingId = useId();
  const explanation = kit.prompts?.explain(triggerId);
  if (!explanation) return <p>This client has no prompt engine.</p>;
  return (
    <section aria-labelledby={headingId} className="lab-panel" data-status={explanation.status}>
      <h3 id={headingId}>
        Why: <code>{triggerId}</code>
      </h3>
      <p aria-live="polite" className="lab-status">
        <strong>{STATUS[explanation.status]}</strong>
      </p>
      <ul aria-label="Condition, leaf by leaf" className="lab-leaves">
        {explanation.explain.map((leaf) => (
          <li key={leaf.path} data-held={leaf.held}>
            <span aria-hidden="true" className="lab-mark">
              {leaf.held ? '✓' : '✗'}
            </span>
            <span className="uk-sr-only">{leaf.held ? 'Holds: ' : 'Does not hold: '}</span>
            {leaf.negated && <span className="lab-not">must not hold: </span>}
            {leaf.text}
          </li>
        ))}
      </ul>
      {explanation.status === 'suppressed' && explanation.heldBack && (
        <>
          <h4>Held back by</h4>
          <ul aria-label="Held back by" className="lab-holds">
            <li data-rule={explanation.heldBack.rule}>
              {sentence(explanation.heldBack.text)}
              {explanation.heldBack.until !== null && `, in ${formatSpan(explanation.heldBack.until - now)}`}
            </li>
          </ul>
        </>
      )}
    </section>
  );
}
