import type { Sink, UpgradeKitEvent } from '../conversion/events.js';
import { PREFIX } from '../utils/log.js';

export interface ConsoleSinkOptions {
  /** Where lines go. Default: `console.log`, looked up on each event so spies and devtools overrides apply. */
  log?: (...args: unknown[]) => void;
}

/**
 * A development sink: one short line per event, for example
 * `[upgradekit] prompt.shown trigger=power-user-pdf variant=control kind=modal customer=c_1 id=…`.
 * Not meant for production: it neither batches nor persists.
 */
export function createConsoleSink(options: ConsoleSinkOptions = {}): Sink {
  return {
    send(event) {
      const log = options.log ?? ((...args: unknown[]) => console.log(...args));
      log(formatEvent(event));
    },
  };
}

/** The one-line form of an event used by the console sink. */
export function formatEvent(event: UpgradeKitEvent): string {
  const parts: Array<string | undefined> = [PREFIX, event.type];
  const field = (name: string, value: unknown) => {
    if (value !== undefined && value !== '') parts.push(`${name}=${String(value)}`);
  };
  // Whatever a trigger earned comes first, so a log reads as a funnel.
  if ('triggerId' in event) {
    field('trigger', event.triggerId);
    field('variant', event.variant);
  }
  switch (event.type) {
    case 'usage.tracked':
      field('feature', event.feature);
      parts.push(`${event.amount >= 0 ? '+' : ''}${event.amount}`, `(usage ${event.usage})`);
      break;
    case 'gate.hit':
      field('feature', event.feature);
      break;
    case 'event.recorded':
      field('name', event.name);
      for (const [key, value] of Object.entries(event.props ?? {})) field(key, value);
      break;
    case 'prompt.shown':
      field('kind', event.kind);
      field('placement', event.placement);
      break;
    case 'prompt.clicked':
      field('cta', event.cta);
      break;
    case 'prompt.dismissed':
      field('reason', event.reason);
      if (event.forever) parts.push('forever');
      break;
    case 'trial.started':
      field('feature', event.feature);
      field('plan', event.plan);
      field('ends', Number.isFinite(event.endsAt) ? new Date(event.endsAt).toISOString() : undefined);
      break;
    case 'trial.ended':
      field('feature', event.feature);
      field('plan', event.plan);
      break;
    case 'upgrade.completed':
      parts.push(`${event.fromPlan} → ${event.toPlan}`);
      field('mrrDelta', `${event.mrrDelta >= 0 ? '+' : ''}${event.mrrDelta}`);
      break;
  }
  field('customer', event.customerId);
  field('id', event.id);
  return parts.join(' ');
}
