import type { UpgradeKitEvent } from '@upgradekit/core';
import type { EventScope, PromptWeekRows, ReportRows, SqlClient, SqlDatabase } from './types.js';

/*
 * What the report reads, fetched in one snapshot. The database counts every event
 * and finds each customer's first one; only the events that move a figure (a few
 * in ten, in a typical stream) travel to the server, with the columns the report
 * reads. Rows come sorted by time then id (byte order, as JavaScript compares
 * ASCII ids), so the report's sums run in the order `buildReport` would run them.
 */

/** Event types that change a figure of the report (the others count as events and customers only). */
export const COUNTED_TYPES = ['trigger.fired', 'prompt.held_out', 'prompt.shown', 'prompt.clicked', 'prompt.dismissed', 'trial.started', 'upgrade.completed'];

/** `at >= $n AND at < $m AND app = $k` for the scope, with its parameters appended to `params`. */
export function scopeSql(scope: EventScope, params: unknown[], alias = ''): string {
  const parts = ['TRUE'];
  if (scope.from !== null) parts.push(`${alias}at >= $${params.push(scope.from)}`);
  if (scope.to !== null) parts.push(`${alias}at < $${params.push(scope.to)}`);
  if (scope.app !== null) parts.push(`${alias}app = $${params.push(scope.app)}`);
  return parts.join(' AND ');
}

/** The columns of a counted event, in the order of the JSON arrays the database sends. */
type CountedRow = [type: string, id: string, at: number, customerId: string, mrr: number, triggerId: string | null, variant: string | null, configVersion: string | null, mrrDelta: number | null, reason: string | null, uncredited: boolean];

/**
 * An `upgrade.completed` keeps its trigger only when the customer saw or clicked
 * that trigger's prompt within the attribution window before it: the server's
 * re-check of what a client claimed.
 */
const UNCREDITED = `
  e.type = 'upgrade.completed' AND e.trigger_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM upgradekit_events t
    WHERE t.trigger_id = e.trigger_id AND t.customer_id = e.customer_id AND t.app = e.app
      AND t.type IN ('prompt.shown', 'prompt.clicked') AND t.at <= e.at AND t.at >= e.at - $1
  )`;

function toEvent([type, id, at, customerId, mrr, triggerId, variant, configVersion, mrrDelta, reason, uncredited]: CountedRow): UpgradeKitEvent {
  const event: Record<string, unknown> = { type, id, at, customerId, mrr };
  if (triggerId !== null && !uncredited) event.triggerId = triggerId;
  if (variant !== null && !uncredited) event.variant = variant;
  if (configVersion !== null) event.configVersion = configVersion;
  if (mrrDelta !== null) event.mrrDelta = mrrDelta;
  if (reason !== null) event.reason = reason;
  return event as unknown as UpgradeKitEvent;
}

/*
 * Rows leave the database as one JSON array of arrays: a few hundred thousand rows
 * cost the drivers far more as rows (an object and a parse per field) than as one
 * text that JSON.parse reads at memory speed.
 */
async function counted(tx: SqlClient, scope: EventScope, attributionWindowMs: number): Promise<UpgradeKitEvent[]> {
  const params: unknown[] = [attributionWindowMs, COUNTED_TYPES];
  const [row] = await tx.query<{ rows: string | null }>(
    `SELECT json_agg(json_build_array(e.type, e.id, e.at, e.customer_id, e.mrr, e.trigger_id, e.variant, e.config_version, e.mrr_delta, e.reason, ${UNCREDITED})
       ORDER BY e.at, e.id COLLATE "C")::text AS rows
     FROM upgradekit_events e
     WHERE e.type = ANY($2::text[]) AND ${scopeSql(scope, params, 'e.')}`,
    params,
  );
  return row?.rows ? (JSON.parse(row.rows) as CountedRow[]).map(toEvent) : [];
}

/**
 * Each customer's first event (per config version, with `byConfigVersion`): the
 * earliest time by a hash aggregate, then the event at that time with the lowest
 * id, which spares sorting every event by customer.
 */
async function firsts(tx: SqlClient, scope: EventScope, byConfigVersion: boolean): Promise<ReportRows['firsts']> {
  const params: unknown[] = [];
  const where = scopeSql(scope, params, 'e.');
  const version = byConfigVersion ? 'e.config_version' : 'NULL::text';
  const [row] = await tx.query<{ rows: string | null }>(
    `WITH earliest AS (
       SELECT e.customer_id, ${version} AS version, min(e.at) AS at FROM upgradekit_events e WHERE ${where} GROUP BY 1, 2
     ), first AS (
       SELECT DISTINCT ON (e.customer_id, m.version) e.id, e.at, e.customer_id, e.mrr, e.config_version
       FROM upgradekit_events e JOIN earliest m ON e.customer_id = m.customer_id AND e.at = m.at AND ${version} IS NOT DISTINCT FROM m.version
       WHERE ${where} ORDER BY e.customer_id, m.version, e.id COLLATE "C"
     )
     SELECT json_agg(json_build_array(id, at, customer_id, mrr, config_version) ORDER BY at, id COLLATE "C")::text AS rows FROM first`,
    params,
  );
  const rows = row?.rows ? (JSON.parse(row.rows) as Array<[string, number, string, number, string | null]>) : [];
  return rows.map(([id, at, customerId, mrr, configVersion]) => ({ id, at, customerId, mrr, ...(configVersion !== null && { configVersion }) }));
}

async function counts(tx: SqlClient, scope: EventScope): Promise<ReportRows['counts']> {
  const params: unknown[] = [];
  const rows = await tx.query<{ config_version: string | null; events: string | number; first_at: number; last_at: number }>(
    `SELECT config_version, count(*) AS events, min(at) AS first_at, max(at) AS last_at
     FROM upgradekit_events WHERE ${scopeSql(scope, params)} GROUP BY config_version`,
    params,
  );
  return rows.map((row) => ({ configVersion: row.config_version, events: Number(row.events), firstAt: row.first_at, lastAt: row.last_at }));
}

/** Everything the report reads of the scope, in one consistent snapshot. */
export async function reportRows(db: SqlDatabase, scope: EventScope, options: { byConfigVersion: boolean; attributionWindowMs: number }): Promise<ReportRows> {
  return db.transaction(async (tx) => {
    // One snapshot for the three reads, and room to sort in memory rather than on disk.
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await tx.query("SET LOCAL work_mem = '64MB'");
    return {
      counts: await counts(tx, scope),
      firsts: await firsts(tx, scope, options.byConfigVersion),
      counted: await counted(tx, scope, options.attributionWindowMs),
    };
  });
}

/** Histograms of prompts shown per customer-week, weeks counted from `weekOrigin` (see `report/promptsPerWeek.ts`). */
export async function promptWeeks(db: SqlDatabase, scope: EventScope, weekOrigin: number, weekMs: number): Promise<PromptWeekRows> {
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const params: unknown[] = [weekOrigin, weekMs];
    const where = scopeSql(scope, params);
    const week = 'floor((at - $1) / $2)';
    const [active] = await tx.query<{ n: string | number }>(`SELECT count(*) AS n FROM (SELECT DISTINCT customer_id, ${week} FROM upgradekit_events WHERE ${where}) AS weeks`, params);
    const shown = `SELECT trigger_id, customer_id, ${week} AS week, count(*) AS shown FROM upgradekit_events WHERE type = 'prompt.shown' AND ${where} GROUP BY 1, 2, 3`;
    const triggers = await tx.query<{ trigger_id: string; shown: string | number; weeks: string | number }>(
      `SELECT trigger_id, shown, count(*) AS weeks FROM (${shown}) AS s GROUP BY 1, 2`,
      params,
    );
    const total = await tx.query<{ shown: string | number; weeks: string | number }>(
      `SELECT shown, count(*) AS weeks FROM (SELECT customer_id, week, sum(shown) AS shown FROM (${shown}) AS s GROUP BY 1, 2) AS t GROUP BY 1`,
      params,
    );
    return {
      activeWeeks: Number(active?.n ?? 0),
      total: total.map((row) => ({ shown: Number(row.shown), weeks: Number(row.weeks) })),
      triggers: triggers.map((row) => ({ triggerId: row.trigger_id, shown: Number(row.shown), weeks: Number(row.weeks) })),
    };
  });
}

export async function eventSpan(db: SqlClient, scope: EventScope): Promise<{ first: number; last: number } | null> {
  const params: unknown[] = [];
  const [row] = await db.query<{ first: number | null; last: number | null }>(`SELECT min(at) AS first, max(at) AS last FROM upgradekit_events WHERE ${scopeSql(scope, params)}`, params);
  return row && row.first !== null && row.last !== null ? { first: row.first, last: row.last } : null;
}
