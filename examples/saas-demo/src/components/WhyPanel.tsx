import { useEffect, useMemo, useState } from 'react';
import type { TriggerExplanation } from '@upgradekit/core';
import { useUpgradeKit } from '@upgradekit/react';

const STATUS: Record<TriggerExplanation['status'], string> = {
  shown: 'Showing',
  not_fired: 'Not fired',
  held_out: 'Held out',
  suppressed: 'Held back',
  unknown_trigger: 'Unknown',
};

/** Every trigger's `explain()`: each leaf against what the trigger needs, and what governance does with it. */
function useExplanations(clockOffset: number): TriggerExplanation[] | null {
  const kit = useUpgradeKit();
  const engine = kit.prompts;
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((value) => value + 1);
    const stopKit = kit.subscribe(bump);
    const stopEngine = engine?.subscribe(bump);
    // Windows ("in 7d") slide with the clock alone.
    const timer = setInterval(bump, 30_000);
    return () => {
      stopKit();
      stopEngine?.();
      clearInterval(timer);
    };
  }, [kit, engine]);
  return useMemo(() => (engine ? kit.config.triggers.map((trigger) => engine.explain(trigger.id)) : null), [engine, kit, version, clockOffset]);
}

export function WhyPanel({ clockOffset }: { clockOffset: number }) {
  const kit = useUpgradeKit();
  const explanations = useExplanations(clockOffset);
  return (
    <section className="panel" aria-labelledby="why-title">
      <h3 id="why-title" className="panel__title">
        Why? <span className="muted">each trigger, condition by condition</span>
      </h3>
      <ul className="triggers">
        {kit.config.triggers.map((trigger, index) => {
          const explanation = explanations?.[index];
          const status = explanation?.status ?? 'not_fired';
          return (
            <li key={trigger.id} className="trigger" data-trigger={trigger.id} data-status={status}>
              <div className="trigger__head">
                <code>{trigger.id}</code>
                <span className="status" data-status={status}>
                  {STATUS[status]}
                </span>
              </div>
              {trigger.description && <p className="trigger__desc">{trigger.description}</p>}
              <ul className="leaves" aria-label={`Conditions of ${trigger.id}`}>
                {explanation?.explain.map((leaf) => (
                  // `satisfied`: the leaf is as the trigger needs it (under a `not`, that is when it does not hold).
                  <li key={leaf.path} className="leaf" data-held={leaf.satisfied}>
                    <span className="leaf__mark" aria-hidden="true">
                      {leaf.satisfied ? '✓' : '✗'}
                    </span>
                    <span className="sr-only">{leaf.satisfied ? 'Met: ' : 'Not met: '}</span>
                    <span>{leaf.text}</span>
                  </li>
                ))}
              </ul>
              {explanation && (
                <p className="trigger__verdict" data-rule={explanation.heldBack?.rule}>
                  {explanation.summary}
                </p>
              )}
              <p className="trigger__meta">
                {trigger.prompt.kind} prompt · priority {trigger.priority ?? 0}
                {explanation ? ` · variant ${explanation.variant}` : ''}
                {trigger.experiment?.holdout ? ` · ${Math.round(trigger.experiment.holdout * 100)}% holdout` : ''}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
