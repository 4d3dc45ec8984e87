import type { ConfigInput } from '../config/schema.js';
import { decodeCheckoutToken, encodeCheckoutToken } from '../conversion/attribution.js';
import type { Customer } from '../entitlements/customer.js';
import { trialKey } from '../entitlements/trials.js';
import { mrrOf } from '../entitlements/upgradePath.js';
import { isRecord } from '../utils/isRecord.js';
import { freshState, type ClientContext } from './context.js';
import { clientKey } from './persistence.js';
import type { UpgradeKit } from './types.js';

/**
 * `setCustomer`, `recordUpgrade` and the checkout round trip: server truth, plan
 * changes (conversions, credited once to the last prompt seen) and their attribution.
 */
export function customerMethods<C extends ConfigInput>(ctx: ClientContext): Pick<UpgradeKit<C>, 'setCustomer' | 'recordUpgrade' | 'checkoutContext' | 'resume'> {
  const { platform, store, warn } = ctx;
  /** Replaces the customer; a plan or MRR change is a conversion, credited once. */
  const changeCustomer = (next: Customer) => {
    const { config, prompts } = ctx;
    const previous = ctx.customer();
    ctx.checks.clear();
    ctx.trials.clear();
    if (previous.id !== next.id) {
      switchTo(ctx, next);
    } else {
      const mrrDelta = mrrOf(config, next.plan, next.addOns) - mrrOf(config, previous.plan, previous.addOns);
      if (previous.plan !== next.plan || mrrDelta !== 0) {
        ctx.emit({ type: 'upgrade.completed', fromPlan: previous.plan, toPlan: next.plan, addOns: next.addOns, mrrDelta, ...prompts?.attribution() });
        prompts?.converted();
      }
      store.setState({ customer: next });
    }
    ctx.changed('*');
    ctx.watchTrials();
  };
  return {
    setCustomer(input) {
      const previous = ctx.customer();
      const next = ctx.load(input);
      // Trials started here stay until the server reports them.
      if (previous.id === next.id) {
        const known = new Set(next.trials.map(trialKey));
        const kept = previous.trials.filter((trial) => !known.has(trialKey(trial)) && trial.endsAt > platform.now());
        if (kept.length) next.trials = [...next.trials, ...kept];
      }
      changeCustomer(next);
    },
    recordUpgrade(change) {
      const { toPlan, addOns = [] } = isRecord(change) ? change : { toPlan: undefined };
      const { config } = ctx;
      if (typeof toPlan !== 'string' || !config.plans.some((plan) => plan.id === toPlan)) {
        warn(`recordUpgrade ignored: plan ${JSON.stringify(toPlan) ?? 'undefined'} is not defined (defined: ${config.plans.map((plan) => plan.id).join(', ')})`);
        return;
      }
      const customer = ctx.customer();
      changeCustomer({ ...customer, plan: toPlan, addOns: withAddOns(customer.addOns, addOns) });
    },
    checkoutContext: () => encodeCheckoutToken(ctx.customer().id, ctx.prompts?.lastTouch() ?? null),
    resume(token) {
      const decoded = typeof token === 'string' ? decodeCheckoutToken(token) : null;
      if (decoded?.customerId !== ctx.customer().id) {
        warn('resume() ignored: the checkout token is malformed or belongs to another customer');
        return false;
      }
      if (decoded.touch) ctx.prompts?.restoreTouch(decoded.touch);
      return true;
    },
  };
}

/** A different id is a different customer: their own stored state, tabs and trials; nothing carries over. */
function switchTo({ store, persistence, tabs }: ClientContext, next: Customer): void {
  persistence.flush();
  store.persist.setOptions({ name: clientKey(next.id) });
  store.setState(freshState(next), true);
  // The fresh state must not overwrite what the new customer has stored: it is merged in next.
  persistence.discardPending();
  void store.persist.rehydrate();
  tabs.connect(next.id);
}

/** The customer's add-ons with `bought` added on top: quantities of the same add-on add up. */
function withAddOns(owned: Customer['addOns'], bought: ReadonlyArray<{ id: string; quantity?: number }>): Customer['addOns'] {
  const next = owned.map((addOn) => ({ ...addOn }));
  for (const { id, quantity = 1 } of Array.isArray(bought) ? bought : []) {
    if (typeof id !== 'string' || !Number.isInteger(quantity) || quantity < 1) continue;
    const existing = next.find((addOn) => addOn.id === id);
    if (existing) existing.quantity += quantity;
    else next.push({ id, quantity });
  }
  return next;
}
