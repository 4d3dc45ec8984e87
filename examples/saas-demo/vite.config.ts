import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { sourceAliases } from '../../tests/sourceAliases.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The packages are read from source, so the demo builds from a fresh clone without
// building them first.
export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: {
    alias: sourceAliases,
  },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    target: 'es2022',
    // Two pages: the app, and the checkout it navigates to and back from.
    rolldownOptions: { input: { app: here('index.html'), checkout: here('checkout.html') } },
  },
});
