import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { assertConfig, type Config } from '@upgradekit/core';

/** The `upgradekit` command as npm links it, which runs the built CLI in dist/. */
export const BIN = fileURLToPath(new URL('../../bin/upgradekit.js', import.meta.url));
/** The example config the docs use. */
export const EXAMPLE = fileURLToPath(new URL('../../examples/upgradekit.json', import.meta.url));

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `upgradekit ...args` as a child process in `cwd`, without a terminal, with `input` on its standard input. */
export function upgradekit(args: readonly string[], cwd?: string, input?: string): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, input, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary directory, removed by the returned function. */
export function tempDir(): { dir: string; path: (name: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'upgradekit-cli-test-'));
  return { dir, path: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const exampleInput = () => JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;
export const exampleConfig = (): Config => assertConfig(exampleInput());

/** Writes `value` as JSON to `path`; returns the path. */
export function writeJson(path: string, value: unknown): string {
  writeFileSync(path, JSON.stringify(value, null, 2));
  return path;
}

/** The events of an NDJSON text. */
export const parseLines = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown> & { at: number; type: string; customerId: string; id: string });

/** A data directory holding an empty store at `path` (a copy of one made once per run: a new database takes seconds); returns the path. */
export function emptyStoreAt(path: string): string {
  cpSync(inject('emptyStore'), path, { recursive: true });
  return path;
}
