import { defineProject } from 'vitest/config';
import { sourceAliases } from '../../tests/sourceAliases.ts';

// The server against real databases: PGlite, and PostgreSQL started (or found) by the global setup.
export default defineProject({
  resolve: { alias: sourceAliases },
  test: {
    name: 'server',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/__tests__/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
