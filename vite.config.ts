import { defineConfig } from 'vitest/config';

// Each package and each cross-package suite under tests/ owns its Vitest project; the stories run as tests in Chromium.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'tests/*/vitest.config.ts', '.storybook/vitest.config.ts'],
  },
});
