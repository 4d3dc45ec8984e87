import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineProject } from 'vitest/config';
import { CHROMIUM, CHROMIUM_ARGS } from '../../tests/chromium.ts';
import { sourceAliases } from '../../tests/sourceAliases.ts';

// Screen tests in real Chromium (layout, CodeMirror and axe's colour checks need a real
// browser), against an in-process fake of the server built from its API contract.
export default defineProject({
  plugins: [react()],
  resolve: { alias: sourceAliases },
  optimizeDeps: { include: ['react', 'react-dom/client', 'react/jsx-dev-runtime', 'zustand', 'zod/mini', 'axe-core', '@testing-library/react', '@testing-library/user-event'] },
  test: {
    name: 'cockpit',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/__tests__/setup.ts'],
    testTimeout: 20_000,
    // One module graph for every file: the generated history (the SDK driving 260 customers) is made once, not per file.
    isolate: false,
    // After the unit and component projects: replaying histories in Chromium competes for the
    // machine's cores, and their timed-out-at-5 s property and render tests would feel it.
    sequence: { groupOrder: 1 },
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS } }),
      instances: [{ browser: 'chromium', viewport: { width: 1280, height: 900 } }],
    },
  },
});
