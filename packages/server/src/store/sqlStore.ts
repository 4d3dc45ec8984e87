import { claimDeliveries, deliveryCounts, settleDelivery } from './deliveriesSql.js';
import { configVersion, configVersions, liveConfig, putConfig } from './configsSql.js';
import { countEvents, deleteBefore, ingestEvents } from './eventsSql.js';
import { customerEvents, customerHistories } from './historySql.js';
import { migrate } from './migrations.js';
import { eventSpan, promptWeeks, reportRows } from './reportSql.js';
import type { SqlDatabase, UpgradeKitStore } from './types.js';

/** The store over a PostgreSQL-speaking database, after running its migrations: one SQL for PGlite and PostgreSQL. */
export async function createSqlStore(db: SqlDatabase): Promise<UpgradeKitStore> {
  await migrate(db);
  return {
    kind: db.kind,
    location: db.location,
    ingest: (app, events, options) => ingestEvents(db, app, events, options),
    countEvents: () => countEvents(db),
    deleteBefore: (before) => deleteBefore(db, before),
    liveConfig: () => liveConfig(db),
    putConfig: (config, meta) => putConfig(db, config, meta),
    configVersions: () => configVersions(db),
    configVersion: (version) => configVersion(db, version),
    reportRows: (scope, options, sink) => reportRows(db, scope, options, sink),
    promptWeeks: (scope, origin, weekMs) => promptWeeks(db, scope, origin, weekMs),
    eventSpan: (scope) => eventSpan(db, scope),
    customerEvents: (customerId, scope) => customerEvents(db, customerId, scope),
    customerHistories: (scope) => customerHistories(db, scope),
    claimDeliveries: (now, limit, leaseMs) => claimDeliveries(db, now, limit, leaseMs),
    settleDelivery: (delivery, outcome) => settleDelivery(db, delivery, outcome),
    deliveryCounts: () => deliveryCounts(db),
    close: () => db.close(),
  };
}
