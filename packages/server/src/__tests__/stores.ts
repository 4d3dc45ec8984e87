import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { createPgliteStore } from '../store/pglite.js';
import { createPostgresStore } from '../store/postgres.js';
import type { StoreKind, UpgradeKitStore } from '../store/types.js';

/** Both stores: every store suite runs against each. */
export const STORE_KINDS: readonly StoreKind[] = ['pglite', 'postgres'];

/** A fresh PGlite data directory, copied from the template the global setup made. */
export function pgliteDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'upgradekit-pglite-'));
  cpSync(inject('pgliteTemplate'), join(dir, 'data'), { recursive: true });
  return join(dir, 'data');
}

/** The PostgreSQL URL, or a failure that says what to install: the PostgreSQL half never passes without running. */
export function postgresUrl(): string {
  const url = inject('postgresUrl');
  if (!url) throw new Error(inject('postgresUnavailable'));
  return url;
}

/** A schema of its own for each PostgreSQL store, so suites share the server and nothing else. */
export const freshSchema = () => `uk_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl() });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** An empty store of `kind`; `close()` also removes its data. */
export async function openStore(kind: StoreKind): Promise<UpgradeKitStore> {
  if (kind === 'pglite') {
    const dataDir = pgliteDir();
    const store = await createPgliteStore({ dataDir });
    return { ...store, close: async () => (await store.close(), rmSync(join(dataDir, '..'), { recursive: true, force: true })) };
  }
  const schema = freshSchema();
  const store = await createPostgresStore({ connectionString: postgresUrl(), schema, max: 4 });
  return { ...store, close: async () => (await store.close(), await dropSchema(schema)) };
}
