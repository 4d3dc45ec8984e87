import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { startServer } from '../../examples/saas-demo/serve.mjs';
import { ensureChromium } from '../chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built demo, served on 127.0.0.1 for this run. */
    demoUrl: string;
    chromiumPath: string;
  }
}

/** Builds the demo into a temporary directory and serves it on an ephemeral port for the whole run. */
export default async function setup(project: TestProject) {
  const chromiumPath = ensureChromium('End-to-end tests');
  const outDir = await mkdtemp(join(tmpdir(), 'upgradekit-demo-'));
  // Vitest sets NODE_ENV=test, and Vite keeps a NODE_ENV it finds: without this, the
  // bundle would carry React's development build instead of what `npm run demo` serves.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: fileURLToPath(new URL('../../examples/saas-demo/vite.config.ts', import.meta.url)),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const server = await startServer({ root: outDir, port: 0 });
  project.provide('demoUrl', server.url);
  project.provide('chromiumPath', chromiumPath);
  return async () => {
    await server.close();
    await rm(outDir, { recursive: true, force: true });
  };
}
