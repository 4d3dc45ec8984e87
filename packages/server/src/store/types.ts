import type { UpgradeKitEvent } from '@upgradekit/core';
import type { CustomerActivity } from '@upgradekit/core/report';

/*
 * The store's contract: what the handler needs from a database. Both stores
 * (`pglite.ts`, `postgres.ts`) are the same SQL (`sqlStore.ts`) over a different
 * connection (`SqlDatabase`), so this interface is implemented once.
 */

/** One query runner: a connection, or a transaction on one. */
export interface SqlClient {
  /** Runs one statement with `$1`-style parameters and returns its rows. */
  query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

/** A connection to PostgreSQL or PGlite, with transactions. */
export interface SqlDatabase extends SqlClient {
  readonly kind: StoreKind;
  /** Where the data lives, for people: a directory, or a connection string without its password. */
  readonly location: string;
  /** Runs `body` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(body: (tx: SqlClient) => Promise<T>): Promise<T>;
  /**
   * Runs `reads` in read-only transactions that see one snapshot, each after the
   * statements of `setup` (`SET LOCAL ...`): on PostgreSQL at the same time, on
   * connections of their own; on PGlite, which has one connection, one after another.
   */
  readSnapshot<T extends readonly unknown[]>(setup: readonly string[], reads: { [K in keyof T]: (tx: SqlClient) => Promise<T[K]> }): Promise<T>;
  close(): Promise<void>;
}

export type StoreKind = 'pglite' | 'postgres';

/** A `trigger.fired` of a trigger with a `route`, to be delivered to webhooks once per firing. */
export interface FiringInput {
  /** The `trigger.fired` event's id. */
  eventId: string;
  customerId: string;
  triggerId: string;
  route: string;
  firedAt: number;
  /** The JSON body every endpoint receives. */
  body: unknown;
  /** Names of the endpoints to deliver to. */
  endpoints: readonly string[];
}

export interface IngestOptions {
  /** Routed `trigger.fired` events of the batch, to be delivered once per firing. */
  firings: readonly FiringInput[];
  /** Firings of one customer's trigger this close together (ms) are one. */
  onceWithinMs: number;
  /** The server's clock: when the events were received and the deliveries queued. */
  now: number;
}

export interface IngestResult {
  /** Events written now. */
  stored: number;
  /** Events whose id was stored already (or repeated in the batch): accepted, not stored again. */
  duplicates: number;
  /** Firings that got deliveries (the others were the same firing reported again). */
  firings: number;
}

/** One version of the remote config, newest first in lists. */
export interface ConfigVersion {
  version: string;
  /** Epoch ms. */
  createdAt: number;
  author: string;
  note: string | null;
  /** The version this one restored, for a rollback. */
  rollbackOf: string | null;
}

export interface StoredConfig extends ConfigVersion {
  /** The config as stored: its `version` field set to `version`. */
  config: unknown;
  /** The same, as JSON text (what `GET /config` serves). */
  json: string;
}

/** A webhook delivery claimed for one attempt. */
export interface ClaimedDelivery {
  firingId: string;
  endpoint: string;
  /** Attempts so far, this one included. */
  attempt: number;
  body: unknown;
}

/** The events' window and scope a report reads. */
export interface EventScope {
  /** Epoch ms, inclusive; `null`: unbounded. */
  from: number | null;
  /** Epoch ms, exclusive; `null`: unbounded. */
  to: number | null;
  /** Only events sent with a write key of this app; `null`: every app. */
  app: string | null;
}

/**
 * A counted event with the fields the report reads, every one present (`undefined`
 * when the event has none), and the app it was sent with. Its `id` is its position
 * in the stream: the report tells duplicates only by id, and stored events have none.
 */
export interface CountedEvent {
  type: string;
  id: number;
  at: number;
  customerId: string;
  /** The customer's MRR before an upgrade; `0` on other types, whose MRR moves no figure once each customer's first event is counted. */
  mrr: number;
  triggerId: string | undefined;
  variant: string | undefined;
  configVersion: string | undefined;
  mrrDelta: number | undefined;
  reason: string | undefined;
  forever: boolean | undefined;
  app: string;
}

/** An impression or click of a trigger's prompt, for the attribution re-check. */
export interface Touch {
  app: string;
  customerId: string;
  triggerId: string;
  at: number;
}

/**
 * What the report reads of the scope before its counted events, aggregated by the
 * database (see `report/serverReport.ts`): counts, customers' first events, earlier touches.
 */
export interface ReportSummary {
  /** Events in the scope, per config version with `byConfigVersion` (`null`: none recorded), else one count under `null`. */
  counts: Array<{ configVersion: string | null; events: number; firstAt: number; lastAt: number }>;
  /** Each customer's earliest event as their activity (per config version with `byConfigVersion`), sorted by time then id; every field present, in one shape. */
  firsts: Array<Required<CustomerActivity>>;
  /** Impressions and clicks within the attribution window before the scope's `from`, by time. */
  touchesBefore: Touch[];
}

/** `trigger.fired` events per trigger, variant and config version: the counted events hold the first of each group only. */
export type Firings = Array<{ triggerId: string; variant: string | null; configVersion: string | null; count: number }>;

/**
 * Receives what the report reads, in this order: `summary` once, then the counted
 * events in slices. Slices come in time order, sorted by time then id within, and
 * each holds every counted event of each moment it spans, so a slice can be
 * finished before the next one is read: the server counts one while the database
 * reads the next.
 */
export interface ReportSink {
  summary(rows: ReportSummary): void;
  /** Events that move a figure, with the attribution their client claimed (`trigger.fired`: see `Firings`). */
  counted(events: CountedEvent[]): void;
}

/** Prompts shown per active customer-week, as histograms (`report/promptsPerWeek.ts`). */
export interface PromptWeekRows {
  /** Customer-weeks with any event in the scope. */
  activeWeeks: number;
  /** Customer-weeks by how many prompts they were shown (total), for counts ≥ 1. */
  total: Array<{ shown: number; weeks: number }>;
  /** The same per trigger. */
  triggers: Array<{ triggerId: string; shown: number; weeks: number }>;
}

/**
 * Where the server keeps events, config versions and webhook deliveries. Create
 * one with `createPgliteStore` (`@upgradekit/server/pglite`) or
 * `createPostgresStore` (`@upgradekit/server/postgres`).
 */
export interface UpgradeKitStore {
  readonly kind: StoreKind;
  /** Where the data lives: a directory, or a connection string without its password. */
  readonly location: string;
  /**
   * Writes a batch durably, in one transaction: events by id (existing ids are not
   * written again), and a firing with its deliveries for each routed `trigger.fired`
   * written now that is not the same firing as one within `onceWithinMs` before or after it.
   */
  ingest(app: string, events: readonly UpgradeKitEvent[], options: IngestOptions): Promise<IngestResult>;
  countEvents(): Promise<number>;
  /** Deletes events that happened before `before` (epoch ms) and finished deliveries created before it; returns the events deleted. */
  deleteBefore(before: number): Promise<number>;
  liveConfig(): Promise<StoredConfig | null>;
  /** Appends a version and makes it live; returns its id. */
  putConfig(config: Record<string, unknown>, meta: { author: string; note: string | null; rollbackOf: string | null; now: number }): Promise<string>;
  configVersions(): Promise<ConfigVersion[]>;
  configVersion(version: string): Promise<StoredConfig | null>;
  /** Sends what the report reads of the scope, from one snapshot, to `sink` (see `ReportSink`); resolves when all was sent. */
  reportRows(scope: EventScope, options: { byConfigVersion: boolean; attributionWindowMs: number }, sink: ReportSink): Promise<{ firings: Firings }>;
  promptWeeks(scope: EventScope, weekOrigin: number, weekMs: number): Promise<PromptWeekRows>;
  /** The earliest and latest event time in the scope, or `null` when it has none. */
  eventSpan(scope: EventScope): Promise<{ first: number; last: number } | null>;
  /** One customer's events in the scope, in time order (see `historySql.ts`). */
  customerEvents(customerId: string, scope: EventScope): Promise<UpgradeKitEvent[]>;
  /** Every customer's events in the scope, one customer per group, a page of customers in memory at a time. */
  customerHistories(scope: EventScope): AsyncIterable<UpgradeKitEvent[]>;
  /** Claims up to `limit` due deliveries for one attempt each; a claimed one is due again after `leaseMs` unless settled. */
  claimDeliveries(now: number, limit: number, leaseMs: number): Promise<ClaimedDelivery[]>;
  /** Settles an attempt: delivered, retried at `retryAt`, or failed for good (`retryAt` null). */
  settleDelivery(delivery: ClaimedDelivery, outcome: { delivered: boolean; retryAt: number | null; error: string | null; now: number }): Promise<void>;
  /** Deliveries by state, for health checks and tests. */
  deliveryCounts(): Promise<{ pending: number; delivered: number; failed: number }>;
  close(): Promise<void>;
}
