import { planCounted, readSlices, touchesBefore } from './countedSql.js';
import { scopeSql } from './scopeSql.js';
import type { CountedEvent, EventScope, Firings, PromptWeekRows, ReportSink, ReportSummary, SqlClient, SqlDatabase } from './types.js';

/*
 * What the report reads, fetched in one snapshot. The database counts every event
 * and finds each customer's first one; only the events that move a figure travel
 * to the server (`countedSql.ts`), with the columns the report reads.
 */

type Summary = Pick<ReportSummary, 'counts' | 'firsts'>;

/**
 * The events per config version (one count of them all, without `byConfigVersion`)
 * and each customer's first event (per config version, with it), from one pass over
 * the scope: a hash aggregate by customer (and version) gives the counts and each
 * customer's earliest time, and the event at that time with the lowest id is
 * looked up by the index on `at` (a `LATERAL ... LIMIT 1`, so it stays a lookup per
 * customer, never a join of the whole table).
 */
async function summary(tx: SqlClient, scope: EventScope, byConfigVersion: boolean): Promise<Summary> {
  const params: unknown[] = [];
  const where = scopeSql(scope, params);
  const version = byConfigVersion ? 'config_version' : 'NULL::text';
  const [row] = await tx.query<{ counts: string | null; firsts: string | null }>(
    `WITH groups AS (
       SELECT customer_id, ${version} AS version, count(*) AS events, min(at) AS at, max(at) AS last_at
       FROM upgradekit_events WHERE ${where} GROUP BY 1, 2
     ), first AS (
       SELECT f.* FROM groups m CROSS JOIN LATERAL (
         SELECT e.id, e.at, e.customer_id, e.mrr, e.config_version FROM upgradekit_events e
         WHERE e.at = m.at AND e.customer_id = m.customer_id AND ${byConfigVersion ? 'e.config_version IS NOT DISTINCT FROM m.version AND ' : ''}${scopeSql(scope, params, 'e.')}
         ORDER BY e.id COLLATE "C" LIMIT 1
       ) AS f
     )
     SELECT
       (SELECT json_agg(json_build_array(version, events, first_at, last_at))
        FROM (SELECT version, sum(events) AS events, min(at) AS first_at, max(last_at) AS last_at FROM groups GROUP BY 1) AS c)::text AS counts,
       (SELECT json_agg(json_build_array(at, customer_id, mrr, config_version) ORDER BY at, id COLLATE "C") FROM first)::text AS firsts`,
    params,
  );
  const counts = row?.counts ? (JSON.parse(row.counts) as Array<[string | null, number, number, number]>) : [];
  const firsts = row?.firsts ? (JSON.parse(row.firsts) as Array<[number, string, number, string | null]>) : [];
  return {
    counts: counts.map(([configVersion, events, firstAt, lastAt]) => ({ configVersion, events, firstAt, lastAt })),
    firsts: firsts.map(([at, customerId, mrr, configVersion]) => ({ at, customerId, mrr, configVersion: configVersion ?? undefined })),
  };
}

// Room to sort in memory rather than on disk; no JIT compilation, which costs more
// than it saves on queries that each run once; and no parallel workers: the two
// reads already run side by side, and helpers would only take turns with them.
const REPORT_SETTINGS = ["SET LOCAL work_mem = '64MB'", 'SET LOCAL jit = off', 'SET LOCAL max_parallel_workers_per_gather = 0'];

/**
 * Everything the report reads of the scope, in one consistent snapshot, sent to
 * `sink` in its order: on PostgreSQL the summary and the counted events are read at
 * the same time (see `SqlDatabase.readSnapshot`), and slices that arrive before the
 * summary wait for it.
 */
export async function reportRows(db: SqlDatabase, scope: EventScope, options: { byConfigVersion: boolean; attributionWindowMs: number }, sink: ReportSink): Promise<{ firings: Firings }> {
  let waiting: CountedEvent[][] | null = [];
  let position = 0;
  const counted = (events: CountedEvent[]) => {
    // Each event's place in the stream is its id (see `CountedEvent`).
    for (const event of events) event.id = position++;
    sink.counted(events);
  };
  const [, firings] = await db.readSnapshot<[void, Firings]>(REPORT_SETTINGS, [
    async (tx) => {
      const { counts, firsts } = await summary(tx, scope, options.byConfigVersion);
      sink.summary({ counts, firsts, touchesBefore: await touchesBefore(tx, scope, options.attributionWindowMs) });
      for (const slice of waiting!) counted(slice);
      waiting = null;
    },
    async (tx) => {
      const { firings, slices } = await planCounted(tx, scope, options.byConfigVersion);
      await readSlices(tx, scope, options.byConfigVersion, slices, (events) => (waiting ? waiting.push(events) : counted(events)));
      return firings;
    },
  ]);
  return { firings };
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
