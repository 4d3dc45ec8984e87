import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The packages are read from source, so the demo builds from a fresh clone without
// building them first. Exact-match patterns: '@upgradekit/react' must not swallow
// '@upgradekit/react/styles.css'.
export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^@upgradekit\/core$/, replacement: here('../../packages/core/src/index.ts') },
      { find: /^@upgradekit\/react\/styles\.css$/, replacement: here('../../packages/react/src/styles.css') },
      { find: /^@upgradekit\/react$/, replacement: here('../../packages/react/src/index.ts') },
    ],
  },
  build: { outDir: here('dist'), emptyOutDir: true, target: 'es2022' },
});
