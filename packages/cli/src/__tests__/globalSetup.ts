import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
export default function setup(): void {
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
