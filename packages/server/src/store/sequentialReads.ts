import type { SqlClient, SqlDatabase } from './types.js';

/** `readSnapshot` on one connection: the reads one after another in one repeatable-read transaction. */
export function sequentialReads<T extends readonly unknown[]>(
  transaction: SqlDatabase['transaction'],
  setup: readonly string[],
  reads: { [K in keyof T]: (tx: SqlClient) => Promise<T[K]> },
): Promise<T> {
  return transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    for (const statement of setup) await tx.query(statement);
    const results: unknown[] = [];
    for (const read of reads) results.push(await read(tx));
    return results as unknown as T;
  });
}
