import pg from 'pg';
import { createConcurrentReads } from './concurrentReads.js';
import { createSqlStore } from './sqlStore.js';
import type { SqlClient, SqlDatabase, UpgradeKitStore } from './types.js';

export type { UpgradeKitStore } from './types.js';

export interface PostgresStoreOptions {
  /** `postgres://user:password@host:5432/database`. Default: `process.env.DATABASE_URL`. */
  connectionString?: string | undefined;
  /** Your own pool instead (its settings are kept; `schema` and `max` do not apply). Default: one is created. */
  pool?: pg.Pool | undefined;
  /** The schema of UpgradeKit's tables, created if missing. Default: the connection's (usually `public`). */
  schema?: string | undefined;
  /** Connections in the pool. Default: `10`. */
  max?: number | undefined;
  /** Receives errors of idle connections (a restarted database), which would otherwise end the process. Default: `console.warn`. */
  onWarning?: ((message: string) => void) | undefined;
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** The connection string without its password, for people to read. */
export function redact(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgres (connection string not shown)';
  }
}

const client = (runner: pg.Pool | pg.PoolClient): SqlClient => ({
  async query<Row>(sql: string, params?: readonly unknown[]) {
    const result = await runner.query(sql, params ? [...params] : undefined);
    return result.rows as Row[];
  },
});

function createPool(options: PostgresStoreOptions): { pool: pg.Pool; location: string } {
  if (options.pool) return { pool: options.pool, location: 'postgres (a pool you passed)' };
  const connectionString = options.connectionString ?? process.env.DATABASE_URL;
  if (!connectionString) throw new Error('[upgradekit] createPostgresStore needs a connectionString (or DATABASE_URL): postgres://user:password@host:5432/database');
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new Error(`[upgradekit] schema ${JSON.stringify(options.schema)} is not a plain name (letters, digits and _, not starting with a digit)`);
  }
  const search = options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` };
  return { pool: new pg.Pool({ connectionString, max: options.max ?? 10, ...search }), location: redact(connectionString) };
}

/**
 * The production store: PostgreSQL through `pg`, with the same SQL as the embedded
 * store. Migrations run on start, once however many servers start together; the
 * handlers that share one database are stateless, so they scale behind a load balancer.
 */
export async function createPostgresStore(options: PostgresStoreOptions = {}): Promise<UpgradeKitStore> {
  const { pool, location } = createPool(options);
  const warn = options.onWarning ?? ((message: string) => console.warn(message));
  const ownPool = !options.pool;
  pool.on('error', (error) => warn(`[upgradekit] an idle PostgreSQL connection failed (${error.message}); the pool opens a new one`));
  const transaction: SqlDatabase['transaction'] = async (body) => {
    const connection = await pool.connect();
    try {
      await connection.query('BEGIN');
      const result = await body(client(connection));
      await connection.query('COMMIT');
      connection.release();
      return result;
    } catch (error) {
      // A connection whose rollback fails is broken: destroy it rather than return it to the pool.
      await connection.query('ROLLBACK').then(
        () => connection.release(),
        (rollback: Error) => connection.release(rollback),
      );
      throw error;
    }
  };
  const db: SqlDatabase = {
    kind: 'postgres',
    location,
    ...client(pool),
    transaction,
    readSnapshot: createConcurrentReads(pool, client, transaction),
    close: async () => {
      if (ownPool) await pool.end();
    },
  };
  try {
    if (options.schema !== undefined && ownPool) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
    return await createSqlStore(db);
  } catch (error) {
    await db.close();
    throw error;
  }
}
