import type { UpgradeKitEvent } from '@upgradekit/core';
import type { FiringInput, IngestOptions, IngestResult, SqlClient, SqlDatabase } from './types.js';

/*
 * Writing events. A batch is one statement (atomic on its own) when it carries no
 * routed firing, and one transaction with the firings and their deliveries when it
 * does, so an acknowledged batch never has its webhook calls missing.
 */

// The columns the report and the indexes read, extracted from each event by the
// database; the whole event is kept in `body`.
const INSERT_EVENTS = `
  INSERT INTO upgradekit_events (id, app, type, customer_id, at, trigger_id, variant, config_version, mrr, mrr_delta, reason, received_at, body)
  SELECT e->>'id', $2, e->>'type', e->>'customerId', (e->>'at')::float8,
    CASE WHEN jsonb_typeof(e->'triggerId') = 'string' THEN e->>'triggerId' END,
    CASE WHEN jsonb_typeof(e->'variant') = 'string' THEN e->>'variant' END,
    e->>'configVersion', (e->>'mrr')::float8,
    CASE WHEN e->>'type' = 'upgrade.completed' THEN (e->>'mrrDelta')::float8 END,
    CASE WHEN e->>'type' = 'prompt.dismissed' THEN e->>'reason' END,
    $3, e
  FROM jsonb_array_elements($1::jsonb) AS e
  ON CONFLICT (id) DO NOTHING
  RETURNING id`;

const RECENT_FIRING = `
  SELECT 1 FROM upgradekit_firings
  WHERE app = $1 AND customer_id = $2 AND trigger_id = $3 AND fired_at > $4 AND fired_at < $5 LIMIT 1`;

/** Writes a batch (see `UpgradeKitStore.ingest`). */
export async function ingestEvents(db: SqlDatabase, app: string, events: readonly UpgradeKitEvent[], { firings, onceWithinMs, now }: IngestOptions): Promise<IngestResult> {
  if (!events.length) return { stored: 0, duplicates: 0, firings: 0 };
  const params = [JSON.stringify(events), app, now];
  if (!firings.length) {
    const rows = await db.query<{ id: string }>(INSERT_EVENTS, params);
    return { stored: rows.length, duplicates: events.length - rows.length, firings: 0 };
  }
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ id: string }>(INSERT_EVENTS, params);
    const written = new Set(rows.map((row) => row.id));
    const fresh = firings.filter((firing) => written.has(firing.eventId));
    let recorded = 0;
    for (const firing of fresh.sort((a, b) => firingKey(app, a).localeCompare(firingKey(app, b)))) {
      if (await recordFiring(tx, app, firing, onceWithinMs, now)) recorded++;
    }
    return { stored: rows.length, duplicates: events.length - rows.length, firings: recorded };
  });
}

/** Locks are taken in key order, so two batches with the same firings cannot deadlock. */
const firingKey = (app: string, firing: FiringInput) => JSON.stringify([app, firing.customerId, firing.triggerId]);

/**
 * Records a firing and its deliveries unless the same customer's trigger fired
 * within `onceWithinMs` of it: other tabs and devices of the customer report the
 * same moment. The advisory lock makes the check and the insert one step for
 * every server on the database.
 */
async function recordFiring(tx: SqlClient, app: string, firing: FiringInput, onceWithinMs: number, now: number): Promise<boolean> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [firingKey(app, firing)]);
  const { customerId, triggerId, firedAt } = firing;
  const recent = await tx.query(RECENT_FIRING, [app, customerId, triggerId, firedAt - onceWithinMs, firedAt + onceWithinMs]);
  if (recent.length) return false;
  await tx.query(
    'INSERT INTO upgradekit_firings (event_id, app, customer_id, trigger_id, route, fired_at, body) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [firing.eventId, app, customerId, triggerId, firing.route, firedAt, JSON.stringify(firing.body)],
  );
  await tx.query(
    'INSERT INTO upgradekit_deliveries (firing_id, endpoint, next_attempt_at, created_at) SELECT $1, endpoint, $3, $3 FROM unnest($2::text[]) AS endpoint',
    [firing.eventId, [...firing.endpoints], now],
  );
  return true;
}

export async function countEvents(db: SqlClient): Promise<number> {
  const [row] = await db.query<{ n: string | number }>('SELECT count(*) AS n FROM upgradekit_events');
  return Number(row?.n ?? 0);
}

/** Retention: events before `before`, and firings (with their deliveries) settled before it. */
export async function deleteBefore(db: SqlDatabase, before: number): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ n: string | number }>('WITH gone AS (DELETE FROM upgradekit_events WHERE at < $1 RETURNING 1) SELECT count(*) AS n FROM gone', [before]);
    await tx.query(
      `DELETE FROM upgradekit_firings f WHERE f.fired_at < $1
       AND NOT EXISTS (SELECT 1 FROM upgradekit_deliveries d WHERE d.firing_id = f.event_id AND d.state = 'pending')`,
      [before],
    );
    return Number(rows[0]?.n ?? 0);
  });
}
