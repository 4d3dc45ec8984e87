import type { Config, UpgradeKitEvent } from '@upgradekit/core';
import { attributionWindowMs } from '@upgradekit/core/internal';
import { createReportAccumulator, type ConversionReport } from '@upgradekit/core/report';
import type { EventScope, UpgradeKitStore } from '../store/types.js';
import { recheckAttribution } from './attributionRecheck.js';
import { addUnseenFirings } from './unseenFirings.js';

/*
 * The report over stored events, with `buildReport`'s figures (an integration test
 * holds them equal on the same events sorted by time and id). The database does
 * the bulk: it counts every event, finds each customer's first one, and sends only
 * the events that move a figure; upgrades whose attribution fails the re-check lose
 * their trigger here (`attributionRecheck.ts`). Those feed the core's own report
 * accumulator, so the figures have one definition:
 *
 * - each customer's first event goes in first, under a type the report counts for
 *   customers and starting MRR only;
 * - then the counted events, in time order (one `trigger.fired` of each trigger,
 *   variant and version: the database counts the rest, `unseenFirings.ts`);
 * - then the event counts (and each version's last event), which the database
 *   knows, replace what the accumulator saw.
 *
 * Stored events are unique by id, so the report never sees a duplicate.
 */

/** A type no figure reads: the event stands for its customer's first one. */
const FIRST = 'upgradekit.first';

export async function storeReport(store: UpgradeKitStore, config: Config, scope: EventScope, options: { byConfigVersion: boolean }): Promise<ConversionReport> {
  const window = attributionWindowMs(config);
  const rows = await store.reportRows(scope, { byConfigVersion: options.byConfigVersion, attributionWindowMs: window });
  recheckAttribution(rows.counted, rows.touchesBefore, window);
  const accumulator = createReportAccumulator(config, { from: scope.from ?? undefined, to: scope.to ?? undefined, byConfigVersion: options.byConfigVersion });
  for (const first of rows.firsts) accumulator.add({ ...first, type: FIRST } as unknown as UpgradeKitEvent);
  // The fields the accumulator reads, with positions for ids (see `CountedEvent`).
  for (const event of rows.counted) accumulator.add(event as unknown as UpgradeKitEvent);
  const report = accumulator.result();
  addUnseenFirings(report, rows.firings);
  report.totals.events = rows.counts.reduce((sum, count) => sum + count.events, 0);
  if (report.versions) {
    const counts = new Map(rows.counts.map((count) => [count.configVersion, count]));
    for (const version of report.versions) {
      const count = counts.get(version.configVersion);
      if (!count) continue;
      version.totals.events = count.events;
      version.lastAt = count.lastAt;
    }
  }
  return report;
}
