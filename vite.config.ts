import { defineConfig } from 'vitest/config';

// Each package and each cross-package suite under tests/ owns its Vitest project.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'tests/*/vitest.config.ts'],
  },
});
