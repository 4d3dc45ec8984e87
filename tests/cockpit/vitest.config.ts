import { defineProject } from 'vitest/config';

// The built cockpit served by a real `@upgradekit/server` seeded with `upgradekit sample`
// history, driven in real Chromium like a product manager would: see globalSetup.ts.
export default defineProject({
  test: {
    name: 'cockpit-e2e',
    environment: 'node',
    include: ['**/*.test.ts'],
    globalSetup: ['./globalSetup.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // Last, alone: a server, its store and Chromium compete with every other suite for the cores.
    sequence: { groupOrder: 2 },
  },
});
