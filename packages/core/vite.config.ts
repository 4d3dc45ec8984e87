import { defineConfig } from 'vite';

// Library build: ESM only; dependencies stay external so the app's bundler dedupes them.
// One output file per source module: with `sideEffects: false`, an app that imports
// `check` loads check and what it imports, never the zod schemas beside it.
// `json-schema` is a separate entry because it needs full zod, which browser code never loads.
export default defineConfig({
  build: {
    lib: { entry: ['src/index.ts', 'src/sinks/index.ts', 'src/conversion/index.ts', 'src/testing.ts', 'src/replay/index.ts', 'src/internal.ts', 'src/config/jsonSchema.ts'], formats: ['es'] },
    target: 'es2022',
    minify: false,
    sourcemap: true,
    rollupOptions: { external: [/^zustand/, /^zod/], output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' } },
  },
});
