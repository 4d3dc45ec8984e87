import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseConfig, type Config } from '@upgradekit/core';
import { UsageError } from './usageError.js';

/** Why a path cannot be read, in words: `not found`, `is a directory`, ... */
function unreadable(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'not found';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}

/** Fails with one line when `path` is not a readable file; returns its size in bytes. */
export async function assertReadableFile(path: string): Promise<number> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new UsageError(`${path}: ${unreadable(error)}`);
  }
  if (info.isDirectory()) throw new UsageError(`${path}: is a directory`);
  return info.size;
}

/** A file's text; a missing or unreadable file is a usage error. */
export async function readText(path: string): Promise<string> {
  await assertReadableFile(path);
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${path}: ${unreadable(error)}`);
  }
}

/** `input` is the file's JSON as written (defaults not filled in), for storing it as it was authored. */
export type ConfigFileResult = { success: true; config: Config; input: unknown } | { success: false; errors: string[] };

/** Reads and validates a config file: JSON syntax errors are reported like schema errors, at `(root)`. */
export async function loadConfigFile(path: string): Promise<ConfigFileResult> {
  const text = await readText(path);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return { success: false, errors: [`(root): not valid JSON (${error instanceof Error ? error.message : String(error)})`] };
  }
  const result = parseConfig(input);
  return result.success ? { success: true, config: result.config, input } : { success: false, errors: result.errors };
}

/** A config a command runs with: one that does not validate stops the command with one line pointing at `validate`. */
export async function requireConfig(path: string): Promise<Config> {
  return (await requireConfigFile(path)).config;
}

/** `requireConfig`, with the file's JSON as written beside the parsed config. */
export async function requireConfigFile(path: string): Promise<{ config: Config; input: unknown }> {
  const result = await loadConfigFile(path);
  if (result.success) return result;
  const count = result.errors.length;
  throw new UsageError(`${path}: not a valid config (${count} error${count === 1 ? '' : 's'}, first: ${result.errors[0]}); run upgradekit validate ${basename(path)}`);
}
