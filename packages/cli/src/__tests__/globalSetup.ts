import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A data directory whose store `upgradekit import` created, empty: tests copy it rather than wait for a new database each. */
    emptyStore: string;
  }
}

const root = fileURLToPath(new URL('../../../../', import.meta.url));

/** The newest modification time of the sources under `dir` (tests aside), in ms. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, entry.name === '__tests__' ? 0 : newestSource(path));
    else if (/\.(tsx?|json|css)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const builtAt = (file: string) => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
};

/**
 * The CLI's tests run the built CLI, which runs the built core and server and
 * serves the built cockpit: each is built
 * first when its `dist` is missing or older than its sources, so `npm test`
 * works on a fresh clone (after `npm ci`) as well as after `npm run build`.
 */
export function buildWhatTheCliRuns(): void {
  for (const [name, dir, entry] of [
    ['@upgradekit/core', 'packages/core', 'dist/index.js'],
    ['@upgradekit/server', 'packages/server', 'dist/node/index.js'],
    ['@upgradekit/cockpit', 'packages/cockpit', 'dist/index.html'],
    ['@upgradekit/cli', 'packages/cli', 'dist/bin.js'],
  ] as const) {
    if (builtAt(join(root, dir, entry)) > newestSource(join(root, dir, 'src'))) continue;
    const build = spawnSync('npm', ['run', 'build', '-w', name], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`building ${name} for the CLI tests failed:\n${build.stdout}\n${build.stderr}`);
  }
}

/** Builds what is stale, and makes the empty store the tests start from. */
export default function setup(project: TestProject): () => void {
  buildWhatTheCliRuns();
  const dir = mkdtempSync(join(tmpdir(), 'upgradekit-cli-store-'));
  writeFileSync(join(dir, 'empty.ndjson'), '');
  const made = spawnSync(process.execPath, [join(root, 'packages/cli/bin/upgradekit.js'), 'import', join(dir, 'empty.ndjson'), '--data-dir', join(dir, 'store')], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`creating an empty store for the CLI tests failed:\n${made.stdout}\n${made.stderr}`);
  project.provide('emptyStore', join(dir, 'store'));
  return () => rmSync(dir, { recursive: true, force: true });
}
