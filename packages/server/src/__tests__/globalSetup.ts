import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startPostgres } from '../../../../scripts/postgres.mjs';
import { createPgliteStore } from '../store/pglite.js';
import { buildChild } from './childBuild.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PGlite data directory with the schema in place, to copy: creating one costs seconds, copying it far less. */
    pgliteTemplate: string;
    /** A PostgreSQL server's URL, or '' when none could be had (then `postgresUnavailable` says why). */
    postgresUrl: string;
    postgresUnavailable: string;
    /** The bundled server process of `fixtures/child.ts`. */
    childScript: string;
  }
}

/** Starts what the server's suites need once: a PGlite template and a PostgreSQL. */
export default async function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), 'upgradekit-pglite-template-'));
  const store = await createPgliteStore({ dataDir: join(root, 'data') });
  await store.close();
  project.provide('pgliteTemplate', join(root, 'data'));
  project.provide('childScript', await buildChild());
  let stop = async () => {};
  try {
    const postgres = await startPostgres();
    project.provide('postgresUrl', postgres.url);
    project.provide('postgresUnavailable', '');
    stop = postgres.stop;
  } catch (error) {
    project.provide('postgresUrl', '');
    project.provide('postgresUnavailable', error instanceof Error ? error.message : String(error));
  }
  return async () => {
    await stop();
    rmSync(root, { recursive: true, force: true });
  };
}
