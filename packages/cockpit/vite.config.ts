import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { sourceAliases } from '../../tests/sourceAliases.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Static files for the server's Node adapter to serve at `/`. The core is read from
// source; only its JSON Schema comes from its build (`npm run build` builds the core first).
// The entry is `assets/cockpit-*.js`, so the size budget can name what loads first.
export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  resolve: { alias: sourceAliases },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: { output: { entryFileNames: 'assets/cockpit-[hash].js', chunkFileNames: 'assets/[name]-[hash].js' } },
  },
});
