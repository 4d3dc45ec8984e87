import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDemo } from '../../examples/saas-demo/demo.mjs';
import { buildWhatTheCliRuns } from '../../packages/cli/src/__tests__/globalSetup.ts';
import { ensureChromium } from '../chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built demo, served on 127.0.0.1 for this run. */
    demoUrl: string;
    /** The demo's `upgradekit serve`: the cockpit at `/`, the API at `/api`. */
    demoCockpitUrl: string;
    demoAdminToken: string;
    chromiumPath: string;
  }
}

/**
 * Runs the demo as `npm run demo` does, on ephemeral ports with a temporary data
 * directory: the store seeded with `upgradekit sample` history, `upgradekit serve`
 * (the CLI as a child process) with the demo's config, and the app built with its
 * HTTP sink pointed at that server. The CLI, the server and the cockpit are built
 * first when their builds are missing or older than their sources.
 */
export default async function setup(project: TestProject) {
  const chromiumPath = ensureChromium('End-to-end tests');
  buildWhatTheCliRuns();
  const work = await mkdtemp(join(tmpdir(), 'upgradekit-demo-'));
  let demo: Awaited<ReturnType<typeof startDemo>> | undefined;
  try {
    demo = await startDemo({ dataDir: join(work, 'data'), outDir: join(work, 'app'), appPort: 0, serverPort: 0, log: () => {} });
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  }
  project.provide('demoUrl', demo.appUrl);
  project.provide('demoCockpitUrl', demo.cockpitUrl);
  project.provide('demoAdminToken', demo.adminToken);
  project.provide('chromiumPath', chromiumPath);
  return async () => {
    await demo.close();
    await rm(work, { recursive: true, force: true });
  };
}
