import type { UpgradeKitEvent } from '@upgradekit/core';
import { scopeSql } from './scopeSql.js';
import type { EventScope, SqlClient } from './types.js';

/*
 * Customers' stored events as they happened, for replays through the SDK (the
 * simulate route, one customer's explanations). Events travel as their stored
 * JSON bodies, aggregated into one text per query (see reportSql.ts for why).
 * There is no index by customer on purpose: it cost about a fifth of the ingest
 * rate on PostgreSQL, the hot path, while these admin reads scan the table a few
 * times per simulation (one scan per page below) and once per customer lookup.
 */

/** Events one page of customers may hold: memory holds about this many events at a time (a customer's whole history at least). */
const EVENTS_PER_PAGE = 50_000;

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
  const customers = await db.query<{ customer_id: string; events: number }>(
    `SELECT customer_id COLLATE "C" AS customer_id, count(*)::int AS events FROM upgradekit_events WHERE ${scopeSql(scope, params)} GROUP BY 1 ORDER BY 1`,
    params,
  );
  for (const page of pagesOf(customers)) {
    const pageParams: unknown[] = [page];
    const [row] = await db.query<{ rows: string | null }>(
      `SELECT json_agg(json_build_array(customer_id, body) ORDER BY customer_id COLLATE "C", at, id COLLATE "C")::text AS rows
       FROM upgradekit_events WHERE customer_id = ANY($1::text[]) AND ${scopeSql(scope, pageParams)}`,
      pageParams,
    );
    yield* groupsOf(row?.rows ? (JSON.parse(row.rows) as Array<[string, UpgradeKitEvent]>) : []);
  }
}

/** Customer ids in pages of at most `limit` events (a customer with more gets a page alone). */
export function* pagesOf(customers: ReadonlyArray<{ customer_id: string; events: number }>, limit = EVENTS_PER_PAGE): Generator<string[]> {
  let page: string[] = [];
  let events = 0;
  for (const { customer_id: id, events: count } of customers) {
    if (page.length && events + Number(count) > limit) {
      yield page;
      page = [];
      events = 0;
    }
    page.push(id);
    events += Number(count);
  }
  if (page.length) yield page;
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
