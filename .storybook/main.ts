import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { StorybookConfig } from '@storybook/react-vite';
import { mergeConfig } from 'vite';
import { sourceAliases } from '../tests/sourceAliases.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const config: StorybookConfig = {
  // Strict Mode, as most hosts run in development: double renders and effects must not double-count anything.
  framework: { name: '@storybook/react-vite', options: { strictMode: true } },
  stories: ['../packages/react/src/**/*.stories.tsx'],
  // addon-docs: a docs page per component (its purpose, props with defaults, accessibility) and the theme page.
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // TypeScript 7 ships no JS compiler API, which react-docgen-typescript needs; react-docgen parses TSX itself.
  typescript: { reactDocgen: 'react-docgen' },
  viteFinal(vite) {
    return mergeConfig(vite, {
      // Stories run against the packages' source, so nothing has to be built first.
      resolve: { alias: sourceAliases },
      // Pre-bundled up front: a dependency found mid-run makes Vite reload, and a story test then fails to import.
      optimizeDeps: { include: ['zustand/vanilla', 'zod/mini', '@floating-ui/react'] },
      // The preview carries Storybook's runtime and axe; it is never shipped to users.
      build: { chunkSizeWarningLimit: 2000 },
      // The framework does not add the React plugin itself (and the root Vite config is only for tests).
      plugins: [react()],
    });
  },
};

export default config;
