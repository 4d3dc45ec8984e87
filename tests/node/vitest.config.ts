import { defineProject } from 'vitest/config';
import { sourceAliases } from '../sourceAliases.ts';

// Node-only suites: the same `check` a server runs for enforcement, with no DOM.
export default defineProject({
  resolve: { alias: sourceAliases },
  test: { name: 'node', environment: 'node', include: ['**/*.test.ts'] },
});
