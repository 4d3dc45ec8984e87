import { PGlite, type Transaction } from '@electric-sql/pglite';
import { join, resolve } from 'node:path';
import { lockDirectory, type DirectoryLock } from './dirLock.js';
import { sequentialReads } from './sequentialReads.js';
import { createSqlStore } from './sqlStore.js';
import type { SqlClient, SqlDatabase, UpgradeKitStore } from './types.js';

export { DirectoryLockedError } from './dirLock.js';
export type { UpgradeKitStore } from './types.js';

export interface PgliteStoreOptions {
  /**
   * The data directory (created if missing): PostgreSQL's files go in `pglite/`
   * inside it, beside the lock that keeps a second process out. Default: none, the
   * data lives in memory and is gone when the process ends (tests, demos).
   */
  dataDir?: string | undefined;
}

const client = (db: PGlite | Transaction): SqlClient => ({
  async query<Row>(sql: string, params?: readonly unknown[]) {
    const result = await db.query<Row>(sql, params ? [...params] : undefined);
    return result.rows;
  },
});

/**
 * The embedded store: PostgreSQL compiled to WebAssembly (PGlite), in one data
 * directory, with nothing to install. One process at a time: a second opener of
 * the directory gets a `DirectoryLockedError` naming the first. The first open of
 * a new directory creates the database (a few seconds); later opens take well under one.
 */
export async function createPgliteStore(options: PgliteStoreOptions = {}): Promise<UpgradeKitStore> {
  // The comment keeps bundlers that trace file access (Next.js) from shipping the whole project for this path.
  const dataDir = options.dataDir === undefined ? undefined : resolve(/* turbopackIgnore: true */ options.dataDir);
  const lock: DirectoryLock | null = dataDir === undefined ? null : lockDirectory(dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir === undefined ? {} : { dataDir: join(dataDir, 'pglite') });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db: SqlDatabase = {
    kind: 'pglite',
    location: dataDir ?? 'memory (nothing is kept when the process ends)',
    ...client(pglite),
    transaction: (body) => pglite.transaction((tx) => body(client(tx))),
    readSnapshot: (setup, reads) => sequentialReads(db.transaction, setup, reads),
    async close() {
      try {
        if (!pglite.closed) await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
  try {
    return await createSqlStore(db);
  } catch (error) {
    await db.close();
    throw error;
  }
}
