import { defineConfig, type ConfigInput } from '@upgradekit/core';

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

/**
 * Triggers for the trigger lab and the scenario stories, one of each kind of
 * signal: gate hits, product events, usage and a trial's state. Caps are the
 * defaults, spelled out: one interrupting prompt a day, three a week.
 */
export const labConfig = defineConfig({
  ...storyConfig,
  policy: { caps: { perDay: 1, perWeek: 3 } },
  triggers: [
    {
      id: 'power-user-pdf',
      description: 'Tried PDF export three times in a week while using most project slots.',
      when: { all: [{ gateHits: { feature: 'pdfExport', atLeast: 3, within: '7d' } }, { usage: { feature: 'projects', atLeast: 0.6 } }] },
      prompt: { kind: 'modal', feature: 'pdfExport', title: 'Export to PDF with Pro', body: 'Send polished reports straight from your projects.' },
      cooldown: '3d',
      snooze: '1d',
      priority: 10,
    },
    {
      id: 'growing-team',
      description: 'Invited two people this week with every seat taken: offer Team as a trial before asking for money.',
      when: { all: [{ event: { name: 'member.invited', atLeast: 2, within: '7d' } }, { usage: { feature: 'seats', atLeast: 1 } }, { trial: { plan: 'team', state: 'eligible' } }] },
      prompt: { kind: 'trial', plan: 'team', title: 'Try Team free for 7 days', body: 'Invite up to 20 people and sign in with SSO.' },
      priority: 5,
    },
    {
      id: 'api-pressure',
      description: "80% of the month's API calls used.",
      when: { usage: { feature: 'apiCalls', atLeast: 0.8 } },
      prompt: { kind: 'banner', feature: 'apiCalls', title: 'Your integrations will pause soon.', body: 'Pro includes 10,000 API calls a month.' },
    },
    {
      id: 'pdf-trial-over',
      description: 'The PDF export trial has ended: offer the plan that keeps it.',
      when: { trial: { feature: 'pdfExport', state: 'expired' } },
      prompt: { kind: 'trial', feature: 'pdfExport' },
      priority: 20,
    },
  ],
});

export type LabTriggerId = (typeof labConfig.triggers)[number]['id'];

/** Product events the lab's triggers count. */
export const LAB_EVENTS = ['member.invited'] as const;

/** The lab config with one trigger only, so the prompt on screen is that trigger's; `change` tunes it (a shorter cooldown). */
export function oneTrigger(id: LabTriggerId, change: Partial<NonNullable<ConfigInput['triggers']>[number]> = {}) {
  return { ...labConfig, triggers: labConfig.triggers.filter((trigger) => trigger.id === id).map((trigger) => ({ ...trigger, ...change })) };
}
