import { defineProject } from 'vitest/config';

// Component tests in jsdom against core's source, so no build is needed first.
export default defineProject({
  resolve: { alias: { '@upgradekit/core': new URL('../core/src/index.ts', import.meta.url).pathname } },
  test: { name: 'react', environment: 'jsdom', include: ['src/**/*.test.{ts,tsx}'], setupFiles: ['src/__tests__/setup.ts'] },
});
