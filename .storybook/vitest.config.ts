import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineProject } from 'vitest/config';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/chromium.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Every story is a test in real Chromium: it renders, its play function runs, then axe checks the
// page, and `a11y.test = 'error'` (preview.tsx) makes a violation fail the test.
export default defineProject({
  plugins: [storybookTest({ configDir: here('.') })],
  test: {
    name: 'storybook',
    globalSetup: [here('globalSetup.ts')],
    setupFiles: [here('vitest.setup.ts')],
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS } }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
