import type { Config, UpgradeKitEvent } from '@upgradekit/core';
import { attributionWindowMs } from '@upgradekit/core/internal';
import { createReportAccumulator, type ConversionReport } from '@upgradekit/core/report';
import type { CountedEvent, EventScope, ReportSummary, UpgradeKitStore } from '../store/types.js';
import { createAttributionRecheck } from './attributionRecheck.js';
import { addUnseenFirings } from './unseenFirings.js';

/*
 * The report over stored events, with `buildReport`'s figures (an integration test
 * holds them equal on the same events sorted by time and id). The database does
 * the bulk: it counts every event, finds each customer's first one, and sends only
 * the events that move a figure; upgrades whose attribution fails the re-check lose
 * their trigger here (`attributionRecheck.ts`). Those feed the core's own report
 * accumulator, so the figures have one definition:
 *
 * - each customer's first event goes in first, as their activity (`addActivity`:
 *   what the report counts for customers and starting MRR);
 * - then the counted events, in time order (one `trigger.fired` of each trigger,
 *   variant and version: the database counts the rest, `unseenFirings.ts`), slice
 *   by slice as the database reads them, each re-checked before it is counted;
 * - then the event counts (and each version's last event), which the database
 *   knows, replace what the accumulator saw.
 *
 * Stored events are unique by id, so the report never sees a duplicate.
 */

export async function storeReport(store: UpgradeKitStore, config: Config, scope: EventScope, options: { byConfigVersion: boolean }): Promise<ConversionReport> {
  const window = attributionWindowMs(config);
  const accumulator = createReportAccumulator(config, { from: scope.from ?? undefined, to: scope.to ?? undefined, byConfigVersion: options.byConfigVersion });
  let counts: ReportSummary['counts'] = [];
  let recheck: ((slice: CountedEvent[]) => void) | null = null;
  const { firings } = await store.reportRows(scope, { byConfigVersion: options.byConfigVersion, attributionWindowMs: window }, {
    summary(rows) {
      counts = rows.counts;
      recheck = createAttributionRecheck(rows.touchesBefore, window);
      for (const first of rows.firsts) accumulator.addActivity(first);
    },
    counted(slice) {
      recheck!(slice);
      // The fields the accumulator reads, with positions for ids (see `CountedEvent`).
      for (const event of slice) accumulator.add(event as unknown as UpgradeKitEvent);
    },
  });
  const report = accumulator.result();
  addUnseenFirings(report, firings);
  report.totals.events = counts.reduce((sum, count) => sum + count.events, 0);
  if (report.versions) {
    const byVersion = new Map(counts.map((count) => [count.configVersion, count]));
    for (const version of report.versions) {
      const count = byVersion.get(version.configVersion);
      if (!count) continue;
      version.totals.events = count.events;
      version.lastAt = count.lastAt;
    }
  }
  return report;
}
