import { createReadStream } from 'node:fs';
import type { ImportResult } from '@upgradekit/server/node';
import { parseCommandArgs, stringOf } from '../args.js';
import { assertReadableFile } from '../files.js';
import { write, type Io } from '../io.js';
import { count } from '../output/format.js';
import { createProgress } from '../progress.js';
import { DEFAULT_DATA_DIR, describeStartError } from '../server/storeErrors.js';
import { EXIT, UsageError } from '../usageError.js';
import type { Command } from './command.js';

/** How many refused lines are listed; the rest are counted. */
const SHOWN_REFUSED = 10;

const HELP = `Usage: upgradekit import <events.ndjson | -> [options]

Loads an NDJSON history (one event per line, as upgradekit sample and exports
write it) into the embedded store that upgradekit serve reads. Every line is
checked with the server's own event schemas; events already stored (by id) are
skipped, so importing a file twice stores it once. Imported events never call
webhooks. Refused lines are listed with their line number. With - it reads
standard input: upgradekit sample --config c.json | upgradekit import -

Stop upgradekit serve on the same data directory first: the store is one
process's at a time, and import refuses to run while the server holds it.

Options:
  --data-dir <dir>   the store's data directory (default ${DEFAULT_DATA_DIR})
  --app <name>       the app the events belong to, as a write key's would
                     (default "default")
  -h, --help         this help

Exit codes: 0 every line stored or already there; 1 some lines were refused
(the others are stored); 2 not run (a missing file, the directory in use).
`;

const OPTIONS = {
  'data-dir': { type: 'string' },
  app: { type: 'string' },
} as const;

async function report(io: Io, file: string, location: string, app: string, result: ImportResult): Promise<void> {
  await write(io.stdout, `${file} → ${location} (app "${app}"): ${count(result.stored)} stored, ${count(result.duplicates)} already there, ${count(result.rejected)} refused\n`);
  if (result.rejected === 0) return;
  const shown = result.errors.slice(0, SHOWN_REFUSED).map(({ line, reason }) => `${file}:${line}: ${reason}\n`);
  const more = result.rejected - shown.length;
  await write(io.stderr, `${shown.join('')}${more > 0 ? `(${count(more)} more refused line${more === 1 ? '' : 's'} not shown)\n` : ''}`);
}

export const importCommand: Command = {
  name: 'import',
  summary: 'load an NDJSON history into the store upgradekit serve reads',
  help: HELP,
  async run(argv, io) {
    const args = parseCommandArgs('import', argv, OPTIONS, 1);
    if (args.values.help) return write(io.stdout, HELP).then(() => EXIT.ok);
    const file = args.positionals[0];
    if (file === undefined) throw new UsageError('which file? upgradekit import <events.ndjson> (see upgradekit import --help)');
    const fromStdin = file === '-';
    const size = fromStdin ? 0 : await assertReadableFile(file);
    const app = stringOf(args, 'app') || 'default';
    // Loaded here, not at the top: every other command starts without the database's code.
    const [{ createPgliteStore }, { importEvents }] = await Promise.all([import('@upgradekit/server/pglite'), import('@upgradekit/server/node')]);
    let store;
    try {
      store = await createPgliteStore({ dataDir: stringOf(args, 'data-dir') || DEFAULT_DATA_DIR });
    } catch (error) {
      throw describeStartError(error, { doing: 'import' });
    }
    // Standard input has no size to measure progress against: no bar then.
    const progress = createProgress(io, 'import', size);
    let result: ImportResult;
    try {
      result = await importEvents(store, fromStdin ? process.stdin : createReadStream(file), { app, onProgress: ({ bytes }) => progress.update(bytes) });
    } finally {
      progress.stop();
      await store.close();
    }
    await report(io, fromStdin ? 'stdin' : file, store.location, app, result);
    return result.rejected > 0 ? EXIT.problems : EXIT.ok;
  },
};
