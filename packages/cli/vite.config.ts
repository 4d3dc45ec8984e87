import { chmodSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// A Node program, built like the libraries: ESM, one file per source module, and
// every dependency (core, server, cockpit, cli-progress, Node's own modules) left to Node to load.
export default defineConfig({
  build: {
    ssr: true,
    lib: { entry: ['src/bin.ts', 'src/index.ts', 'src/simulate/simulateWorker.ts'], formats: ['es'] },
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      external: [/^node:/, ...builtinModules, /^@upgradekit\/(core|server|cockpit)(\/|$)/, 'cli-progress'],
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
  },
  // The bin runs as `./dist/bin.js` too, not only through npm's link (which sets the mode itself).
  plugins: [{ name: 'upgradekit:executable-bin', writeBundle: () => chmodSync('dist/bin.js', 0o755) }],
});
