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

interface CountedRow {
  type: string;
  id: string;
  at: number;
  customer_id: string;
  mrr: number;
  trigger_id: string | null;
  variant: string | null;
  config_version: string | null;
  mrr_delta: number | null;
  reason: string | null;
}

/**
 * An `upgrade.completed` keeps its trigger only when the customer saw or clicked
 * that trigger's prompt within the attribution window before it: the server's
 * re-check of what a client claimed.
 */
const CREDITED = `
  NOT EXISTS (
    SELECT 1 FROM upgradekit_events t
    WHERE t.trigger_id = e.trigger_id AND t.customer_id = e.customer_id AND t.app = e.app
      AND t.type IN ('prompt.shown', 'prompt.clicked') AND t.at <= e.at AND t.at >= e.at - $1
  )`;

function toEvent(row: CountedRow, credited: boolean): UpgradeKitEvent {
  const event: Record<string, unknown> = { type: row.type, id: row.id, at: row.at, customerId: row.customer_id, mrr: row.mrr };
  if (row.trigger_id !== null && credited) event.triggerId = row.trigger_id;
  if (row.variant !== null && credited) event.variant = row.variant;
  if (row.config_version !== null) event.configVersion = row.config_version;
  if (row.mrr_delta !== null) event.mrrDelta = row.mrr_delta;
  if (row.reason !== null) event.reason = row.reason;
  return event as unknown as UpgradeKitEvent;
}

async function counted(tx: SqlClient, scope: EventScope, attributionWindowMs: number): Promise<UpgradeKitEvent[]> {
  const params: unknown[] = [attributionWindowMs, COUNTED_TYPES];
  const rows = await tx.query<CountedRow & { uncredited: boolean }>(
    `SELECT e.type, e.id, e.at, e.customer_id, e.mrr, e.trigger_id, e.variant, e.config_version, e.mrr_delta, e.reason,
       (e.type = 'upgrade.completed' AND e.trigger_id IS NOT NULL AND ${CREDITED}) AS uncredited
     FROM upgradekit_events e
     WHERE e.type = ANY($2::text[]) AND ${scopeSql(scope, params, 'e.')}
     ORDER BY e.at, e.id COLLATE "C"`,
    params,
  );
  return rows.map((row) => toEvent(row, !row.uncredited));
}

async function firsts(tx: SqlClient, scope: EventScope, byConfigVersion: boolean): Promise<ReportRows['firsts']> {
  const params: unknown[] = [];
  const key = byConfigVersion ? 'config_version, customer_id' : 'customer_id';
  const rows = await tx.query<{ id: string; at: number; customer_id: string; mrr: number; config_version: string | null }>(
    `SELECT id, at, customer_id, mrr, config_version FROM (
       SELECT DISTINCT ON (${key}) id, at, customer_id, mrr, config_version
       FROM upgradekit_events WHERE ${scopeSql(scope, params)} ORDER BY ${key}, at, id COLLATE "C"
     ) AS first ORDER BY at, id COLLATE "C"`,
    params,
  );
  return rows.map((row) => ({ id: row.id, at: row.at, customerId: row.customer_id, mrr: row.mrr, ...(row.config_version !== null && { configVersion: row.config_version }) }));
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
