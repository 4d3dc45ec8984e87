import { defineProject } from 'vitest/config';

// examples/nextjs built with `next build`, served by `next start`, and driven in Chromium: see globalSetup.ts.
export default defineProject({
  test: {
    name: 'nextjs',
    environment: 'node',
    include: ['**/*.test.ts'],
    globalSetup: ['./globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
