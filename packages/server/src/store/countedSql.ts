import { scopeSql } from './scopeSql.js';
import type { CountedEvent, EventScope, Firings, SqlClient, Touch } from './types.js';

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
}

/** Every counted type but `trigger.fired`, whose events come one per group (see `planCounted`). */
const STREAMED_TYPES = COUNTED_TYPES.filter((type) => type !== 'trigger.fired');

/** How many time slices the counted events are read in: the server counts one while the database reads the next. */
const SLICES = 4;

/** One slice of time of the counted events: `[from, to)` (`to` null: through the scope's end), and the first firings in it. */
export interface CountedSlice {
  from: number;
  to: number | null;
  firedIds: string[];
}

/** How the counted events of a scope are read: the firings per group, and the slices in time order. */
export interface CountedPlan {
  firings: Firings;
  slices: CountedSlice[];
}

/**
 * A `trigger.fired` moves one figure, its variant's count, yet is a quarter of the
 * counted stream: the database counts them per trigger, variant and config version,
 * and the first of each group alone travels with the counted events, which puts the
 * trigger and variant in the report where the whole stream would (`firings` says how
 * many each stands for). The first of a group is looked up by the index on (type, at),
 * a `LATERAL ... LIMIT 1` per group: never a join of the whole table. With the scope's
 * time span, from the index on `at`, to cut the counted events into slices.
 */
export async function planCounted(tx: SqlClient, scope: EventScope, byConfigVersion: boolean): Promise<CountedPlan> {
  const params: unknown[] = [];
  const where = scopeSql(scope, params);
  const version = byConfigVersion ? 'config_version' : 'NULL::text';
  const [row] = await tx.query<{ groups: string | null; first: number | null; last: number | null }>(
    `WITH fired AS MATERIALIZED (
       SELECT trigger_id, variant, ${version} AS version, count(*) AS n, min(at) AS first_at
       FROM upgradekit_events WHERE type = 'trigger.fired' AND ${where} GROUP BY 1, 2, 3
     )
     SELECT
       (SELECT json_agg(json_build_array(g.trigger_id, g.variant, g.version, g.n, f.id, f.at)) FROM fired g CROSS JOIN LATERAL (
          SELECT e.id, e.at FROM upgradekit_events e
          WHERE e.type = 'trigger.fired' AND e.at = g.first_at AND e.trigger_id IS NOT DISTINCT FROM g.trigger_id AND e.variant IS NOT DISTINCT FROM g.variant
            AND ${byConfigVersion ? 'e.config_version' : 'NULL::text'} IS NOT DISTINCT FROM g.version AND ${scopeSql(scope, params, 'e.')}
          ORDER BY e.id COLLATE "C" LIMIT 1
        ) AS f)::text AS groups,
       (SELECT min(at) FROM upgradekit_events WHERE ${where}) AS first,
       (SELECT max(at) FROM upgradekit_events WHERE ${where}) AS last`,
    params,
  );
  const groups = row?.groups ? (JSON.parse(row.groups) as Array<[string, string | null, string | null, number, string, number]>) : [];
  const span = row && row.first !== null && row.last !== null ? { first: row.first, last: row.last } : null;
  return {
    firings: groups.map(([triggerId, variant, configVersion, count]) => ({ triggerId, variant, configVersion, count })),
    slices: (span ? slicesOf(span) : []).map(([from, to]) => ({
      from,
      to,
      firedIds: groups.filter(([, , , , , at]) => at >= from && (to === null || at < to)).map(([, , , , id]) => id),
    })),
  };
}

/** `[from, to)` of each slice of the span (`to` null: through its end), equal in time. */
function slicesOf(span: { first: number; last: number }): Array<[number, number | null]> {
  const step = (span.last - span.first) / SLICES;
  if (!(step > 0)) return [[span.first, null]];
  // Each bound is computed once by the same expression, so neighbouring slices meet exactly.
  const bounds = Array.from({ length: SLICES + 1 }, (_, index) => span.first + index * step);
  return bounds.slice(0, SLICES).map((from, index) => [from, index === SLICES - 1 ? null : bounds[index + 1]!]);
}

/** The counted events of one slice of time, by time then id; their ids are `0` until they take their place in the stream. */
async function readSlice(tx: SqlClient, scope: EventScope, byConfigVersion: boolean, slice: CountedSlice): Promise<CountedEvent[]> {
  const params: unknown[] = [COUNTED_TYPES, STREAMED_TYPES, slice.firedIds, slice.from];
  const where = `${scopeSql(scope, params)} AND at >= $4${slice.to === null ? '' : ` AND at < $${params.push(slice.to)}`}`;
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
  ];
  // Only the columns some aggregate reads go through the sort.
  const names = ['id', 'type', 'at', 'customer_id', 'trigger_id', 'variant', 'mrr', 'mrr_delta', 'reason', 'forever', ...(byConfigVersion ? ['config_version'] : []), ...(scope.app === null ? ['app'] : [])];
  const fields = names
    .map((name) => (name === 'id' ? 'id COLLATE "C" AS id' : name === 'forever' ? "CASE WHEN type = 'prompt.dismissed' THEN body->'forever' = 'true'::jsonb END AS forever" : name))
    .join(', ');
  // An aggregate reads a sorted subquery in its order (a subquery with ORDER BY is
  // never flattened): one sort for every column, where `json_agg(x ORDER BY ...)`
  // would sort once per column.
  const [row] = await tx.query<{ columns: string }>(
    `SELECT json_build_object(${columns.join(', ')})::text AS columns
     FROM (
       SELECT ${fields} FROM upgradekit_events WHERE type = ANY($2::text[]) AND ${where}
       UNION ALL
       SELECT ${fields} FROM upgradekit_events WHERE id = ANY($3::text[])
       ORDER BY at, id
     ) AS counted`,
    params,
  );
  return row ? toEvents(JSON.parse(row.columns) as CountedColumns, scope.app) : [];
}

/**
 * Reads `slices` one after another and hands each to `onSlice`, in order. The
 * next slice is asked for before `onSlice` handles the last one, so the database
 * reads while the server counts.
 */
export async function readSlices(tx: SqlClient, scope: EventScope, byConfigVersion: boolean, slices: readonly CountedSlice[], onSlice: (events: CountedEvent[]) => void): Promise<void> {
  if (!slices.length) return;
  let next = readSlice(tx, scope, byConfigVersion, slices[0]!);
  for (let index = 0; index < slices.length; index++) {
    const events = await next;
    if (index + 1 < slices.length) {
      next = readSlice(tx, scope, byConfigVersion, slices[index + 1]!);
      // Awaited on the next turn; until then a failure must not count as unhandled.
      next.catch(() => undefined);
    }
    onSlice(events);
  }
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
      id: 0,
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
