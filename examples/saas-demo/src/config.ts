import { defineConfig } from '@upgradekit/core';

/**
 * Acme Projects' plans and upgrade moments. A PM tunes this file (or its JSON
 * twin) without touching the components: thresholds, copy, caps and experiments.
 */
export const config = defineConfig({
  features: {
    projects: { type: 'metered', name: 'Projects', unit: 'projects', reset: 'never' },
    apiCalls: { type: 'metered', name: 'API calls', unit: 'API calls', reset: 'month' },
    seats: { type: 'seats', name: 'Seats', unit: 'seats' },
    pdfExport: { type: 'boolean', name: 'PDF export' },
  },
  plans: [
    { id: 'free', name: 'Free', price: { amount: 0, currency: 'USD', interval: 'month' }, grants: { projects: 5, apiCalls: 1000, seats: 2 } },
    {
      id: 'pro',
      name: 'Pro',
      price: { amount: 29, currency: 'USD', interval: 'month' },
      grants: { projects: 20, apiCalls: 10000, seats: 5, pdfExport: true },
    },
    {
      id: 'team',
      name: 'Team',
      price: { amount: 948, currency: 'USD', interval: 'year' },
      grants: { projects: 'unlimited', apiCalls: 100000, seats: 20, pdfExport: true },
    },
  ],
  addOns: [{ id: 'seats5', name: '5 extra seats', price: { amount: 10, currency: 'USD', interval: 'month' }, grants: { seats: 5 }, maxQuantity: 4 }],
  trials: [{ plan: 'team', duration: '14d' }],
  triggers: [
    {
      id: 'projects-near-limit',
      description: 'Four of five projects used: say so before the next one is refused.',
      when: { usage: { feature: 'projects', atLeast: 0.8, below: 1 } },
      prompt: { kind: 'banner', feature: 'projects' },
      snooze: '1d',
      priority: 4,
    },
    {
      id: 'projects-at-limit',
      description: 'Every project is used: the next one needs a bigger plan.',
      when: { usage: { feature: 'projects', atLeast: 1 } },
      prompt: { kind: 'banner', feature: 'projects' },
      snooze: '1d',
      priority: 6,
    },
    {
      id: 'pdf-first-try',
      description: 'The first reach for PDF export: say what it is worth, right on the locked button.',
      when: {
        all: [
          { gateHits: { feature: 'pdfExport', atLeast: 1, within: '1d' } },
          { plan: { in: ['free'] } },
        ],
      },
      prompt: {
        kind: 'tooltip',
        feature: 'pdfExport',
        title: 'PDF export is a Pro feature',
        body: 'Send clients a polished PDF of any project. Pro also gives you 20 projects and 5 seats.',
        cta: 'upgrade',
      },
      priority: 1,
    },
    {
      id: 'pdf-trial-offer',
      description: 'Keeps reaching for PDF export on a busy workspace: let them try Team before asking for money.',
      when: {
        all: [
          { gateHits: { feature: 'pdfExport', atLeast: 3, within: '7d' } },
          { usage: { feature: 'projects', atLeast: 0.7 } },
          { trial: { plan: 'team', state: 'eligible' } },
        ],
      },
      prompt: {
        kind: 'trial',
        plan: 'team',
        title: 'Try Team free for 14 days',
        body: 'PDF export, unlimited projects, 20 seats and 100,000 API calls a month. Nothing changes on your plan unless you upgrade.',
        cta: 'trial',
      },
      maxImpressions: 2,
      priority: 11,
    },
    {
      id: 'power-user-pdf',
      description: 'Keeps reaching for PDF export and already runs most of their projects here.',
      when: {
        all: [
          { gateHits: { feature: 'pdfExport', atLeast: 3, within: '7d' } },
          { usage: { feature: 'projects', atLeast: 0.7 } },
        ],
      },
      prompt: {
        kind: 'modal',
        feature: 'pdfExport',
        title: 'Export to PDF with Pro',
        body: 'Share polished PDF reports with clients and stakeholders. Pro also raises your limit to 20 projects and adds 3 seats.',
        cta: 'upgrade',
      },
      cooldown: '3d',
      priority: 10,
      experiment: { holdout: 0.1 },
    },
    {
      id: 'api-calls-low',
      description: 'A free workspace is close to pausing its integrations.',
      when: {
        all: [
          { usage: { feature: 'apiCalls', atLeast: 0.8 } },
          { plan: { in: ['free'] } },
          // Customers trying Team already have more calls: don't sell them Pro meanwhile.
          { not: { trial: { plan: 'team', state: 'active' } } },
        ],
      },
      prompt: {
        kind: 'banner',
        feature: 'apiCalls',
        // Shown while the limit is near; at the limit the banner says it is reached.
        title: 'Your integrations will pause soon.',
        body: "You've used most of this month's API calls. Pro includes 10,000 a month.",
        cta: 'upgrade',
      },
      snooze: '1d',
      priority: 5,
    },
    {
      id: 'team-trial',
      description: 'Every seat is taken: offer the Team plan as a trial before asking for money.',
      when: {
        all: [
          { usage: { feature: 'seats', atLeast: 1 } },
          { trial: { plan: 'team', state: 'eligible' } },
        ],
      },
      prompt: {
        kind: 'trial',
        plan: 'team',
        title: 'Try Team free for 14 days',
        body: 'Unlimited projects, 20 seats and 100,000 API calls a month. Nothing changes on your plan unless you upgrade.',
        cta: 'trial',
      },
      maxImpressions: 2,
      priority: 8,
    },
    {
      id: 'team-trial-ending',
      description: 'Three days before the Team trial ends: say so, and offer to keep Team.',
      when: { trial: { plan: 'team', state: 'ending', within: '3d' } },
      prompt: { kind: 'trial', plan: 'team', cta: 'upgrade' },
      maxImpressions: 1,
      priority: 12,
    },
    {
      id: 'team-trial-expired',
      description: 'The Team trial is over and they are back on Free: offer what keeps PDF export.',
      when: {
        all: [
          { trial: { plan: 'team', state: 'expired', within: '14d' } },
          { plan: { in: ['free'] } },
        ],
      },
      prompt: {
        kind: 'trial',
        feature: 'pdfExport',
        title: 'Your trial ended — keep PDF export with Pro',
        body: 'Your projects are safe. Pro keeps PDF export, 20 projects and 5 seats for $29 a month.',
        cta: 'upgrade',
      },
      snooze: '3d',
      maxImpressions: 3,
      priority: 12,
    },
  ],
  // One interrupting prompt a day at most: turning down the trial must not bring the upgrade modal straight after.
  policy: { caps: { perDay: 1, perWeek: 3 }, attributionWindow: '7d', snooze: '3d' },
});
