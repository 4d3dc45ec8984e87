import type pg from 'pg';
import { sequentialReads } from './sequentialReads.js';
import type { SqlClient, SqlDatabase } from './types.js';

/*
 * `readSnapshot` on PostgreSQL: each read on a connection of its own, at the same
 * time, all in repeatable-read transactions on the snapshot the first one exports
 * (`pg_export_snapshot`), so together they see exactly what one transaction would.
 *
 * A report holding one connection while it waits for another could wait forever if
 * every connection of the pool were held that way; so the connections of one call
 * are taken together, one call at a time (`turn`): whoever waits for a connection
 * then holds at most one, and the others finish and give theirs back. A pool of
 * fewer connections than reads runs them one after another.
 */

const BEGIN = 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY';
const SNAPSHOT_ID = /^[0-9A-F-]+$/i;

export function createConcurrentReads(pool: pg.Pool, client: (connection: pg.PoolClient) => SqlClient, transaction: SqlDatabase['transaction']): SqlDatabase['readSnapshot'] {
  let turn: Promise<unknown> = Promise.resolve();
  const connectAll = (count: number): Promise<pg.PoolClient[]> => {
    const connections = turn.then(async () => {
      const taken: pg.PoolClient[] = [];
      try {
        for (let index = 0; index < count; index++) taken.push(await pool.connect());
      } catch (error) {
        for (const connection of taken) connection.release();
        throw error;
      }
      return taken;
    });
    turn = connections.catch(() => undefined);
    return connections;
  };

  return async function readSnapshot<T extends readonly unknown[]>(setup: readonly string[], reads: { [K in keyof T]: (tx: SqlClient) => Promise<T[K]> }): Promise<T> {
    if (reads.length < 2 || (pool.options.max ?? 10) < reads.length) return sequentialReads<T>(transaction, setup, reads);
    const connections = await connectAll(reads.length);
    const [first, ...others] = connections as [pg.PoolClient, ...pg.PoolClient[]];
    let broken: Error | undefined;
    try {
      await first.query(BEGIN);
      const [{ snapshot }] = (await first.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot')).rows as [{ snapshot: string }];
      if (!SNAPSHOT_ID.test(snapshot)) throw new Error(`[upgradekit] unexpected snapshot id ${JSON.stringify(snapshot)}`);
      await Promise.all(others.map(async (connection) => (await connection.query(BEGIN), await connection.query(`SET TRANSACTION SNAPSHOT '${snapshot}'`))));
      const results = await Promise.all(
        connections.map(async (connection, index) => {
          for (const statement of setup) await connection.query(statement);
          return reads[index]!(client(connection));
        }),
      );
      await Promise.all(connections.map((connection) => connection.query('COMMIT')));
      return results as unknown as T;
    } catch (error) {
      // A connection whose rollback fails is broken: destroy it rather than return it to the pool.
      await Promise.all(connections.map((connection) => connection.query('ROLLBACK').catch((rollback: Error) => void (broken = rollback))));
      throw error;
    } finally {
      for (const connection of connections) connection.release(broken);
    }
  };
}
