import { defineConfig } from '../config/normalize.js';

/** A small SaaS model used across tests: free → pro → team, seat and API add-ons. */
export const saasConfig = defineConfig({
  features: {
    projects: { type: 'metered', unit: 'projects', reset: 'never' },
    apiCalls: { type: 'metered', name: 'API calls', unit: 'API calls', reset: 'month' },
    exports: { type: 'metered', unit: 'exports', reset: 'day' },
    seats: { type: 'seats', unit: 'seats' },
    pdfExport: { type: 'boolean', name: 'PDF export' },
    sso: { type: 'boolean', name: 'SSO', failMode: 'open' },
  },
  plans: [
    { id: 'free', price: { amount: 0, currency: 'USD', interval: 'month' }, grants: { projects: 3, apiCalls: 1000, exports: 5, seats: 2 } },
    {
      id: 'pro',
      price: { amount: 29, currency: 'USD', interval: 'month' },
      grants: { projects: 20, apiCalls: 10000, exports: 50, seats: 5, pdfExport: true },
    },
    {
      id: 'team',
      price: { amount: 948, currency: 'USD', interval: 'year' },
      grants: { projects: 'unlimited', apiCalls: 100000, exports: 'unlimited', seats: 20, pdfExport: true, sso: true },
    },
  ],
  addOns: [
    { id: 'seats5', price: { amount: 10, currency: 'USD', interval: 'month' }, grants: { seats: 5 }, plans: ['pro', 'team'], maxQuantity: 4 },
    { id: 'api10k', price: { amount: 15, currency: 'USD', interval: 'month' }, grants: { apiCalls: 10000 }, maxQuantity: 3 },
  ],
  trials: [
    { feature: 'pdfExport', duration: '14d' },
    { plan: 'team', duration: '7d', maxPerCustomer: 1 },
  ],
  triggers: [
    {
      id: 'power-user-pdf',
      when: {
        all: [
          { gateHits: { feature: 'pdfExport', atLeast: 3, within: '7d' } },
          { usage: { feature: 'projects', atLeast: 0.7 } },
        ],
      },
      prompt: { kind: 'modal', title: 'Export to PDF with Pro', cta: 'upgrade', feature: 'pdfExport' },
      cooldown: '3d',
      priority: 10,
      experiment: { holdout: 0.1 },
    },
  ],
});
