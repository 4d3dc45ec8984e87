import { useEffect, useId, useRef } from 'react';
import { mrrOf } from '@upgradekit/core';
import { useUpgradeKit, type UpgradeContext } from '@upgradekit/react';
import { savePlan, type Account } from '../backend';
import { money } from '../hooks';

export interface CheckoutRequest {
  plan: string;
  context: UpgradeContext;
}

type AddOns = Array<{ id: string; quantity: number }>;

/** Adds what the upgrade path buys to what the customer owns. */
function withAddOns(owned: AddOns, bought: AddOns): AddOns {
  const merged = new Map(owned.map((addOn) => [addOn.id, addOn.quantity]));
  for (const addOn of bought) merged.set(addOn.id, (merged.get(addOn.id) ?? 0) + addOn.quantity);
  return [...merged].map(([id, quantity]) => ({ id, quantity }));
}

/**
 * A fake checkout, as the host's `onUpgrade` would open: in a real app this is a
 * redirect to the billing provider, with `context.checkoutContext` in the return
 * URL and `kit.resume(token)` on the way back.
 */
export function Checkout({ request, account, onClose, onDone }: { request: CheckoutRequest | null; account: Account; onClose: () => void; onDone: (message: string) => void }) {
  const kit = useUpgradeKit();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (request && !element.open) element.showModal();
    if (!request && element.open) element.close();
  }, [request]);

  const customer = kit.getSnapshot().customer;
  const path = request?.context.upgrade;
  const bought = path && request && path.plan === request.plan ? path.addOns : [];
  const addOns = withAddOns(customer.addOns, bought);
  const plan = kit.config.plans.find((candidate) => candidate.id === request?.plan);
  const delta = request ? mrrOf(kit.config, request.plan, addOns) - mrrOf(kit.config, customer.plan, customer.addOns) : 0;
  const currency = plan?.price.currency ?? 'USD';
  const addOnNames = bought.map((addOn) => kit.config.addOns.find((candidate) => candidate.id === addOn.id)?.name ?? addOn.id);
  const item = request && request.plan === customer.plan && addOnNames.length ? addOnNames.join(', ') : `${plan?.name ?? request?.plan} plan`;

  const confirm = () => {
    if (!request) return;
    kit.recordUpgrade({ toPlan: request.plan, addOns });
    savePlan(account, request.plan, addOns);
    onDone(request.plan === customer.plan ? `Added ${addOnNames.join(', ')}.` : `You're on ${plan?.name ?? request.plan} now. Thanks for upgrading!`);
  };

  return (
    <dialog ref={dialog} className="checkout" aria-labelledby={titleId} onClose={onClose}>
      {request && (
        <form method="dialog" onSubmit={confirm}>
          <p className="eyebrow">Acme Projects billing · test mode</p>
          <h2 id={titleId}>Checkout</h2>
          <dl className="checkout__summary">
            <div>
              <dt>Item</dt>
              <dd>{item}</dd>
            </div>
            {plan && request.plan !== customer.plan && (
              <div>
                <dt>Price</dt>
                <dd>
                  {money(plan.price.amount, currency)} per {plan.price.interval}
                </dd>
              </div>
            )}
            <div>
              <dt>Change to your monthly bill</dt>
              <dd>
                {delta >= 0 ? '+' : '−'}
                {money(Math.abs(delta), currency)}
              </dd>
            </div>
          </dl>
          <p className="muted small">No card is charged in test mode.</p>
          <div className="checkout__actions">
            <button type="button" className="btn" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <button type="submit" className="btn btn--primary">
              Confirm upgrade
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
