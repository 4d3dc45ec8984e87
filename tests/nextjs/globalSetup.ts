import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { ensureChromium } from '../chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** examples/nextjs under `next start` for this run. */
    nextUrl: string;
    nextChromium: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const app = join(root, 'examples/nextjs');
const next = join(root, 'node_modules/.bin/next');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Builds the packages the app imports and the app itself, then serves it with `next start` on a free port. */
export default async function setup(project: TestProject) {
  const chromium = ensureChromium('The Next.js example tests');
  const env = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' };
  execFileSync('npm', ['run', 'build', '-w', '@upgradekit/core', '-w', '@upgradekit/react', '-w', '@upgradekit/server'], { cwd: root, stdio: 'pipe', env });
  execFileSync(next, ['build'], { cwd: app, stdio: 'pipe', env });
  const dataDir = mkdtempSync(join(tmpdir(), 'upgradekit-nextjs-'));
  const port = await freePort();
  const server = spawn(next, ['start', '-p', String(port), '-H', '127.0.0.1'], { cwd: app, env: { ...env, UPGRADEKIT_DATA_DIR: dataDir }, stdio: 'pipe', detached: true });
  let output = '';
  server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  // Ready once it answers; a server that exits first fails the run with what it printed.
  for (let attempt = 0; ; attempt++) {
    if (server.exitCode !== null) throw new Error(`next start exited (${server.exitCode}):\n${output}`);
    const answered = await fetch(`${url}/api/upgradekit/health`).then((response) => response.ok, () => false);
    if (answered) break;
    if (attempt > 600) throw new Error(`next start did not answer within a minute:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  project.provide('nextUrl', url);
  project.provide('nextChromium', chromium);
  return () => {
    // next start runs the server in a child of its own: end the whole group.
    process.kill(-server.pid!, 'SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  };
}
