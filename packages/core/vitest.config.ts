import { defineProject } from 'vitest/config';

export default defineProject({
  // The property and fault suites run thousands of generated cases; on a busy 2-core CI
  // machine one can take well over Vitest's 5 s default without anything being wrong.
  test: { name: 'core', environment: 'node', include: ['src/**/*.test.ts'], testTimeout: 30_000 },
});
