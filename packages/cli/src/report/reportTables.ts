import type { ConversionTotals, LiftInterval } from '@upgradekit/core/report';
import { count, isoDay, money, NO_DATA, percent, points } from '../output/format.js';
import { renderTable } from '../output/table.js';
import { holdoutOf, rowName, type ReportRow, type ReportSection } from './reportRows.js';

/*
 * The report for people: per section, three tables (the funnel, why customers
 * dismissed and what they did before converting, the holdout comparison) and the
 * totals.
 */

/** `+4.2 pp (+1.1 pp to +7.3 pp)`, or why there is no interval: no holdout, or too few customers (under 30 in a group, or no conversion). */
export function describeInterval(interval: LiftInterval, hasHoldout: boolean): string {
  if (!hasHoldout) return 'no holdout';
  if (interval.insufficient !== null || interval.low === null || interval.high === null) return `${points(interval.difference)}, too few customers`;
  return `${points(interval.difference)} (${points(interval.low)} to ${points(interval.high)})`;
}

function funnelTable(rows: readonly ReportRow[], currency: string): string {
  const columns = ['trigger', 'fired', 'held out', 'shown', 'clicked', 'dismissed', 'trials', 'conversions', 'conv. rate', 'expansion MRR', 'new MRR'];
  const cells = rows.map((row) => {
    const s = row.stats;
    return [rowName(row), count(s.fired), count(s.heldOut), count(s.shown), count(s.clicked), count(s.dismissed.total), count(s.trialsStarted), count(s.conversions), percent(s.conversionRate), money(s.expansionMrr, currency), money(s.newMrr, currency)];
  });
  return renderTable(columns.map((header, index) => ({ header, numeric: index > 0 })), cells);
}

function answersTable(rows: readonly ReportRow[]): string {
  const columns = ['trigger', 'not now', 'too expensive', 'not needed', 'other', 'no reason', 'converted after: click', 'dismissal', 'only seeing', 'no prompt seen'];
  const cells = rows.map((row) => {
    const { dismissed: d, conversionsByLastAction: last } = row.stats;
    return [rowName(row), count(d.not_now), count(d.too_expensive), count(d.not_needed), count(d.other), count(d.unspecified), count(last.clicked), count(last.dismissed), count(last.seen), count(last.none)];
  });
  return renderTable(columns.map((header, index) => ({ header, numeric: index > 0 })), cells);
}

function liftTable(rows: readonly ReportRow[]): string {
  const columns = ['trigger', 'holdout', 'shown: customers', 'converted', 'rate', 'held out: customers', 'converted', 'rate', 'difference (95% CI)', 'lift'];
  const cells = rows.map((row) => {
    const s = row.stats;
    const holdout = holdoutOf(row);
    const share = row.trigger.holdoutShare > 0 ? percent(row.trigger.holdoutShare) : NO_DATA;
    const hasHoldout = row.trigger.holdoutShare > 0 || holdout.customers > 0;
    return [rowName(row), share, count(s.shownCustomers), count(s.shownCustomersConverted), percent(s.shownCustomerConversionRate), count(holdout.customers), count(holdout.conversions), percent(holdout.rate), describeInterval(s.liftInterval, hasHoldout), percent(s.lift)];
  });
  return renderTable(columns.map((header, index) => ({ header, numeric: index > 0 && index < 8 || index === 9 })), cells);
}

function totalsText(totals: ConversionTotals, currency: string): string {
  const m = (value: number) => money(value, currency);
  return [
    `  customers ${count(totals.customers)}, events ${count(totals.events)} (${count(totals.duplicates)} duplicates counted once)`,
    `  starting MRR ${m(totals.startingMrr)}; new ${m(totals.newMrr)}, expansion ${m(totals.expansionMrr)}, contraction ${m(totals.contractionMrr)}, churn ${m(totals.churnedMrr)}`,
    `  expansion rate ${percent(totals.expansionRate)}, NRR ${percent(totals.netRevenueRetention)}`,
    `  conversions ${count(totals.conversions)}: ${count(totals.attributedConversions)} attributed to a trigger, ${count(totals.unattributedConversions)} not`,
  ].join('\n');
}

/** One section as text: its heading (`windowText` for the whole window, see `describeWindow`), the three tables and the totals. */
export function sectionText(section: ReportSection, currency: string, windowText: string): string {
  const heading =
    section.version === null ? `Conversion report, ${windowText}` : `Config version ${section.version}, events ${isoDay(section.span?.from ?? null)} to ${isoDay(section.span?.to ?? null)}`;
  const notInConfig = section.rows.some((row) => !row.inConfig) ? '* no longer in the config (renamed or removed)\n' : '';
  return [
    `${heading}\n`,
    `Funnel\n${funnelTable(section.rows, currency)}`,
    `Dismissals by reason, and conversions by what the customer last did with the prompt\n${answersTable(section.rows)}`,
    `Holdout comparison: customers converting within the attribution window\n${liftTable(section.rows)}${notInConfig}`,
    `Totals\n${totalsText(section.totals, currency)}\n`,
  ].join('\n');
}

/** `events from 2026-11-02 to 2026-11-30`, or the whole file. */
export function describeWindow(from: number | null, to: number | null): string {
  if (from === null && to === null) return 'all events';
  return `events from ${from === null ? 'the start' : isoDay(from)} to ${to === null ? 'the end' : `${isoDay(to)} (exclusive)`}`;
}
