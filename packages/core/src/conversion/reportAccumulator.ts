import { attributionWindowMs } from '../config/policy.js';
import type { Config } from '../config/schema.js';
import type { UpgradeKitEvent } from './events.js';
import { matchExposures, triggerReport } from './reportMatching.js';
import { createSegment, type CustomerActivity, type Segment } from './reportSegment.js';
import type { BuildReportOptions, ConversionReport, VersionReport } from './reportTypes.js';

/** Event types that change a figure of the report when counted twice. */
const BUILT = '[upgradekit] the report was already built: create a new accumulator';
const COUNTED = new Set<string>(['trigger.fired', 'prompt.held_out', 'prompt.shown', 'prompt.clicked', 'prompt.dismissed', 'trial.started', 'upgrade.completed']);

/**
 * The conversion report built one event at a time, for streams that are not a
 * synchronous iterable (a file read line by line, a database cursor): `add` every
 * event, then call `result()` once. `buildReport` is this over an iterable.
 */
export interface ReportAccumulator {
  /** Counts one event. Throws once `result()` was called. */
  add(event: UpgradeKitEvent): void;
  /**
   * Counts an event of a type that moves no funnel figure (`usage.tracked`,
   * `gate.hit`, `event.recorded`, `trial.ended`), given only what the report reads
   * of it: the same as `add(event)` for such an event, without building it. For
   * readers of millions of lines. Throws once `result()` was called.
   */
  addActivity(activity: CustomerActivity): void;
  /** The report of every event added; the same object on every call. */
  result(): ConversionReport;
}

/**
 * Starts a report over `config` (see `buildReport` for what is counted, and
 * `BuildReportOptions` for the window and the split by config version).
 */
export function createReportAccumulator(config: Config, options: BuildReportOptions = {}): ReportAccumulator {
  const from = options.from ?? -Infinity;
  const to = options.to ?? Infinity;
  const whole = createSegment(config);
  const versions = options.byConfigVersion ? new Map<string | null, Segment>() : null;
  const versionOf = (version: string | null) => {
    let segment = versions!.get(version);
    if (!segment) versions!.set(version, (segment = createSegment(config)));
    return segment;
  };
  // Positive upgrade times by customer, shared by every segment: a customer shown a
  // prompt under one config version may upgrade under the next.
  const upgrades = new Map<string, number[]>();
  const seen = new Set<string>();
  let report: ConversionReport | null = null;
  const accumulator: ReportAccumulator = {
    addActivity(activity) {
      if (report) throw new Error(BUILT);
      // Written as a negated range so a missing or NaN `at` falls outside too.
      if (!(activity.at >= from && activity.at < to)) return;
      whole.totals.events++;
      whole.touch(activity);
      if (!versions) return;
      const version = versionOf(activity.configVersion ?? null);
      version.totals.events++;
      version.touch(activity);
    },
    add(event) {
      // Only events that move a figure need their id remembered: a repeated
      // usage.tracked, gate.hit or trial.ended changes nothing, and those are most of
      // the stream; skipping them keeps the Set small, which is most of the time spent.
      if (!COUNTED.has(event.type)) return accumulator.addActivity(event);
      if (report) throw new Error(BUILT);
      if (!(event.at >= from && event.at < to)) return;
      const version = versions && versionOf(event.configVersion ?? null);
      whole.totals.events++;
      if (version) version.totals.events++;
      // One hash lookup instead of has() then add(): the size tells whether it was new.
      const size = seen.size;
      if (seen.add(event.id).size === size) {
        whole.totals.duplicates++;
        if (version) version.totals.duplicates++;
        return;
      }
      if (event.type === 'upgrade.completed' && event.mrrDelta > 0) {
        const times = upgrades.get(event.customerId);
        if (times) times.push(event.at);
        else upgrades.set(event.customerId, [event.at]);
      }
      whole.count(event);
      version?.count(event);
    },
    result() {
      if (report) return report;
      const window = attributionWindowMs(config);
      matchExposures(whole, upgrades, window);
      report = {
        from: Number.isFinite(from) ? from : null,
        to: Number.isFinite(to) ? to : null,
        attributionWindowMs: window,
        triggers: [...whole.triggers.values()].map(triggerReport),
        totals: whole.totals,
      };
      if (versions) report.versions = versionReports(versions, upgrades, window);
      return report;
    },
  };
  return accumulator;
}

function versionReports(versions: Map<string | null, Segment>, upgrades: ReadonlyMap<string, number[]>, window: number): VersionReport[] {
  const reports = [...versions].map(([configVersion, segment]): VersionReport => {
    matchExposures(segment, upgrades, window);
    return { configVersion, firstAt: segment.firstAt, lastAt: segment.lastAt, triggers: [...segment.triggers.values()].map(triggerReport), totals: segment.totals };
  });
  // Earliest first; versions seen at the same moment by name, so the order does not depend on the input's.
  return reports.sort((a, b) => a.firstAt - b.firstAt || String(a.configVersion).localeCompare(String(b.configVersion)));
}
