#!/usr/bin/env node
// A PostgreSQL for the store's tests and benchmarks. Uses UPGRADEKIT_TEST_DATABASE_URL
// when it is set (CI sets it in .ci/run); otherwise starts a throwaway server in a
// temporary directory with the installed binaries (as the postgres user when run as
// root, since PostgreSQL refuses to run as root), and removes it when stopped.
// When PostgreSQL is missing it says exactly what to install, so the PostgreSQL half
// of a suite fails with that message instead of passing without running.
//
// As a command: `node scripts/postgres.mjs` starts one and prints its URL until Ctrl-C.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ENV = 'UPGRADEKIT_TEST_DATABASE_URL';

export const INSTALL_HINT =
  'PostgreSQL is not installed here, so the PostgreSQL half of the store tests cannot run. Install it ' +
  '(Debian/Ubuntu: `sudo apt-get update && sudo apt-get install -y --no-install-recommends postgresql`), ' +
  `or point the tests at a server you run: ${ENV}=postgres://user:password@127.0.0.1:5432/database npm test`;

/** The directory of `initdb`, `pg_ctl` and `postgres`, newest version first; `null` when none is installed. */
export function findBinaries() {
  const candidates = [];
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    // no pg_config on the PATH
  }
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    for (const version of readdirSync(debian).sort((a, b) => Number(b) - Number(a))) candidates.push(join(debian, version, 'bin'));
  }
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) ?? null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL binary, as the postgres user when this process is root. */
function run(bin, args, asRoot) {
  const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const result = spawnSync(command, argv, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed: ${result.stderr || result.stdout || result.error?.message}`);
  return result.stdout;
}

/**
 * A PostgreSQL to test against: `{ url, stop() }`. `durable: true` keeps fsync and
 * synchronous commits on (benchmarks measure what production pays); tests turn
 * them off, since what they kill is the server process, never the database.
 */
export async function startPostgres({ durable = false } = {}) {
  if (process.env[ENV]) return { url: process.env[ENV], source: ENV, stop: async () => {} };
  const bin = findBinaries();
  if (!bin) throw new Error(INSTALL_HINT);
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'upgradekit-pg-'));
  const data = join(dir, 'data');
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const port = await freePort();
  run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync'], asRoot);
  const settings = ['-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', ...(durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'])];
  run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-o', settings.join(' '), 'start'], asRoot);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    source: `a throwaway server in ${dir}`,
    async stop() {
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], asRoot);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const postgres = await startPostgres();
  console.log(`${postgres.url}  (${postgres.source}; Ctrl-C stops it)`);
  const stop = () => void postgres.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  setInterval(() => {}, 1 << 30);
}
