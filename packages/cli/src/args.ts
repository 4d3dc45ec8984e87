import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usageError.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/**
 * `util.parseArgs` for one subcommand (`strict`, so an unknown flag is an error),
 * with its errors turned into one line that names the command and its help:
 * `upgradekit report: unknown option --colour (see upgradekit report --help)`.
 */
export function parseCommandArgs(command: string, argv: readonly string[], options: Options, maxPositionals: number): ParsedArgs {
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs({ args: [...argv], options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true }) as ParsedArgs;
  } catch (error) {
    throw new UsageError(`${describeParseError(error)} (see upgradekit ${command} --help)`);
  }
  if (!parsed.values.help && parsed.positionals.length > maxPositionals) {
    const extra = parsed.positionals.slice(maxPositionals).join(' ');
    throw new UsageError(`unexpected argument ${JSON.stringify(extra)} (see upgradekit ${command} --help)`);
  }
  return parsed;
}

function describeParseError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const option = /'(-[^']*)'/.exec(message ?? '')?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option ?? ''}`.trim();
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /argument missing/.test(message ?? '') ? `option ${option?.split(' ')[0] ?? ''} needs a value` : `option ${option ?? ''} takes no value`;
  }
  return (message ?? String(error)).split('\n')[0]!;
}

/** A string flag's value, if given. */
export const stringOf = (args: ParsedArgs, name: string): string | undefined => {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
};

/** Every value of a flag declared with `multiple: true`, in the order given. */
export const stringsOf = (args: ParsedArgs, name: string): string[] => {
  const value = args.values[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
};

/** A required string flag. */
export function required(args: ParsedArgs, name: string): string {
  const value = stringOf(args, name);
  if (value === undefined || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

/** A flag whose value must be one of `choices`; `fallback` when absent. */
export function oneOf<const T extends string>(args: ParsedArgs, name: string, choices: readonly T[], fallback: T): T {
  const value = stringOf(args, name) ?? fallback;
  if (!(choices as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${choices.join(', ')} (got ${JSON.stringify(value)})`);
  return value as T;
}

/** A whole number flag within `[min, max]`; `fallback` when absent. */
export function wholeNumber(args: ParsedArgs, name: string, fallback: number, min: number, max: number): number {
  const text = stringOf(args, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(text)})`);
  }
  return value;
}

/** `--threads <n>` (1–64), `undefined` when absent: the command then picks. */
export const threadsOption = (args: ParsedArgs): number | undefined => (stringOf(args, 'threads') === undefined ? undefined : wholeNumber(args, 'threads', 1, 1, 64));

/** A date flag (ISO 8601: `2026-11-02` or `2026-11-02T09:00:00Z`) as epoch ms; `undefined` when absent. */
export function isoDate(args: ParsedArgs, name: string): number | undefined {
  const text = stringOf(args, name);
  if (text === undefined) return undefined;
  const value = /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : NaN;
  if (!Number.isFinite(value)) throw new UsageError(`--${name} must be an ISO 8601 date such as 2026-11-02 (got ${JSON.stringify(text)})`);
  return value;
}

/** `--from` and `--to` as the window `[from, to)`, epoch ms; either may be absent. */
export function timeWindow(args: ParsedArgs): { from: number | undefined; to: number | undefined } {
  const from = isoDate(args, 'from');
  const to = isoDate(args, 'to');
  if (from !== undefined && to !== undefined && !(from < to)) throw new UsageError('--from must be before --to');
  return { from, to };
}
