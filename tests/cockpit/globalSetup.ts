import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importEvents, startServer } from '@upgradekit/server/node';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { ensureChromium } from '../chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server, serving the built cockpit at `/` and its API at `/api`. */
    cockpitUrl: string;
    adminToken: string;
    chromiumPath: string;
    /** Why the suite could not be set up (the CLI is not built, the sample did not load); its tests fail with it. */
    setupProblem: string | null;
  }
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const ADMIN_TOKEN = 'e2e-admin-token';
const SAMPLE_CONFIG = join(root, 'packages/cli/examples/upgradekit.json');
const CLI = join(root, 'packages/cli/dist/bin.js');

/** Builds the cockpit as it ships (production React). */
async function buildCockpit(outDir: string) {
  // Vitest sets NODE_ENV=test, and Vite keeps a NODE_ENV it finds: the bundle would carry React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(root, 'packages/cockpit/vite.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/**
 * Builds the cockpit, makes four weeks of history for 200 customers with
 * `upgradekit sample` (the CLI as a child process), and starts the server on an
 * ephemeral port with its embedded store in a temporary directory, serving the
 * cockpit and seeded with that history.
 */
export default async function setup(project: TestProject) {
  project.provide('chromiumPath', ensureChromium('Cockpit end-to-end tests'));
  const work = await mkdtemp(join(tmpdir(), 'upgradekit-cockpit-e2e-'));
  let started: Awaited<ReturnType<typeof startServer>> | undefined;
  const cleanUp = async () => {
    await started?.close();
    await rm(work, { recursive: true, force: true });
  };
  try {
    if (!existsSync(CLI)) throw new Error(`The cockpit's end-to-end suite makes its history with ${CLI}; build it first: npm run build.`);
    const staticDir = join(work, 'cockpit');
    await buildCockpit(staticDir);
    const history = join(work, 'history.ndjson');
    const start = new Date(Date.now() - 28 * 864e5).toISOString().slice(0, 10);
    execFileSync(process.execPath, [CLI, 'sample', '--config', SAMPLE_CONFIG, '--customers', '200', '--days', '28', '--start', start, '--seed', '3', '--out', history], { stdio: 'inherit' });
    started = await startServer({ dataDir: join(work, 'data'), port: 0, adminToken: ADMIN_TOKEN, staticDir, config: JSON.parse(readFileSync(SAMPLE_CONFIG, 'utf8')) });
    const imported = await importEvents(started.store, createReadStream(history));
    if (imported.stored === 0 || imported.rejected > 0) throw new Error(`Seeding the server stored ${imported.stored} events and refused ${imported.rejected}.`);
  } catch (error) {
    // The suite's tests fail with this; the other projects of the run still run.
    project.provide('setupProblem', (error as Error).message);
    return cleanUp;
  }
  project.provide('setupProblem', null);
  project.provide('cockpitUrl', started.url);
  project.provide('adminToken', ADMIN_TOKEN);
  return cleanUp;
}
