import type { ClaimedDelivery, SqlClient } from './types.js';

/*
 * Webhook deliveries as rows, so a restart loses none: an attempt claims a row
 * (moving its next attempt a lease ahead, so a server that dies mid-request leaves
 * it to be retried), then settles it. `SKIP LOCKED` lets several servers claim
 * from one table without taking the same row.
 */

const CLAIM = `
  UPDATE upgradekit_deliveries AS d SET attempts = d.attempts + 1, next_attempt_at = $2
  FROM (
    SELECT firing_id, endpoint FROM upgradekit_deliveries
    WHERE state = 'pending' AND next_attempt_at <= $1
    ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED
  ) AS due, upgradekit_firings AS f
  WHERE d.firing_id = due.firing_id AND d.endpoint = due.endpoint AND f.event_id = d.firing_id
  RETURNING d.firing_id, d.endpoint, d.attempts, f.body`;

export async function claimDeliveries(db: SqlClient, now: number, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  const rows = await db.query<{ firing_id: string; endpoint: string; attempts: number; body: string }>(CLAIM, [now, now + leaseMs, limit]);
  return rows.map((row) => ({ firingId: row.firing_id, endpoint: row.endpoint, attempt: Number(row.attempts), body: JSON.parse(row.body) as unknown }));
}

export async function settleDelivery(
  db: SqlClient,
  delivery: ClaimedDelivery,
  { delivered, retryAt, error, now }: { delivered: boolean; retryAt: number | null; error: string | null; now: number },
): Promise<void> {
  const state = delivered ? 'delivered' : retryAt === null ? 'failed' : 'pending';
  // Only the attempt that claimed the row settles it: after a lease ran out, a later claim owns it.
  await db.query(
    `UPDATE upgradekit_deliveries SET state = $1, next_attempt_at = COALESCE($2, next_attempt_at), last_error = $3, settled_at = CASE WHEN $1 = 'pending' THEN NULL ELSE $4::bigint END
     WHERE firing_id = $5 AND endpoint = $6 AND attempts = $7 AND state = 'pending'`,
    [state, retryAt, error, now, delivery.firingId, delivery.endpoint, delivery.attempt],
  );
}

export async function deliveryCounts(db: SqlClient): Promise<{ pending: number; delivered: number; failed: number }> {
  const rows = await db.query<{ state: string; n: string | number }>('SELECT state, count(*) AS n FROM upgradekit_deliveries GROUP BY state');
  const counts = { pending: 0, delivered: 0, failed: 0 };
  for (const row of rows) if (row.state in counts) counts[row.state as keyof typeof counts] = Number(row.n);
  return counts;
}
