import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cockpitStaticDir } from '@upgradekit/cockpit';
import type { StartedServer } from '@upgradekit/server/node';
import { parseCommandArgs, stringOf, stringsOf, wholeNumber, type ParsedArgs } from '../args.js';
import { requireConfigFile } from '../files.js';
import { write, type Io } from '../io.js';
import { serveBanner, type ServeFacts } from '../server/serveBanner.js';
import { DEFAULT_DATA_DIR, describeStartError } from '../server/storeErrors.js';
import { untilStopped } from '../server/untilStopped.js';
import { EXIT, UsageError } from '../usageError.js';
import type { Command } from './command.js';

const DEFAULT_PORT = 4390;
const DEFAULT_HOST = '127.0.0.1';

const HELP = `Usage: upgradekit serve [options]

Runs the UpgradeKit server: the API at /api (event ingest, the remote config
with its versions, the report across customers) and the cockpit at /, on the
embedded PostgreSQL (PGlite) store kept in a data directory. It runs until
Ctrl-C or SIGTERM, then closes the store and releases the directory (a
second Ctrl-C while it closes stops it at once).

Options:
  --data-dir <dir>        where the data lives (default ${DEFAULT_DATA_DIR}); one
                          process at a time: a second serve or import is refused
  --port <N>              the port (default ${DEFAULT_PORT}; 0 picks a free one)
  --host <address>        the address to listen on (default ${DEFAULT_HOST}, this
                          machine only; 0.0.0.0 for every interface)
  --config <file>         the config served while the store holds none: stored
                          as the first version (default: none; publish one in
                          the cockpit)
  --admin-token <token>   signs in to the cockpit and the admin API (default:
                          $UPGRADEKIT_ADMIN_TOKEN, else a random one, printed)
  --write-key <key>       the key the browser SDK sends (x-upgradekit-key or
                          ?key=) (default: none, ingest refuses every request)
  --app <name>            the app the write key's events belong to (default
                          "default", as upgradekit import stores them)
  --allowed-origin <url>  an origin that may call from a browser, exactly
                          (https://app.acme.com); repeat it for more (default:
                          none, same-origin pages only)
  -h, --help              this help

A data directory in use by another process, or a port in use, stops it with
exit code 2 and a line saying which.
`;

const OPTIONS = {
  'data-dir': { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  config: { type: 'string' },
  'admin-token': { type: 'string' },
  'write-key': { type: 'string' },
  app: { type: 'string' },
  'allowed-origin': { type: 'string', multiple: true },
} as const;

/** `--allowed-origin` as the exact origin browsers send: a trailing `/` is dropped, a path is a mistake. */
function originOf(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--allowed-origin must be an origin such as https://app.acme.com (got ${JSON.stringify(text)})`);
  }
  if (!/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash) {
    throw new UsageError(`--allowed-origin must be an origin such as https://app.acme.com, without a path (got ${JSON.stringify(text)})`);
  }
  return url.origin;
}

function nonEmpty(args: ParsedArgs, name: string): string | undefined {
  const value = stringOf(args, name);
  if (value === '') throw new UsageError(`--${name} needs a value`);
  return value;
}

function adminTokenOf(args: ParsedArgs): Pick<ServeFacts, 'adminToken' | 'tokenSource'> {
  const flag = nonEmpty(args, 'admin-token');
  if (flag !== undefined) return { adminToken: flag, tokenSource: 'flag' };
  const env = process.env.UPGRADEKIT_ADMIN_TOKEN;
  if (env) return { adminToken: env, tokenSource: 'env' };
  return { adminToken: randomBytes(24).toString('base64url'), tokenSource: 'generated' };
}

async function start(args: ParsedArgs, io: Io, facts: Omit<ServeFacts, 'url' | 'dataLocation' | 'live' | 'startedAt'>): Promise<StartedServer> {
  const configPath = facts.configPath;
  const port = wholeNumber(args, 'port', DEFAULT_PORT, 0, 65535);
  const host = nonEmpty(args, 'host') ?? DEFAULT_HOST;
  const config = configPath === undefined ? undefined : (await requireConfigFile(configPath)).input;
  // Loaded here, not at the top: every other command starts without the database's code.
  const { startServer } = await import('@upgradekit/server/node');
  try {
    return await startServer({
      dataDir: nonEmpty(args, 'data-dir') ?? DEFAULT_DATA_DIR,
      port,
      host,
      config,
      adminToken: facts.adminToken,
      writeKeys: facts.writeKey === undefined ? undefined : { [facts.writeKey]: { app: facts.app } },
      allowedOrigins: facts.allowedOrigins,
      staticDir: facts.cockpit ? cockpitStaticDir : undefined,
      onWarning: (message) => void write(io.stderr, `${message}\n`),
    });
  } catch (error) {
    throw describeStartError(error, { host, port, doing: 'serve' });
  }
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'run the server: the API, the cockpit and the embedded store',
  help: HELP,
  async run(argv, io) {
    const args = parseCommandArgs('serve', argv, OPTIONS, 0);
    if (args.values.help) return write(io.stdout, HELP).then(() => EXIT.ok);
    const facts = {
      ...adminTokenOf(args),
      configPath: nonEmpty(args, 'config'),
      writeKey: nonEmpty(args, 'write-key'),
      app: nonEmpty(args, 'app') ?? 'default',
      allowedOrigins: stringsOf(args, 'allowed-origin').map(originOf),
      cockpit: existsSync(join(cockpitStaticDir, 'index.html')),
    };
    const startedAt = Date.now();
    // Listening for the signals from here: a Ctrl-C while the store opens closes it once open, lock released.
    const stopped = untilStopped();
    const server = await start(args, io, facts);
    try {
      const live = await server.store.liveConfig();
      await write(io.stdout, serveBanner({ ...facts, url: server.url, dataLocation: server.dataLocation, live, startedAt }));
      const signal = await stopped;
      await write(io.stdout, `Stopping (${signal})...\n`);
    } finally {
      await server.close();
    }
    await write(io.stdout, `Stopped. The data stays in ${server.dataLocation}.\n`);
    return EXIT.ok;
  },
};
