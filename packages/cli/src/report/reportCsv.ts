import { renderCsv } from '../output/table.js';
import { holdoutOf, type ReportSection } from './reportRows.js';

/** The CSV columns: one row per trigger (or variant), every figure as a plain number. */
const HEADERS = [
  'version',
  'trigger',
  'variant',
  'in_config',
  'fired',
  'held_out',
  'shown',
  'clicked',
  'dismissed',
  'dismissed_not_now',
  'dismissed_too_expensive',
  'dismissed_not_needed',
  'dismissed_other',
  'dismissed_unspecified',
  'trials_started',
  'conversions',
  'conversion_rate',
  'click_through_rate',
  'new_mrr',
  'expansion_mrr',
  'converted_after_click',
  'converted_after_dismissal',
  'converted_after_seeing',
  'converted_without_prompt',
  'holdout_share',
  'shown_customers',
  'shown_customers_converted',
  'shown_customer_conversion_rate',
  'held_out_customers',
  'held_out_conversions',
  'holdout_conversion_rate',
  'rate_difference',
  'rate_difference_low',
  'rate_difference_high',
  'interval_missing_because',
  'lift',
];

/** The report's rows as CSV, for spreadsheets. Totals are in the table and JSON formats. */
export function reportCsv(sections: readonly ReportSection[]): string {
  const rows = sections.flatMap((section) =>
    section.rows.map((row) => {
      const s = row.stats;
      const holdout = holdoutOf(row);
      const interval = s.liftInterval;
      return [
        row.version,
        row.trigger.triggerId,
        row.variant,
        row.inConfig,
        s.fired,
        s.heldOut,
        s.shown,
        s.clicked,
        s.dismissed.total,
        s.dismissed.not_now,
        s.dismissed.too_expensive,
        s.dismissed.not_needed,
        s.dismissed.other,
        s.dismissed.unspecified,
        s.trialsStarted,
        s.conversions,
        s.conversionRate,
        s.clickThroughRate,
        s.newMrr,
        s.expansionMrr,
        s.conversionsByLastAction.clicked,
        s.conversionsByLastAction.dismissed,
        s.conversionsByLastAction.seen,
        s.conversionsByLastAction.none,
        row.trigger.holdoutShare,
        s.shownCustomers,
        s.shownCustomersConverted,
        s.shownCustomerConversionRate,
        holdout.customers,
        holdout.conversions,
        holdout.rate,
        interval.difference,
        interval.low,
        interval.high,
        interval.insufficient,
        s.lift,
      ];
    }),
  );
  return renderCsv(HEADERS, rows);
}
