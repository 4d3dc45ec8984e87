import { createReportAccumulator, type ConversionReport } from '@upgradekit/core/report';
import { oneOf, parseCommandArgs, required, timeWindow } from '../args.js';
import { requireConfig } from '../files.js';
import { write } from '../io.js';
import { readEvents } from '../ndjson/eventReader.js';
import { reportCsv } from '../report/reportCsv.js';
import { sectionsOf, type ReportSplit } from '../report/reportRows.js';
import { describeWindow, sectionText } from '../report/reportTables.js';
import { startStats } from '../stats.js';
import { EXIT } from '../usageError.js';
import type { Command } from './command.js';

const HELP = `Usage: upgradekit report --config <config.json> --events <events.ndjson> [options]

The conversion report per trigger, from core's buildReport (the figures the
collector and the dashboard show): fired, held out, shown, clicked, dismissed by
reason, trials, conversions, conversion rate, expansion MRR, conversions by what
the customer last did with the prompt, and the holdout comparison: the shown
customers' conversion rate against the held-out customers', as a difference with
its 95% confidence interval ("too few customers" under 30 in a group, or without
conversions). Totals: starting, new, expansion, contraction and churned MRR,
expansion rate and NRR. The same event id counts once.

Options:
  --config <file>            the config the triggers are read from (required)
  --events <file>            NDJSON, one event per line (required)
  --by trigger|variant|version
                             rows per trigger (default), per experiment variant,
                             or one report per config version (the events' configVersion)
  --from <ISO date>          ignore events before (inclusive start)
  --to <ISO date>            ignore events from then on (exclusive end)
  --format table|json|csv    table (default); json: buildReport's result as is;
                             csv: one row per trigger (or variant), every figure
  --stats                    print events/s and peak memory to stderr
  -h, --help                 this help

Malformed lines are reported on stderr (file:line: reason), skipped and counted;
the report covers the rest, and the exit code is then 1.
`;

const OPTIONS = {
  config: { type: 'string' },
  events: { type: 'string' },
  by: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  format: { type: 'string' },
  stats: { type: 'boolean' },
} as const;

function render(report: ConversionReport, split: ReportSplit, format: 'table' | 'json' | 'csv', currency: string): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  const sections = sectionsOf(report, split);
  if (format === 'csv') return reportCsv(sections);
  const window = describeWindow(report.from, report.to);
  return sections.map((section) => sectionText(section, currency, window)).join('\n');
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'conversion per trigger: funnel, holdout lift with its interval, NRR',
  help: HELP,
  async run(argv, io) {
    const args = parseCommandArgs('report', argv, OPTIONS, 0);
    if (args.values.help) return write(io.stdout, HELP).then(() => EXIT.ok);
    const split = oneOf(args, 'by', ['trigger', 'variant', 'version'], 'trigger');
    const format = oneOf(args, 'format', ['table', 'json', 'csv'], 'table');
    const window = timeWindow(args);
    const eventsPath = required(args, 'events');
    const config = await requireConfig(required(args, 'config'));
    const done = startStats(io, args.values.stats === true);
    const accumulator = createReportAccumulator(config, { ...window, byConfigVersion: split === 'version' });
    // Usage, gate hits and product events count only as activity: read without building them.
    const scan = await readEvents(eventsPath, io, (event) => accumulator.add(event), (activity) => accumulator.addActivity(activity));
    await write(io.stdout, render(accumulator.result(), split, format, config.plans[0]?.price.currency ?? 'USD'));
    await done(scan.events);
    return scan.skipped > 0 ? EXIT.problems : EXIT.ok;
  },
};
