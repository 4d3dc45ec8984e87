import type { SqlDatabase } from './types.js';

/*
 * The schema, as an append-only list of migrations that run on start, in one
 * transaction under an advisory lock, so servers starting together on one
 * PostgreSQL apply each migration once. Never edit a migration that shipped: add one.
 */

/** Any fixed number, the same in every process: the advisory lock that serialises migrations. */
const MIGRATION_LOCK = 7_310_420_511;

export const MIGRATIONS: ReadonlyArray<{ id: number; sql: string }> = [
  {
    id: 1,
    sql: `
      CREATE TABLE upgradekit_events (
        id text PRIMARY KEY,
        app text NOT NULL,
        type text NOT NULL,
        customer_id text NOT NULL,
        at double precision NOT NULL,
        trigger_id text,
        variant text,
        config_version text,
        mrr double precision NOT NULL,
        mrr_delta double precision,
        reason text,
        received_at bigint NOT NULL,
        body jsonb NOT NULL
      );
      CREATE INDEX upgradekit_events_at ON upgradekit_events (at);
      CREATE INDEX upgradekit_events_type_at ON upgradekit_events (type, at);
      CREATE INDEX upgradekit_events_trigger ON upgradekit_events (trigger_id, customer_id, at) WHERE trigger_id IS NOT NULL;

      CREATE TABLE upgradekit_configs (
        seq bigint PRIMARY KEY,
        version text NOT NULL UNIQUE,
        created_at bigint NOT NULL,
        author text NOT NULL,
        note text,
        rollback_of text,
        config text NOT NULL
      );

      CREATE TABLE upgradekit_firings (
        event_id text PRIMARY KEY,
        app text NOT NULL,
        customer_id text NOT NULL,
        trigger_id text NOT NULL,
        route text NOT NULL,
        fired_at double precision NOT NULL,
        body text NOT NULL
      );
      CREATE INDEX upgradekit_firings_key ON upgradekit_firings (app, customer_id, trigger_id, fired_at);

      CREATE TABLE upgradekit_deliveries (
        firing_id text NOT NULL REFERENCES upgradekit_firings (event_id) ON DELETE CASCADE,
        endpoint text NOT NULL,
        state text NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at bigint NOT NULL,
        last_error text,
        created_at bigint NOT NULL,
        settled_at bigint,
        PRIMARY KEY (firing_id, endpoint)
      );
      CREATE INDEX upgradekit_deliveries_due ON upgradekit_deliveries (next_attempt_at) WHERE state = 'pending';
    `,
  },
];

/** Applies the migrations this database has not seen yet. */
export async function migrate(db: SqlDatabase): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.query('CREATE TABLE IF NOT EXISTS upgradekit_migrations (id integer PRIMARY KEY, applied_at bigint NOT NULL)');
    const rows = await tx.query<{ id: number }>('SELECT id FROM upgradekit_migrations');
    const applied = new Set(rows.map((row) => Number(row.id)));
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.id)) continue;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO upgradekit_migrations (id, applied_at) VALUES ($1, $2)', [migration.id, Date.now()]);
    }
  });
}

/** Statements one at a time: the extended protocol that parameters need runs one statement per call. */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*\n/)
    .map((statement) => statement.trim().replace(/;$/, ''))
    .filter(Boolean);
}
