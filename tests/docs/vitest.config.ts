import { defineProject } from 'vitest/config';
import { sourceAliases } from '../sourceAliases.ts';

// The README's and docs' TypeScript examples, type-checked and run as printed (see docs.test.ts).
export default defineProject({
  resolve: { alias: sourceAliases },
  test: { name: 'docs', environment: 'node', include: ['**/*.test.ts'], testTimeout: 60_000 },
});
