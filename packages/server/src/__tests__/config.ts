import type { ConfigInput } from '@upgradekit/core';

/** The config the server's suites publish: two plans, a routed trigger with a holdout and variants, one without a route. */
export const CONFIG = {
  features: {
    projects: { type: 'metered', reset: 'never' },
    pdfExport: { type: 'boolean', name: 'PDF export' },
  },
  plans: [
    { id: 'free', price: { amount: 0, currency: 'USD', interval: 'month' }, grants: { projects: 3 } },
    { id: 'pro', price: { amount: 29, currency: 'USD', interval: 'month' }, grants: { projects: 20, pdfExport: true } },
    { id: 'team', price: { amount: 79, currency: 'USD', interval: 'month' }, grants: { projects: 'unlimited', pdfExport: true } },
  ],
  triggers: [
    {
      id: 'power-user',
      description: 'Near the project limit and asking for PDF export',
      when: { all: [{ usage: { feature: 'projects', atLeast: 0.6 } }, { gateHits: { feature: 'pdfExport', atLeast: 2, within: '7d' } }] },
      prompt: { kind: 'modal', feature: 'pdfExport', title: 'Export to PDF with Pro' },
      route: 'sales',
      experiment: { holdout: 0.2, variants: [{ id: 'a' }, { id: 'b' }] },
    },
    {
      id: 'near-limit',
      when: { usage: { feature: 'projects', atLeast: 0.9 } },
      prompt: { kind: 'banner', feature: 'projects' },
    },
  ],
  policy: { attributionWindow: '7d' },
} satisfies ConfigInput;
