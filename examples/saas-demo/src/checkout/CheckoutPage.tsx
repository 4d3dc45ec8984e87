import { useState } from 'react';
import { mrrOf, normalizeConfig } from '@upgradekit/core';
import { loadAccount } from '../backend';
import { pay, readSession } from '../billing';
import { config as input } from '../config';
import { money } from '../hooks';

// The billing provider prices what it sells from the same plans.
const config = normalizeConfig(input);
const nameOfPlan = (id: string) => config.plans.find((plan) => plan.id === id)?.name ?? id;
const nameOfAddOn = (id: string) => config.addOns.find((addOn) => addOn.id === id)?.name ?? id;

/** What the session buys, in the words and prices of the account it is for. */
function summary(plan: string, addOns: Array<{ id: string; quantity: number }>) {
  const account = loadAccount();
  const owned = new Map(account.addOns.map((addOn) => [addOn.id, addOn.quantity]));
  for (const addOn of addOns) owned.set(addOn.id, (owned.get(addOn.id) ?? 0) + addOn.quantity);
  const after = [...owned].map(([id, quantity]) => ({ id, quantity }));
  const delta = mrrOf(config, plan, after) - mrrOf(config, account.plan, account.addOns);
  const price = config.plans.find((candidate) => candidate.id === plan)?.price;
  const onlyAddOns = plan === account.plan && addOns.length > 0;
  return {
    workspace: account.workspace,
    item: onlyAddOns ? addOns.map((addOn) => nameOfAddOn(addOn.id)).join(', ') : `${nameOfPlan(plan)} plan`,
    price: price && !onlyAddOns ? `${money(price.amount, price.currency)} per ${price.interval}` : null,
    change: `${delta >= 0 ? '+' : '−'}${money(Math.abs(delta), price?.currency)} per month`,
  };
}

/**
 * The hosted checkout the app redirects to: a page of its own, as Stripe
 * Checkout would be. Paying sends the browser back to the session's success URL,
 * which carries the app's attribution token; cancelling, to its cancel URL.
 */
export function CheckoutPage() {
  const [session] = useState(() => readSession(new URLSearchParams(location.search).get('session')));
  const [paying, setPaying] = useState(false);
  if (!session || session.status !== 'open') {
    return (
      <main className="checkout-page">
        <div className="checkout card">
          <p className="eyebrow">Acme Projects billing · test mode</p>
          <h1>This checkout is closed</h1>
          <p className="muted">It was paid or has expired. Nothing else will be charged.</p>
          <a className="btn" href="./">
            Back to Acme Projects
          </a>
        </div>
      </main>
    );
  }
  const order = summary(session.plan, session.addOns);
  return (
    <main className="checkout-page">
      <form
        className="checkout card"
        aria-labelledby="checkout-title"
        onSubmit={(event) => {
          event.preventDefault();
          setPaying(true);
          location.assign(pay(session));
        }}
      >
        <p className="eyebrow">Acme Projects billing · test mode</p>
        <h1 id="checkout-title">Checkout</h1>
        <p className="muted">For {order.workspace}</p>
        <dl className="checkout__summary">
          <div>
            <dt>Item</dt>
            <dd>{order.item}</dd>
          </div>
          {order.price && (
            <div>
              <dt>Price</dt>
              <dd>{order.price}</dd>
            </div>
          )}
          <div>
            <dt>Change to your monthly bill</dt>
            <dd>{order.change}</dd>
          </div>
        </dl>
        <p className="muted small">No card is charged in test mode.</p>
        <div className="checkout__actions">
          <a className="btn" href={session.cancelUrl}>
            Cancel
          </a>
          <button type="submit" className="btn btn--primary" disabled={paying}>
            Pay and upgrade
          </button>
        </div>
      </form>
    </main>
  );
}
