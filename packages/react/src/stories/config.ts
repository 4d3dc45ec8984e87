import { defineConfig } from '@upgradekit/core';

/*
 * The entitlement model the stories render: three plans, an add-on, two trials,
 * and (in `promptConfig`) triggers. Dates are fixed so every screenshot matches.
 */

/** Nov 20, 2026, noon UTC: monthly usage resets Dec 1, and every date on screen stays the same. */
export const NOW = Date.UTC(2026, 10, 20, 12);
export const DAY = 864e5;

export const storyConfig = defineConfig({
  features: {
    apiCalls: { type: 'metered', name: 'API calls', unit: 'API calls', reset: 'month' },
    projects: { type: 'metered', name: 'Projects', unit: 'projects', reset: 'never' },
    seats: { type: 'seats', name: 'Seats', unit: 'seats' },
    pdfExport: { type: 'boolean', name: 'PDF export' },
    sso: { type: 'boolean', name: 'SSO' },
  },
  plans: [
    { id: 'free', name: 'Free', price: { amount: 0, currency: 'USD', interval: 'month' }, grants: { apiCalls: 2000, projects: 3, seats: 2 } },
    {
      id: 'pro',
      name: 'Pro',
      price: { amount: 29, currency: 'USD', interval: 'month' },
      grants: { apiCalls: 10000, projects: 20, seats: 5, pdfExport: true },
    },
    {
      id: 'team',
      name: 'Team',
      price: { amount: 79, currency: 'USD', interval: 'month' },
      grants: { apiCalls: 'unlimited', projects: 'unlimited', seats: 20, pdfExport: true, sso: true },
    },
  ],
  addOns: [
    { id: 'seats5', name: '5 extra seats', price: { amount: 10, currency: 'USD', interval: 'month' }, grants: { seats: 5 }, plans: ['pro'], maxQuantity: 4 },
  ],
  trials: [
    { feature: 'pdfExport', duration: '14d' },
    { plan: 'team', duration: '7d' },
  ],
});

/**
 * The same model with triggers, for stories that show what the arbiter decides
 * (PromptOutlet, prompt-driven banners and popovers). Each trigger fires from
 * the story's args, so the prompt is on screen when the story opens.
 */
export const promptConfig = defineConfig({
  ...storyConfig,
  triggers: [
    {
      id: 'projects-full',
      description: 'Every project slot is taken.',
      when: { usage: { feature: 'projects', atLeast: 1 } },
      prompt: {
        kind: 'modal',
        placement: 'projects',
        feature: 'projects',
        title: "You've used all your projects",
        body: 'Pro raises your limit to 20 projects and adds PDF export.',
      },
      priority: 10,
    },
    {
      id: 'team-trial',
      description: 'Every seat is taken: offer Team as a trial before asking for money.',
      when: { all: [{ usage: { feature: 'seats', atLeast: 1 } }, { trial: { plan: 'team', state: 'eligible' } }] },
      prompt: {
        kind: 'trial',
        placement: 'members',
        plan: 'team',
        title: 'Try Team free for 7 days',
        body: 'Invite up to 20 people and sign in with SSO. Nothing changes on your plan unless you upgrade.',
      },
      priority: 5,
    },
    {
      id: 'api-banner',
      description: 'A free workspace is close to pausing its integrations.',
      when: { usage: { feature: 'apiCalls', atLeast: 0.8 } },
      prompt: {
        kind: 'banner',
        placement: 'billing',
        feature: 'apiCalls',
        title: 'Your integrations will pause soon.',
        body: 'Pro includes 10,000 API calls a month.',
      },
    },
    {
      id: 'pdf-tooltip',
      when: { plan: { in: ['free'] } },
      prompt: { kind: 'tooltip', feature: 'pdfExport', title: 'Send polished PDF reports', body: 'PDF export is part of Pro.', ctaLabel: 'See Pro' },
    },
  ],
});
