import { defineProject } from 'vitest/config';
import { sourceAliases } from '../sourceAliases.ts';

// Server render + hydration of the React components, in one jsdom page.
export default defineProject({
  resolve: { alias: sourceAliases },
  test: { name: 'ssr', environment: 'jsdom', include: ['**/*.test.tsx'], setupFiles: ['./setup.ts'] },
});
