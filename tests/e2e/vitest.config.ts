import { defineProject } from 'vitest/config';

// The built demo in real Chromium, driven like a customer would: see globalSetup.ts.
export default defineProject({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['**/*.test.ts'],
    globalSetup: ['./globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
