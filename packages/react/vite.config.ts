import { copyFileSync } from 'node:fs';
import { defineConfig } from 'vite';

// Library build: ESM only; React, core and Floating UI stay external so the app's bundler dedupes them.
export default defineConfig({
  build: {
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: 'index' },
    target: 'es2022',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      external: ['react', 'react-dom', 'react/jsx-runtime', '@upgradekit/core', /^@floating-ui\//],
      // Every export uses hooks or context: the whole bundle is a client module for React Server
      // Components, so one banner replaces the per-file directives (which bundling cannot keep).
      output: { banner: "'use client';" },
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  plugins: [
    {
      name: 'upgradekit:styles',
      writeBundle() {
        copyFileSync('src/styles.css', 'dist/styles.css');
      },
    },
  ],
});
