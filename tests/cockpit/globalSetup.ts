import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startServe, upgradekit } from '../../scripts/upgradekitProcess.mjs';
import { buildWhatTheCliRuns } from '../../packages/cli/src/__tests__/globalSetup.ts';
import { ensureChromium } from '../chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `upgradekit serve`: the built cockpit at `/`, its API at `/api`. */
    cockpitUrl: string;
    adminToken: string;
    chromiumPath: string;
    /** Why the suite could not be set up (a build failed, the sample did not load); its tests fail with it. */
    setupProblem: string | null;
  }
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const ADMIN_TOKEN = 'e2e-admin-token';
const SAMPLE_CONFIG = join(root, 'packages/cli/examples/upgradekit.json');

/** Runs `upgradekit ...args` to the end; rejects with what it printed when it fails. */
async function run(args: string[]): Promise<void> {
  const command = upgradekit(args, { stderr: 'pipe' });
  command.collect();
  const { code, stdout } = await command.exited;
  if (code !== 0) throw new Error(`upgradekit ${args[0]} exited with ${code}: ${stdout}`);
}

/**
 * As a team runs it: four weeks of history for 200 customers from `upgradekit
 * sample`, loaded with `upgradekit import` into an embedded store in a temporary
 * directory, then `upgradekit serve` on an ephemeral port with the sample config,
 * serving the built cockpit. Each is the CLI as a child process.
 */
export default async function setup(project: TestProject) {
  project.provide('chromiumPath', ensureChromium('Cockpit end-to-end tests'));
  const work = await mkdtemp(join(tmpdir(), 'upgradekit-cockpit-e2e-'));
  let serve: Awaited<ReturnType<typeof startServe>> | undefined;
  const cleanUp = async () => {
    await serve?.stop();
    await rm(work, { recursive: true, force: true });
  };
  try {
    buildWhatTheCliRuns();
    const history = join(work, 'history.ndjson');
    const dataDir = join(work, 'data');
    const start = new Date(Date.now() - 28 * 864e5).toISOString().slice(0, 10);
    await run(['sample', '--config', SAMPLE_CONFIG, '--customers', '200', '--days', '28', '--start', start, '--seed', '3', '--out', history]);
    await run(['import', history, '--data-dir', dataDir]);
    serve = await startServe(['--port', '0', '--data-dir', dataDir, '--config', SAMPLE_CONFIG, '--admin-token', ADMIN_TOKEN]);
  } catch (error) {
    // The suite's tests fail with this; the other projects of the run still run.
    project.provide('setupProblem', (error as Error).message);
    return cleanUp;
  }
  project.provide('setupProblem', null);
  project.provide('cockpitUrl', serve.url);
  project.provide('adminToken', ADMIN_TOKEN);
  return cleanUp;
}
