import { scopeSql } from './scopeSql.js';
import type { CountedEvent, EventScope, ReportRows, SqlClient, Touch } from './types.js';

/*
 * The events that move a figure of the report (three in ten of a typical stream),
 * sent to the server in the order the report sums them: by time, then id in byte
 * order (as JavaScript compares ASCII ids).
 *
 * They leave the database as one JSON text of columns, one array per field. A few
 * hundred thousand rows cost the drivers far more as rows (an object and a parse
 * per field), and the database far more as one JSON array per row
 * (`json_build_array` resolves its argument types on every call), than as a
 * handful of `json_agg` over one sorted subquery, which JSON.parse reads at memory
 * speed. Fields only some types carry (an upgrade's MRR and delta, a dismissal's
 * reason) come in arrays of their own, in the same order, holding those types' rows only.
 */

/** Event types that change a figure of the report (the others count as events and customers only). */
export const COUNTED_TYPES = ['trigger.fired', 'prompt.held_out', 'prompt.shown', 'prompt.clicked', 'prompt.dismissed', 'trial.started', 'upgrade.completed'] as const;

type Nullable<T> = T | null;

const NOT_AN_UPGRADE: [number, null] = [0, null];
const NOT_A_DISMISSAL: [null, null] = [null, null];

interface CountedColumns {
  /** Position in `COUNTED_TYPES`, from 1. */
  type: number[] | null;
  at: number[] | null;
  customer: string[] | null;
  trigger: Nullable<string>[] | null;
  variant: Nullable<string>[] | null;
  /** Only when split by config version. */
  version?: Nullable<string>[] | null;
  /** Only when the scope spans every app. */
  app?: string[] | null;
  /** `[mrr, mrrDelta]` of each upgrade. */
  upgrade: Array<[number, number | null]> | null;
  /** `[reason, forever]` of each dismissal. */
  dismissal: Array<[string | null, boolean | null]> | null;
  /** `[triggerId, variant, configVersion, count]` of each group of `trigger.fired`. */
  firings: Array<[string, string | null, string | null, number]> | null;
}

/** Every counted type but `trigger.fired`, whose events come one per group (see `countedEvents`). */
const STREAMED_TYPES = COUNTED_TYPES.filter((type) => type !== 'trigger.fired');

/**
 * The counted events of the scope (ids stay in the database: see `CountedEvent`).
 * A `trigger.fired` moves one figure, its variant's count, yet is a quarter of the
 * counted stream: the database counts them per trigger, variant and config version
 * and sends the first of each group alone, which puts the trigger and variant in
 * the report where the whole stream would (`firings` says how many each stands for).
 */
export async function countedEvents(tx: SqlClient, scope: EventScope, byConfigVersion: boolean): Promise<Pick<ReportRows, 'counted' | 'firings'>> {
  const params: unknown[] = [COUNTED_TYPES, STREAMED_TYPES];
  const where = scopeSql(scope, params);
  const columns = [
    `'type', json_agg(array_position($1::text[], type))`,
    `'at', json_agg(at)`,
    `'customer', json_agg(customer_id)`,
    `'trigger', json_agg(trigger_id)`,
    `'variant', json_agg(variant)`,
    ...(byConfigVersion ? [`'version', json_agg(config_version)`] : []),
    ...(scope.app === null ? [`'app', json_agg(app)`] : []),
    `'upgrade', json_agg(json_build_array(mrr, mrr_delta)) FILTER (WHERE type = 'upgrade.completed')`,
    `'dismissal', json_agg(json_build_array(reason, forever)) FILTER (WHERE type = 'prompt.dismissed')`,
    `'firings', (SELECT json_agg(json_build_array(fired_trigger, fired_variant, fired_version, n)) FROM first_fired)`,
  ];
  // Only the columns some aggregate reads go through the sort.
  // Only the columns some aggregate reads go through the sort.
  const names = ['id', 'type', 'at', 'customer_id', 'trigger_id', 'variant', 'mrr', 'mrr_delta', 'reason', 'forever', ...(byConfigVersion ? ['config_version'] : []), ...(scope.app === null ? ['app'] : [])];
  const fields = names
    .map((name) => (name === 'id' ? 'id COLLATE "C" AS id' : name === 'forever' ? "CASE WHEN type = 'prompt.dismissed' THEN body->'forever' = 'true'::jsonb END AS forever" : name))
    .join(', ');
  const version = byConfigVersion ? 'config_version' : 'NULL::text';
  // The first firing of each group is looked up by the index on (type, at), a
  // `LATERAL ... LIMIT 1` per group: never a join of the whole table, with or without statistics.
  // An aggregate reads a sorted subquery in its order (a subquery with ORDER BY is
  // never flattened): one sort for every column, where `json_agg(x ORDER BY ...)`
  // would sort once per column.
  const [row] = await tx.query<{ columns: string }>(
    `WITH fired AS MATERIALIZED (
       SELECT trigger_id AS fired_trigger, variant AS fired_variant, ${version} AS fired_version, count(*) AS n, min(at) AS first_at
       FROM upgradekit_events WHERE type = 'trigger.fired' AND ${where} GROUP BY 1, 2, 3
     ), first_fired AS MATERIALIZED (
       SELECT g.*, f.* FROM fired g CROSS JOIN LATERAL (
         SELECT ${fields} FROM upgradekit_events e
         WHERE e.type = 'trigger.fired' AND e.at = g.first_at AND e.trigger_id IS NOT DISTINCT FROM g.fired_trigger AND e.variant IS NOT DISTINCT FROM g.fired_variant
           AND ${byConfigVersion ? 'e.config_version' : 'NULL::text'} IS NOT DISTINCT FROM g.fired_version AND ${scopeSql(scope, params, 'e.')}
         ORDER BY e.id COLLATE "C" LIMIT 1
       ) AS f
     )
     SELECT json_build_object(${columns.join(', ')})::text AS columns
     FROM (
       SELECT ${fields} FROM upgradekit_events WHERE type = ANY($2::text[]) AND ${where}
       UNION ALL
       SELECT ${names.join(', ')} FROM first_fired
       ORDER BY at, id
     ) AS counted`,
    params,
  );
  const parsed = row ? (JSON.parse(row.columns) as CountedColumns) : null;
  return {
    counted: parsed ? toEvents(parsed, scope.app) : [],
    firings: (parsed?.firings ?? []).map(([triggerId, variant, configVersion, count]) => ({ triggerId, variant, configVersion, count })),
  };
}

/** Events of one shape (every field present), so the accumulator's property reads stay monomorphic. */
function toEvents(columns: CountedColumns, scopeApp: string | null): CountedEvent[] {
  const { type, at, customer, trigger, variant, version, app } = columns;
  if (!type || !at || !customer || !trigger || !variant) return [];
  const upgrades = columns.upgrade ?? [];
  const dismissals = columns.dismissal ?? [];
  let upgrade = 0;
  let dismissal = 0;
  const events = new Array<CountedEvent>(type.length);
  for (let index = 0; index < type.length; index++) {
    const name = COUNTED_TYPES[type[index]! - 1]!;
    const [mrr, mrrDelta] = name === 'upgrade.completed' ? upgrades[upgrade++]! : NOT_AN_UPGRADE;
    const [reason, forever] = name === 'prompt.dismissed' ? dismissals[dismissal++]! : NOT_A_DISMISSAL;
    events[index] = {
      type: name,
      id: index,
      at: at[index]!,
      customerId: customer[index]!,
      mrr,
      triggerId: trigger[index] ?? undefined,
      variant: variant[index] ?? undefined,
      configVersion: version?.[index] ?? undefined,
      mrrDelta: mrrDelta ?? undefined,
      reason: reason ?? undefined,
      forever: forever ?? undefined,
      app: app?.[index] ?? scopeApp!,
    };
  }
  return events;
}

/**
 * Impressions and clicks in the attribution window before the scope's start: they
 * are outside the scope, yet an upgrade inside it may rest on them.
 */
export async function touchesBefore(tx: SqlClient, scope: EventScope, attributionWindowMs: number): Promise<Touch[]> {
  if (scope.from === null) return [];
  const params: unknown[] = [scope.from - attributionWindowMs];
  const where = scopeSql({ from: null, to: scope.from, app: scope.app }, params);
  const rows = await tx.query<{ app: string; customer_id: string; trigger_id: string; at: number }>(
    `SELECT app, customer_id, trigger_id, at FROM upgradekit_events
     WHERE type IN ('prompt.shown', 'prompt.clicked') AND trigger_id IS NOT NULL AND at >= $1 AND ${where} ORDER BY at`,
    params,
  );
  return rows.map((row) => ({ app: row.app, customerId: row.customer_id, triggerId: row.trigger_id, at: row.at }));
}
