import { createWriteStream, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { isoDate, parseCommandArgs, required, stringOf, wholeNumber } from '../args.js';
import { requireConfig } from '../files.js';
import { write } from '../io.js';
import { createProgress } from '../progress.js';
import { generateSample } from '../sample/generateSample.js';
import { startStats } from '../stats.js';
import { EXIT, UsageError } from '../usageError.js';
import type { Command } from './command.js';

/** The default first day: a fixed date, so that a default run gives the same file on any day. */
export const DEFAULT_START = '2026-11-02';

const HELP = `Usage: upgradekit sample --config <config.json> [options]

Generates realistic event histories as NDJSON, made by the real SDK: each customer
is a client with the prompt engine on a simulated clock, driven day by day by
seeded behaviour (plans, usage growing at its own pace, attempts at premium
features, prompts clicked or dismissed with a reason, trials, upgrades, churn).
The same options give byte-identical output. Events are written in time order.

Options:
  --config <file>       the config the customers run with (required)
  --customers <N>       how many customers, at most 100,000 (default 200); their
                        clients run side by side, so memory grows with customers,
                        not with days
  --days <D>            how many days (default 28)
  --seed <S>            the random seed (default 1)
  --start <ISO date>    the first day (default ${DEFAULT_START})
  --out <file>          write there instead of stdout
  --stats               print events/s and peak memory to stderr
  -h, --help            this help
`;

const OPTIONS = {
  config: { type: 'string' },
  customers: { type: 'string' },
  days: { type: 'string' },
  seed: { type: 'string' },
  start: { type: 'string' },
  out: { type: 'string' },
  stats: { type: 'boolean' },
} as const;

/** A file opened for writing, or one line saying why it cannot be. */
async function openForWriting(path: string): Promise<WriteStream> {
  const stream = createWriteStream(path);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (error) => reject(new UsageError(`cannot write ${path}: ${error.message}`)));
  });
  return stream;
}

export const sampleCommand: Command = {
  name: 'sample',
  summary: 'generate realistic event histories with the real SDK (NDJSON)',
  help: HELP,
  async run(argv, io) {
    const args = parseCommandArgs('sample', argv, OPTIONS, 0);
    if (args.values.help) return write(io.stdout, HELP).then(() => EXIT.ok);
    const options = {
      customers: wholeNumber(args, 'customers', 200, 1, 100_000),
      days: wholeNumber(args, 'days', 28, 1, 3660),
      seed: wholeNumber(args, 'seed', 1, -(2 ** 31), 2 ** 31 - 1),
      start: isoDate(args, 'start') ?? Date.parse(DEFAULT_START),
    };
    const config = await requireConfig(required(args, 'config'));
    const outPath = stringOf(args, 'out');
    const file = outPath === undefined ? null : await openForWriting(outPath);
    const out = file ?? io.stdout;
    const done = startStats(io, args.values.stats === true);
    const progress = createProgress(io, 'sample', options.days);
    try {
      const events = await generateSample(config, options, (text) => write(out, text), (day) => progress.update(day));
      if (file) await finished(file.end());
      await done(events);
    } finally {
      progress.stop();
    }
    return EXIT.ok;
  },
};
