import { simulationResults } from '@upgradekit/core/replay';
import { oneOf, parseCommandArgs, required, stringOf, threadsOption, timeWindow, wholeNumber } from '../args.js';
import { assertReadableFile, requireConfig } from '../files.js';
import { write } from '../io.js';
import { simulateHere, simulateInThreads, threadsFor } from '../simulate/runSimulation.js';
import { simulationCsv, simulationJson, simulationTable, type LabeledSimulation } from '../simulate/simulateOutput.js';
import { startStats } from '../stats.js';
import { EXIT } from '../usageError.js';
import type { Command } from './command.js';

const HELP = `Usage: upgradekit simulate --config <config.json> --events <events.ndjson> [options]

Replays each customer's history through the real trigger engine and arbiter (the
SDK's own code, on a simulated clock) and tells, per trigger: the customers it
fires for, the prompts actually shown after governance (priorities, caps,
cool-downs, max impressions, snoozes, holdouts), shown per week, and the prompts
a customer would see per week (median and 95th percentile over active
customer-weeks). With --compare, both configs side by side with the difference.

The replay applies what customers did (usage, gate hits, product events, trials,
upgrades) and their recorded answers (a click or a dismissal of a prompt the
replay shows); a pause of 30 minutes ends a visit, and prompts left unanswered
count again when shown next time. Activation follows the config's
policy.activation; a customer the history shows a modal or trial prompt was
activated. Events are grouped by customer and put in time order first; a large
file is grouped through temporary files, so memory stays bounded.

Options:
  --config <file>            the config to simulate (required)
  --events <file>            NDJSON, one event per line (required)
  --compare <file>           a second config, e.g. a tuned copy, side by side
  --from <ISO date>          ignore events before (inclusive start)
  --to <ISO date>            ignore events from then on (exclusive end)
  --format table|json|csv    table (default), json or csv
  --memory <MiB>             how much of the file is grouped by customer in memory
                             at once, shared by the threads; a larger file goes
                             through temporary files (default 4)
  --threads <n>              threads that read and replay, each for its share of
                             the customers (default: one per core, up to 4, for a
                             file of 16 MiB or more; else 1)
  --stats                    print events/s and peak memory to stderr
  -h, --help                 this help

Malformed lines are reported on stderr (file:line: reason), skipped and counted;
the simulation covers the rest, and the exit code is then 1.
`;

const OPTIONS = {
  config: { type: 'string' },
  events: { type: 'string' },
  compare: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  format: { type: 'string' },
  memory: { type: 'string' },
  threads: { type: 'string' },
  stats: { type: 'boolean' },
} as const;

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'replay a history through a config (or two, side by side)',
  help: HELP,
  async run(argv, io) {
    const args = parseCommandArgs('simulate', argv, OPTIONS, 0);
    if (args.values.help) return write(io.stdout, HELP).then(() => EXIT.ok);
    const format = oneOf(args, 'format', ['table', 'json', 'csv'], 'table');
    const window = timeWindow(args);
    const bucketBytes = wholeNumber(args, 'memory', 4, 1, 4096) << 20;
    const eventsPath = required(args, 'events');
    const paths = [required(args, 'config'), stringOf(args, 'compare')].filter((path): path is string => path !== undefined);
    const configs = await Promise.all(paths.map(requireConfig));
    const fileBytes = await assertReadableFile(eventsPath);
    const threads = threadsFor(fileBytes, threadsOption(args));
    const done = startStats(io, args.values.stats === true);
    const job = { path: eventsPath, configs, window, fileBytes, bucketBytes };
    const { scan, span, parts } = threads === 1 ? await simulateHere(io, job) : await simulateInThreads(io, job, threads);
    const results = simulationResults(configs, parts, span);
    const simulations: LabeledSimulation[] = results.map((result, index) => ({ config: paths[index]!, ...result }));
    const output = format === 'json' ? simulationJson(simulations) : format === 'csv' ? simulationCsv(simulations) : simulationTable(simulations, eventsPath);
    await write(io.stdout, output);
    await done(scan.events);
    return scan.skipped > 0 ? EXIT.problems : EXIT.ok;
  },
};
