import type { UpgradeKit } from '@upgradekit/core';
import { savePlan, type Account } from './backend';
import { markFulfilled, readSession } from './billing';

/**
 * Back from checkout (`?checkout=<session>&upgradekit=<token>`): what a real app
 * does on its success URL. `resume(token)` restores which prompt the customer saw
 * before leaving, the upgrade is recorded (and credited to that prompt's trigger),
 * the backend keeps the new plan, and the query is dropped from the address bar.
 * A paid session is applied once, so reloading the return URL changes nothing.
 * Returns what to tell the customer, or `null` when this is no return from checkout.
 */
export function completeCheckout(kit: UpgradeKit, account: Account, url: URL): string | null {
  const id = url.searchParams.get('checkout');
  if (!id) return null;
  history.replaceState(history.state, '', `${url.pathname}${url.hash}`);
  const session = readSession(id);
  if (url.searchParams.has('cancelled')) return 'Checkout cancelled: nothing changed.';
  if (session?.status !== 'paid') return null;
  const token = url.searchParams.get('upgradekit');
  if (token) kit.resume(token);
  const credited = kit.prompts?.attribution();
  kit.recordUpgrade({ toPlan: session.plan, addOns: session.addOns });
  const { customer } = kit.getSnapshot();
  savePlan(account, customer.plan, customer.addOns);
  markFulfilled(session);
  const plan = kit.config.plans.find((candidate) => candidate.id === session.plan)?.name ?? session.plan;
  return `You're on ${plan} now. Thanks for upgrading!${credited ? ` Credited to ${credited.triggerId}.` : ''}`;
}
