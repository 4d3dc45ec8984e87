import { useSyncExternalStore } from 'react';
import type { UpgradeKitEvent } from '@upgradekit/core';
import { eventLog } from '../eventLog';
import { moment, money } from '../hooks';

/** Why a customer dismissed a prompt, as a PM reads it. */
const REASONS: Record<string, string> = { not_now: 'not now', too_expensive: 'too expensive', not_needed: "doesn't need it", other: 'other' };
const SHOWN = 40;

/** One line per event: what a PM needs to follow the funnel. */
function describe(event: UpgradeKitEvent): string {
  const trigger = 'triggerId' in event && event.triggerId ? `${event.triggerId} (${event.variant ?? 'control'})` : '';
  switch (event.type) {
    case 'usage.tracked':
      return `${event.feature} ${event.amount >= 0 ? '+' : ''}${event.amount} → ${event.usage}`;
    case 'gate.hit':
      return event.feature;
    case 'prompt.shown':
      return `${trigger} · ${event.kind}`;
    case 'prompt.clicked':
      return `${trigger} · ${event.cta}`;
    case 'prompt.dismissed':
      return `${trigger} · ${event.reason ? `reason: ${REASONS[event.reason] ?? event.reason}` : 'no reason given'}${event.forever ? " · don't show again" : ''}`;
    case 'trial.started':
      return `${event.plan ?? event.feature}${trigger ? ` · credited to ${trigger}` : ''}`;
    case 'trial.ended':
      return event.plan ?? event.feature ?? '';
    case 'upgrade.completed':
      return `${event.fromPlan} → ${event.toPlan} · ${event.mrrDelta >= 0 ? '+' : '−'}${money(Math.abs(event.mrrDelta))} MRR · ${trigger ? `credited to ${trigger}` : 'not attributed'}`;
    default:
      return trigger;
  }
}

export function EventsPanel() {
  const events = useSyncExternalStore(eventLog.subscribe, eventLog.getSnapshot, eventLog.getSnapshot);
  const recent = events.slice(-SHOWN).reverse();
  return (
    <section className="panel" aria-labelledby="events-title">
      <h3 id="events-title" className="panel__title">
        Live events <span className="count">{events.length}</span>
      </h3>
      <div role="log" aria-labelledby="events-title" className="events" tabIndex={0}>
        {recent.length ? (
          <ol>
            {recent.map((event) => (
              <li key={event.id} className="event" data-event={event.type}>
                <time dateTime={new Date(event.at).toISOString()}>{moment.format(event.at)}</time>
                <code className="event__type">{event.type}</code>
                <span className="event__detail">{describe(event)}</span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted small">Nothing yet. Create a project or try Export PDF.</p>
        )}
      </div>
    </section>
  );
}
