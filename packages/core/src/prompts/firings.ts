import type { KitCore } from '../client/kitCore.js';
import type { Trigger } from '../config/schema.js';
import { explainFiring } from '../conversion/firingExplanation.js';
import { HOLDOUT } from './experiment.js';
import type { GovernanceStore } from './governance.js';

/**
 * Reports trigger firings: `trigger.fired` (and `prompt.held_out` for the holdout)
 * once per transition from not holding to holding. What was reported is persisted
 * and shared with the customer's other tabs (see `Governance.reported`), and only
 * the leading tab reports, so neither a reload nor a second tab fires again.
 */
export function createFiringReporter(kit: KitCore, governance: GovernanceStore, variantOf: (trigger: Trigger) => string, leading: () => boolean) {
  return (fired: ReadonlySet<string>) => {
    if (!leading()) return;
    const { reported } = governance.store.getState();
    const newly = kit.config.triggers.filter((trigger) => fired.has(trigger.id) && !reported.includes(trigger.id));
    const still = reported.filter((id) => fired.has(id));
    if (!newly.length && still.length === reported.length) return;
    governance.report([...still, ...newly.map((trigger) => trigger.id)]);
    for (const trigger of newly) {
      const variant = variantOf(trigger);
      kit.emit({ type: 'trigger.fired', triggerId: trigger.id, variant, explanation: explainFiring(kit, trigger, variant) });
      if (variant === HOLDOUT) kit.emit({ type: 'prompt.held_out', triggerId: trigger.id, variant });
    }
  };
}
