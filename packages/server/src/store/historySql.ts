import type { UpgradeKitEvent } from '@upgradekit/core';
import { scopeSql } from './scopeSql.js';
import type { EventScope, SqlClient } from './types.js';

/*
 * Customers' stored events as they happened, for replays through the SDK (the
 * simulate route, one customer's explanations). Events travel as their stored
 * JSON bodies, aggregated into one text per query (see reportSql.ts for why).
 */

/** Customers whose histories one query fetches: memory holds this many customers' events at a time. */
const CUSTOMERS_PER_PAGE = 200;

const parseRows = (text: string | null): UpgradeKitEvent[] => (text ? (JSON.parse(text) as UpgradeKitEvent[]) : []);

/** One customer's events in the scope, in time order (then id). */
export async function customerEvents(db: SqlClient, customerId: string, scope: EventScope): Promise<UpgradeKitEvent[]> {
  const params: unknown[] = [customerId];
  const [row] = await db.query<{ rows: string | null }>(
    `SELECT json_agg(body ORDER BY at, id COLLATE "C")::text AS rows FROM upgradekit_events WHERE customer_id = $1 AND ${scopeSql(scope, params)}`,
    params,
  );
  return parseRows(row?.rows ?? null);
}

/**
 * Every customer's events in the scope, one group per customer (customers in id
 * order, each in time order), fetched a page of customers at a time, so a long
 * history is never held whole and the event loop is free between pages.
 */
export async function* customerHistories(db: SqlClient, scope: EventScope): AsyncGenerator<UpgradeKitEvent[]> {
  const params: unknown[] = [];
  const customers = await db.query<{ customer_id: string }>(
    `SELECT DISTINCT customer_id COLLATE "C" AS customer_id FROM upgradekit_events WHERE ${scopeSql(scope, params)} ORDER BY 1`,
    params,
  );
  for (let start = 0; start < customers.length; start += CUSTOMERS_PER_PAGE) {
    const page = customers.slice(start, start + CUSTOMERS_PER_PAGE).map((row) => row.customer_id);
    const pageParams: unknown[] = [page];
    const [row] = await db.query<{ rows: string | null }>(
      `SELECT json_agg(json_build_array(customer_id, body) ORDER BY customer_id COLLATE "C", at, id COLLATE "C")::text AS rows
       FROM upgradekit_events WHERE customer_id = ANY($1::text[]) AND ${scopeSql(scope, pageParams)}`,
      pageParams,
    );
    yield* groupsOf(row?.rows ? (JSON.parse(row.rows) as Array<[string, UpgradeKitEvent]>) : []);
  }
}

/** Consecutive rows of one customer as one group. */
function* groupsOf(rows: ReadonlyArray<[string, UpgradeKitEvent]>): Generator<UpgradeKitEvent[]> {
  let group: UpgradeKitEvent[] = [];
  let current: string | null = null;
  for (const [customerId, event] of rows) {
    if (customerId !== current && group.length) {
      yield group;
      group = [];
    }
    current = customerId;
    group.push(event);
  }
  if (group.length) yield group;
}
