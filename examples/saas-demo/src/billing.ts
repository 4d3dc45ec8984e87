/*
 * A stand-in for a hosted checkout (Stripe Checkout, Paddle, ...): the app creates
 * a session with what is bought and where to return, the browser navigates to the
 * checkout page (checkout.html, a page of its own), and the provider sends it back
 * to the success URL once paid. The success URL carries UpgradeKit's
 * `checkoutContext()` token, as a real return URL would, so the app can `resume()`
 * the attribution. Sessions live in localStorage where a provider keeps them on its servers.
 */

export interface CheckoutSession {
  id: string;
  plan: string;
  /** Add-ons bought on top of what the account owns. */
  addOns: Array<{ id: string; quantity: number }>;
  status: 'open' | 'paid' | 'fulfilled';
  /** Where to go once paid: the app, with `?checkout=<id>&upgradekit=<token>`. */
  successUrl: string;
  cancelUrl: string;
}

const key = (id: string) => `acme:checkout:${id}`;

function save(session: CheckoutSession): void {
  try {
    localStorage.setItem(key(session.id), JSON.stringify(session));
  } catch {
    // A full storage loses the session: the checkout page then says it is gone.
  }
}

export function readSession(id: string | null): CheckoutSession | null {
  if (!id) return null;
  try {
    const session = JSON.parse(localStorage.getItem(key(id)) ?? 'null') as CheckoutSession | null;
    return session && typeof session.plan === 'string' && Array.isArray(session.addOns) ? session : null;
  } catch {
    return null;
  }
}

/** Creates a session and returns the checkout page's URL for it. `token` is `context.checkoutContext`. */
export function createCheckout(order: Pick<CheckoutSession, 'plan' | 'addOns'>, token: string, app: URL): string {
  const id = `cs_${Math.random().toString(36).slice(2, 12)}`;
  const back = (query: string) => `${app.pathname}?${query}${app.hash}`;
  save({ ...order, id, status: 'open', successUrl: back(`checkout=${id}&upgradekit=${encodeURIComponent(token)}`), cancelUrl: back(`checkout=${id}&cancelled=1`) });
  return new URL(`checkout.html?session=${id}`, app).href;
}

/** The provider took the money: the session is paid, and the browser goes back to the app. */
export function pay(session: CheckoutSession): string {
  save({ ...session, status: 'paid' });
  return session.successUrl;
}

/** The app applied a paid session; a reload of the return URL must not apply it twice. */
export function markFulfilled(session: CheckoutSession): void {
  save({ ...session, status: 'fulfilled' });
}
