import { defineProject } from 'vitest/config';

// Server render + hydration of the React components, in one jsdom page.
export default defineProject({
  resolve: { alias: { '@upgradekit/core': new URL('../../packages/core/src/index.ts', import.meta.url).pathname } },
  test: { name: 'ssr', environment: 'jsdom', include: ['**/*.test.tsx'], setupFiles: ['./setup.ts'] },
});
