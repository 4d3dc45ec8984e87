import { HOLDOUT } from '@upgradekit/core/internal';
import type { ConversionReport, FunnelStats, TriggerReport, VersionReport } from '@upgradekit/core/report';

/** What `--by` splits the report by. */
export type ReportSplit = 'trigger' | 'variant' | 'version';

/** One line of the report: a trigger, or one variant of it, in one config version (or all). */
export interface ReportRow {
  /** `null`: every version; otherwise the events' `configVersion` (`(none)` for events without one). */
  version: string | null;
  trigger: TriggerReport;
  /** The variant's name, or `null` for the trigger across its variants. */
  variant: string | null;
  stats: FunnelStats;
  /** Whether the config names this trigger (and variant). */
  inConfig: boolean;
}

export const NO_VERSION = '(none)';

/** Rows of the triggers of one section: per trigger, or per variant with `byVariant`. */
export function rowsOf(triggers: readonly TriggerReport[], version: string | null, byVariant: boolean): ReportRow[] {
  return triggers.flatMap((trigger): ReportRow[] =>
    byVariant
      ? trigger.variants.map((variant) => {
          // The holdout is an arm of the experiment, though no config lists it among the variants.
          const inConfig = trigger.inConfig && (variant.inConfig || variant.variant === HOLDOUT);
          return { version, trigger, variant: variant.variant, stats: variant, inConfig };
        })
      : [{ version, trigger, variant: null, stats: trigger, inConfig: trigger.inConfig }],
  );
}

export interface ReportSection {
  /** `null` for the whole window; else the config version. */
  version: string | null;
  /** The version's first and last event, when split by version. */
  span: { from: number; to: number } | null;
  rows: ReportRow[];
  totals: ConversionReport['totals'];
}

/** The report as sections: one for the whole window, or one per config version. */
export function sectionsOf(report: ConversionReport, split: ReportSplit): ReportSection[] {
  if (split === 'version' && report.versions) {
    return report.versions.map((version: VersionReport) => {
      const name = version.configVersion ?? NO_VERSION;
      return { version: name, span: { from: version.firstAt, to: version.lastAt }, rows: rowsOf(version.triggers, name, false), totals: version.totals };
    });
  }
  return [{ version: null, span: null, rows: rowsOf(report.triggers, null, split === 'variant'), totals: report.totals }];
}

/** A row's name: `power-user-pdf`, `power-user-pdf / b`, with `*` when the config no longer names it. */
export function rowName(row: ReportRow): string {
  const name = row.variant === null ? row.trigger.triggerId : `${row.trigger.triggerId} / ${row.variant}`;
  return row.inConfig ? name : `${name} *`;
}

/** The holdout comparison every row is measured against: its trigger's held-out customers. */
export const holdoutOf = (row: ReportRow) => ({ customers: row.trigger.heldOutCustomers, conversions: row.trigger.heldOutConversions, rate: row.trigger.holdoutConversionRate });
