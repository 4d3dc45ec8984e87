/*
 * What the documentation's examples take from the host app around them: a web
 * framework, a checkout, the app's own handlers and data. Stand-ins with the shape
 * a reader would have, so the examples run exactly as printed.
 */
import { defineConfig, type ActivePrompt, type CustomerInput, type UpgradeKitEvent } from '@upgradekit/core';

type Handler = (request: { body?: unknown; headers: Record<string, string> }, response: Response) => unknown;
interface Response {
  status(code: number): Response;
  json(body: unknown): Response;
}

/** An Express-like app that records its routes. */
export const app = {
  routes: new Map<string, Handler>(),
  post(path: string, handler: Handler) {
    this.routes.set(`POST ${path}`, handler);
  },
  get(path: string, handler: Handler) {
    this.routes.set(`GET ${path}`, handler);
  },
};

/** The host's checkout: opens Stripe Checkout or the like for `plan`. */
export function openCheckout(plan: string, options: string | { returnTo: string }): void {
  void plan;
  void options;
}

/** The host's own action behind a locked control. */
export function exportPdf(): void {}

/** The signed-in account, from the host's backend. */
export function loadAccount(_request: unknown): CustomerInput {
  return { id: 'acct_42', plan: 'free', usage: { projects: 3 } };
}

/** Events a sink or the collector stored. */
export const events: UpgradeKitEvent[] = [];

/** The host's own config and signed-in customer, for examples that do not show them. */
export const config = defineConfig({
  features: {
    apiCalls: { type: 'metered', name: 'API calls', reset: 'month' },
    pdfExport: { type: 'boolean', name: 'PDF export' },
    sso: { type: 'boolean', name: 'SSO' },
  },
  plans: [
    { id: 'free', price: { amount: 0, currency: 'USD', interval: 'month' }, grants: { apiCalls: 2000 } },
    { id: 'pro', price: { amount: 29, currency: 'USD', interval: 'month' }, grants: { apiCalls: 10000, pdfExport: true } },
    { id: 'team', price: { amount: 79, currency: 'USD', interval: 'month' }, grants: { apiCalls: 'unlimited', pdfExport: true, sso: true } },
  ],
  trials: [{ feature: 'pdfExport', duration: '14d' }],
});
export const customer: CustomerInput = { id: 'acct_42', plan: 'free', usage: { apiCalls: 1234 } };

/** The host's chat widget. */
export function openChat(): void {}

/** The host's own components, which examples put around or beside UpgradeKit's. */
export const App = () => <main>App</main>;
export const SsoSettings = () => <section>SSO settings</section>;
export const MyBanner = ({ prompt }: { prompt: ActivePrompt }) => <div role="status">{prompt.title}</div>;
export const MyProgress = (props: { value: number; label: string; caption: string; tone: string }) => <progress value={props.value} max={100} aria-label={props.label} />;
export const MyAlert = (props: { title: string; onClose: () => void }) => (
  <div role="alert">
    {props.title}
    <button onClick={props.onClose}>Close</button>
  </div>
);
