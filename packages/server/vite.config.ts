import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// Library build for Node: ESM, one file per module; dependencies and Node's own modules stay external.
export default defineConfig({
  build: {
    lib: { entry: ['src/index.ts', 'src/store/pglite.ts', 'src/store/postgres.ts', 'src/node/index.ts'], formats: ['es'] },
    target: 'node20',
    minify: false,
    sourcemap: true,
    ssr: true,
    rollupOptions: {
      external: [/^@upgradekit\//, /^@electric-sql\//, /^pg($|\/)/, /^srvx($|\/)/, /^node:/, ...builtinModules],
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
  },
});
