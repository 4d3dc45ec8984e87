import type { ConfigVersion, SqlClient, SqlDatabase, StoredConfig } from './types.js';

/*
 * Config versions: an append-only history whose newest row is live. A rollback is
 * a new row with an old config, so the history says what ran when. Configs are
 * kept as JSON text, so the order of their keys is the author's.
 */

/** Serialises writers of versions on every server sharing the database. */
const CONFIG_LOCK = 7_310_420_512;

interface Row {
  seq: string | number;
  version: string;
  created_at: string | number;
  author: string;
  note: string | null;
  rollback_of: string | null;
  config?: string;
}

const COLUMNS = 'seq, version, created_at, author, note, rollback_of';

const toVersion = (row: Row): ConfigVersion => ({
  version: row.version,
  createdAt: Number(row.created_at),
  author: row.author,
  note: row.note,
  rollbackOf: row.rollback_of,
});

const toStored = (row: Row): StoredConfig => ({ ...toVersion(row), json: row.config!, config: JSON.parse(row.config!) as unknown });

export async function liveConfig(db: SqlClient): Promise<StoredConfig | null> {
  const [row] = await db.query<Row>(`SELECT ${COLUMNS}, config FROM upgradekit_configs ORDER BY seq DESC LIMIT 1`);
  return row ? toStored(row) : null;
}

export async function configVersion(db: SqlClient, version: string): Promise<StoredConfig | null> {
  const [row] = await db.query<Row>(`SELECT ${COLUMNS}, config FROM upgradekit_configs WHERE version = $1`, [version]);
  return row ? toStored(row) : null;
}

export async function configVersions(db: SqlClient): Promise<ConfigVersion[]> {
  const rows = await db.query<Row>(`SELECT ${COLUMNS} FROM upgradekit_configs ORDER BY seq DESC`);
  return rows.map(toVersion);
}

/** Appends a version (`v1`, `v2`, ...) whose config's `version` field is its id, and returns the id. */
export async function putConfig(
  db: SqlDatabase,
  config: Record<string, unknown>,
  meta: { author: string; note: string | null; rollbackOf: string | null; now: number },
): Promise<string> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${CONFIG_LOCK})`);
    const [last] = await tx.query<{ seq: string | number | null }>('SELECT max(seq) AS seq FROM upgradekit_configs');
    const seq = Number(last?.seq ?? 0) + 1;
    const version = `v${seq}`;
    await tx.query('INSERT INTO upgradekit_configs (seq, version, created_at, author, note, rollback_of, config) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      seq,
      version,
      meta.now,
      meta.author,
      meta.note,
      meta.rollbackOf,
      JSON.stringify({ ...config, version }),
    ]);
    return version;
  });
}
