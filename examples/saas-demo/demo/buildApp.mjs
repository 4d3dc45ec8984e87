import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/**
 * Builds the demo app into `outDir` with its HTTP sink pointed at `collector`
 * (`VITE_UPGRADEKIT_COLLECTOR`, read by src/collector.ts), as it ships: a
 * production React build.
 *
 * @param {{ outDir: string, collector: string }} options
 */
export async function buildApp({ outDir, collector }) {
  const saved = { NODE_ENV: process.env.NODE_ENV, VITE_UPGRADEKIT_COLLECTOR: process.env.VITE_UPGRADEKIT_COLLECTOR };
  // Vite keeps a NODE_ENV it finds (Vitest sets "test"), and reads VITE_* from the environment.
  process.env.NODE_ENV = 'production';
  process.env.VITE_UPGRADEKIT_COLLECTOR = collector;
  try {
    await build({
      configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
