import type { UpgradeKitEvent } from '@upgradekit/core';

/* Events as the SDK sends them, for tests: sound by default, with the fields each test cares about. */

export const T0 = Date.UTC(2026, 0, 5, 9);
export const DAY = 864e5;

let counter = 0;

/** A sound event of `type` (a `usage.tracked` by default) with a fresh id. */
export function event(fields: Partial<UpgradeKitEvent> & Record<string, unknown> = {}): UpgradeKitEvent {
  counter++;
  const type = (fields.type as string | undefined) ?? 'usage.tracked';
  const extra: Record<string, Record<string, unknown>> = {
    'usage.tracked': { feature: 'projects', amount: 1, usage: 1 },
    'gate.hit': { feature: 'pdfExport' },
    'trigger.fired': { triggerId: 'power-user', variant: 'control' },
    'prompt.shown': { triggerId: 'power-user', variant: 'control', kind: 'modal' },
    'prompt.clicked': { triggerId: 'power-user', variant: 'control', cta: 'upgrade' },
    'prompt.dismissed': { triggerId: 'power-user', variant: 'control' },
    'prompt.held_out': { triggerId: 'power-user', variant: 'holdout' },
    'upgrade.completed': { fromPlan: 'free', toPlan: 'pro', addOns: [], mrrDelta: 29 },
  };
  return {
    v: 1,
    id: `evt_${counter.toString(36).padStart(6, '0')}_${Math.random().toString(36).slice(2, 8)}`,
    at: T0 + counter,
    customerId: 'acct_1',
    mrr: 0,
    sdkVersion: '0.1.0',
    ...extra[type],
    ...fields,
    type,
  } as UpgradeKitEvent;
}

/** An upgrade as the server counts it when its attribution fails the re-check: without its trigger and variant. */
export function withoutAttribution(upgrade: UpgradeKitEvent): UpgradeKitEvent {
  const { triggerId: _trigger, variant: _variant, ...rest } = upgrade as UpgradeKitEvent & { triggerId?: string; variant?: string };
  return rest as UpgradeKitEvent;
}
