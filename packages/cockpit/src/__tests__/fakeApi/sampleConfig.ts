/**
 * The config the fake server starts with: four triggers that read differently in
 * the report once the generated history has run through them. `power-user-pdf`
 * moves customers to upgrade (a lift), `projects-near-limit` does not (a prune
 * candidate), `team-growing` holds no one out, and `free-seats-full` fires for
 * too few customers to measure.
 */
export const sampleConfig = {
  version: 'v1',
  features: {
    projects: { type: 'metered', name: 'Projects', unit: 'projects', reset: 'never' },
    seats: { type: 'seats', name: 'Seats', unit: 'seats' },
    pdfExport: { type: 'boolean', name: 'PDF export' },
  },
  plans: [
    { id: 'free', name: 'Free', price: { amount: 0, currency: 'USD', interval: 'month' }, grants: { projects: 5, seats: 2 } },
    { id: 'pro', name: 'Pro', price: { amount: 29, currency: 'USD', interval: 'month' }, grants: { projects: 20, seats: 5, pdfExport: true } },
    { id: 'team', name: 'Team', price: { amount: 99, currency: 'USD', interval: 'month' }, grants: { projects: 'unlimited', seats: 20, pdfExport: true } },
  ],
  triggers: [
    {
      id: 'power-user-pdf',
      when: { all: [{ gateHits: { feature: 'pdfExport', atLeast: 2, within: '7d' } }, { usage: { feature: 'projects', atLeast: 0.2 } }] },
      prompt: { kind: 'modal', feature: 'pdfExport', title: 'Export to PDF with Pro', cta: 'upgrade' },
      priority: 10,
      cooldown: '3d',
      experiment: { holdout: 0.5, variants: [{ id: 'control' }, { id: 'short-copy', prompt: { title: 'PDF export is Pro' } }] },
    },
    {
      id: 'projects-near-limit',
      when: { usage: { feature: 'projects', atLeast: 0.6 } },
      prompt: { kind: 'banner', placement: 'projects', feature: 'projects', title: "You're close to your project limit", cta: 'upgrade' },
      priority: 5,
      maxImpressions: 1,
      experiment: { holdout: 0.5 },
    },
    {
      id: 'team-growing',
      when: { usage: { feature: 'seats', atLeast: 1 } },
      prompt: { kind: 'banner', placement: 'settings', feature: 'seats', title: 'Your team is growing', cta: 'upgrade' },
      priority: 3,
      cooldown: '7d',
    },
    {
      id: 'free-seats-full',
      when: { all: [{ plan: { in: ['free'] } }, { usage: { feature: 'seats', atLeast: 1 } }] },
      prompt: { kind: 'banner', placement: 'settings', feature: 'seats', title: 'Invite more people with Pro', cta: 'upgrade' },
      priority: 2,
      cooldown: '7d',
      experiment: { holdout: 0.2 },
    },
  ],
  policy: { attributionWindow: '7d', caps: { perDay: 2, perWeek: 6 } },
};
