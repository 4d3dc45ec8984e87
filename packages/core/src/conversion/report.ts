import type { Config } from '../config/schema.js';
import type { UpgradeKitEvent } from './events.js';
import { createReportAccumulator } from './reportAccumulator.js';
import type { BuildReportOptions, ConversionReport } from './reportTypes.js';

/*
 * The conversion report, in one pass over the events (see `reportAccumulator.ts`).
 * The customer-level figures (who saw a prompt, or was held out, and upgraded within
 * the attribution window; what they last did with it) need the upgrade times, which
 * may arrive after or before the exposures in an unsorted stream, so exposure and
 * upgrade times are kept per customer and matched once at the end.
 */

/**
 * The conversion report of an event stream: per trigger and variant, the funnel
 * from fired to upgraded, the holdout's conversion rate, the lift over it with a 95%
 * confidence interval, and conversions by what the customer last did with the
 * prompt; in total, MRR movements, expansion rate and NRR. Pure, single pass, any
 * runtime. For a stream that is not a synchronous iterable, use `createReportAccumulator`.
 *
 * - Events with an id seen before count once.
 * - Events outside `[from, to)` are ignored entirely, including for attribution
 *   windows: a customer held out or shown near `to` has less time to convert
 *   (alike in both groups, so lift stays comparable). To follow every exposure
 *   for a full window, end `to` one window later.
 * - Upgrades are attributed as the events say (`triggerId`/`variant` on
 *   `upgrade.completed` and `trial.started`); an event without a `variant` counts
 *   as `control`.
 * - Events need not be sorted.
 * - With `byConfigVersion`, `versions` has the same figures per config version.
 */
export function buildReport(events: Iterable<UpgradeKitEvent>, config: Config, options: BuildReportOptions = {}): ConversionReport {
  const accumulator = createReportAccumulator(config, options);
  for (const event of events) accumulator.add(event);
  return accumulator.result();
}
