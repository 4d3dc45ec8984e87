import type { UpgradeKit } from '../client/types.js';
import type { Config } from '../config/schema.js';
import type { UpgradeKitEvent } from '../conversion/events.js';
import { periodAt } from '../entitlements/period.js';
import { mrrOf } from '../entitlements/upgradePath.js';
import { dependencies } from '../triggers/dependencies.js';

/*
 * A recorded event applied to a replaying client with the SDK's own calls, so the
 * client's state (usage, signals, trials, plan) follows the history while its
 * prompt engine decides anew what fires and what is shown.
 */

/**
 * What the config's conditions read (`usage:<feature>`, `gate:<feature>`,
 * `event:<name>`, ...): usage, gate hits and product events nothing reads change
 * nothing a replay counts, and are skipped.
 */
export function readsOf(config: Config): ReadonlySet<string> {
  const reads = new Set<string>();
  for (const trigger of config.triggers) dependencies(trigger.when, reads);
  if (config.policy.activation) dependencies(config.policy.activation, reads);
  return reads;
}

/** The plan a customer starts the replay on: the one their first upgrade leaves, else the plan their first MRR pays for, else the entry plan. */
export function initialPlan(config: Config, events: readonly UpgradeKitEvent[]): string {
  const upgrade = events.find((event) => event.type === 'upgrade.completed');
  if (upgrade && config.plans.some((plan) => plan.id === upgrade.fromPlan)) return upgrade.fromPlan;
  const paying = config.plans.find((plan) => Math.abs(mrrOf(config, plan.id, []) - events[0]!.mrr) < 1e-6);
  return (paying ?? config.plans[0]!).id;
}

/** Usage the client holds for a feature now: what the next `track` builds on (a reset period started over counts 0). */
function currentUsage(kit: UpgradeKit, featureId: string): number {
  const feature = kit.config.features[featureId]!;
  const { customer } = kit.getSnapshot();
  const entry = customer.usage[featureId];
  if (!entry) return 0;
  if (feature.type !== 'metered') return entry.value;
  return entry.asOf >= periodAt(feature.reset ?? 'month', customer.periodStart, kit.platform.now()).start ? entry.value : 0;
}

/**
 * The customer as server truth with `changes` applied, for `setCustomer`: usage as
 * the client counts it now (measured now), everything else as it is.
 */
function replaceCustomer(kit: UpgradeKit, changes: { addOns: Array<{ id: string; quantity: number }> }): void {
  const { customer } = kit.getSnapshot();
  const usage = Object.fromEntries(Object.keys(customer.usage).filter((id) => kit.config.features[id]).map((id) => [id, currentUsage(kit, id)]));
  kit.setCustomer({
    id: customer.id,
    plan: customer.plan,
    addOns: changes.addOns,
    usage,
    usageAsOf: kit.platform.now(),
    periodStart: customer.periodStart,
    trials: customer.trials,
    attributes: customer.attributes,
    ...(customer.activated !== undefined && { activated: customer.activated }),
  });
}

/** An upgrade (or downgrade) to `toPlan` with the add-ons the event lists, as `recordUpgrade` records one. */
function applyPlanChange(kit: UpgradeKit, event: Extract<UpgradeKitEvent, { type: 'upgrade.completed' }>): void {
  if (!kit.config.plans.some((plan) => plan.id === event.toPlan)) return;
  const owned = new Map(kit.getSnapshot().customer.addOns.map((addOn) => [addOn.id, addOn.quantity]));
  const target = new Map(event.addOns.map((addOn) => [addOn.id, addOn.quantity]));
  // recordUpgrade only adds: an add-on given up is a change of server truth.
  if ([...owned].some(([id, quantity]) => (target.get(id) ?? 0) < quantity)) replaceCustomer(kit, { addOns: event.addOns.map((addOn) => ({ ...addOn })) });
  const bought = [...target].map(([id, quantity]) => ({ id, quantity: quantity - (owned.get(id) ?? 0) })).filter((addOn) => addOn.quantity > 0);
  kit.recordUpgrade({ toPlan: event.toPlan, addOns: bought });
}

/**
 * Applies what the customer did (what `reads` names, and every trial and plan
 * change). Prompt events are the engine's to make anew, except the customer's
 * answers to prompts it shows.
 */
export function applyEvent(kit: UpgradeKit, event: UpgradeKitEvent, reads: ReadonlySet<string>): void {
  const engine = kit.prompts!;
  switch (event.type) {
    case 'usage.tracked': {
      const type = kit.config.features[event.feature]?.type;
      if (type === undefined || type === 'boolean' || !reads.has(`usage:${event.feature}`)) return;
      const delta = event.usage - currentUsage(kit, event.feature);
      if (delta !== 0) kit.track(event.feature, delta);
      return;
    }
    case 'gate.hit':
      if (reads.has(`gate:${event.feature}`)) kit.recordGateHit(event.feature);
      return;
    case 'event.recorded':
      if (reads.has(`event:${event.name}`)) kit.recordEvent(event.name);
      return;
    case 'trial.started':
      kit.startTrial(event.feature !== undefined ? { feature: event.feature } : { plan: event.plan });
      return;
    case 'upgrade.completed':
      return applyPlanChange(kit, event);
    case 'prompt.clicked':
      if (engine.getSnapshot().open.has(event.triggerId)) engine.markClicked(event.triggerId, event.cta);
      return;
    case 'prompt.dismissed':
      if (engine.getSnapshot().open.has(event.triggerId)) engine.markDismissed(event.triggerId, event.reason, { forever: event.forever === true });
      return;
    default:
      // trigger.fired, prompt.held_out, trial.ended and newer types: the replay makes its own.
      return;
  }
}
