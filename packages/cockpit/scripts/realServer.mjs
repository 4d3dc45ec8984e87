// The built cockpit on a real server: `@upgradekit/server`'s Node adapter with its
// embedded store in a temporary directory, seeded with `upgradekit sample` history
// (the CLI as a child process) for the CLI's sample config. For the screenshots, so
// what they show is what a team running the server sees. Reads the built packages.
import { execFileSync } from 'node:child_process';
import { createReadStream, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importEvents, startServer } from '@upgradekit/server/node';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const CONFIG = join(root, 'packages/cli/examples/upgradekit.json');
const CLI = join(root, 'packages/cli/dist/bin.js');

/** Starts it on 127.0.0.1 (an ephemeral port) with `customers` customers over `days` days from `start` (YYYY-MM-DD). */
export async function startSeededCockpit({ token, start, days = 28, customers = 300, seed = 3 }) {
  const work = await mkdtemp(join(tmpdir(), 'cockpit-real-'));
  const history = join(work, 'history.ndjson');
  execFileSync(process.execPath, [CLI, 'sample', '--config', CONFIG, '--customers', String(customers), '--days', String(days), '--start', start, '--seed', String(seed), '--out', history], { stdio: 'inherit' });
  const server = await startServer({ dataDir: join(work, 'data'), port: 0, adminToken: token, staticDir: fileURLToPath(new URL('../dist/', import.meta.url)), config: JSON.parse(readFileSync(CONFIG, 'utf8')) });
  const imported = await importEvents(server.store, createReadStream(history));
  if (imported.rejected > 0) throw new Error(`The sample history had ${imported.rejected} refused lines: ${JSON.stringify(imported.errors.slice(0, 3))}`);
  return {
    url: server.url,
    async close() {
      await server.close();
      await rm(work, { recursive: true, force: true });
    },
  };
}
