import { defineConfig } from '@upgradekit/core';

/** The entitlement model, shared by the browser (the provider), the server action and the collector. */
export const config = defineConfig({
  features: {
    projects: { type: 'metered', unit: 'projects', reset: 'never' },
    pdfExport: { type: 'boolean', name: 'PDF export' },
  },
  plans: [
    { id: 'free', price: { amount: 0, currency: 'USD', interval: 'month' }, grants: { projects: 3 } },
    { id: 'pro', price: { amount: 29, currency: 'USD', interval: 'month' }, grants: { projects: 20, pdfExport: true } },
  ],
  triggers: [
    {
      id: 'near-project-limit',
      when: { usage: { feature: 'projects', atLeast: 0.9 } },
      prompt: { kind: 'banner', feature: 'projects', title: 'You are about to run out of projects' },
      route: 'self_serve',
    },
  ],
});

/** The write key the browser sends with its events: it names the app, and is no secret. */
export const WRITE_KEY = 'wk_nextjs_example';
