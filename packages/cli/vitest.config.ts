import { defineProject } from 'vitest/config';
import { sourceAliases } from '../../tests/sourceAliases.ts';

// The built CLI run as a child process on real files (see globalSetup.ts); core's
// figures the tests compare with come from its source.
export default defineProject({
  resolve: { alias: sourceAliases },
  test: {
    name: 'cli',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/__tests__/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
