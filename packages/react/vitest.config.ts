import { defineProject } from 'vitest/config';
import { sourceAliases } from '../../tests/sourceAliases.ts';

// Component tests in jsdom against core's source, so no build is needed first.
export default defineProject({
  resolve: { alias: sourceAliases },
  test: {
    name: 'react',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/__tests__/setup.ts'],
    // jsdom renders of hundreds of components (200 meters on a page) take seconds under load.
    testTimeout: 20_000,
  },
});
