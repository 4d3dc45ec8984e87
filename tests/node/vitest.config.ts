import { defineProject } from 'vitest/config';

// Node-only suites: the same `check` a server runs for enforcement, with no DOM.
export default defineProject({
  resolve: { alias: { '@upgradekit/core': new URL('../../packages/core/src/index.ts', import.meta.url).pathname } },
  test: { name: 'node', environment: 'node', include: ['**/*.test.ts'] },
});
