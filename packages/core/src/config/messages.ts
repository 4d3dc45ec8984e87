import type * as z from 'zod/mini';

/*
 * English messages for zod's issues, worded for the person who edits a config or
 * sends customer data: what was expected and what came. Passed per parse (never set
 * globally), so a host app's own zod schemas keep their messages; a few kilobytes
 * lighter than zod's locale bundle, which would also bring every other language.
 */

export type Path = ReadonlyArray<PropertyKey>;

/** `['plans', 1, 'grants', 'apiCalls']` → `plans[1].grants.apiCalls`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out || '(root)';
}

/** A value as JSON for a message (`"pdf export"`, `{"id":"seats5"}`), safe for any input: BigInt, functions, cycles. */
export function quote(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number') return String(value);
  try {
    return JSON.stringify(value) ?? describe(value);
  } catch {
    return describe(value);
  }
}

/** What a value is, for "got ...": `null`, `array`, a number or date itself, else its type. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'number' || value instanceof Date ? String(value) : typeof value;
}

const typeName = (expected: string) => (expected === 'int' ? 'number' : expected === 'record' ? 'object' : expected);

/** A zod issue in words (without its path). */
export function englishError(issue: z.core.$ZodRawIssue): string {
  const { input } = issue;
  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) return `is required (${typeName(issue.expected)})`;
      if (issue.expected === 'int' && typeof input === 'number') return `must be a whole number (got ${input})`;
      return `expected ${typeName(issue.expected)}, got ${describe(input)}`;
    }
    case 'invalid_value':
      return `expected ${issue.values.map(quote).join(' or ')}, got ${input === undefined ? 'nothing' : quote(input)}`;
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${issue.minimum} item(s)`;
      if (issue.origin === 'string') return 'must not be empty';
      return `must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum} (got ${quote(input)})`;
    case 'too_big':
      return `must be at most ${issue.maximum}${issue.origin === 'number' ? ` (got ${quote(input)})` : issue.origin === 'string' ? ' characters long' : ' items'}`;
    case 'unrecognized_keys': {
      const shape = (issue.inst as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def?.shape;
      const keys = issue.keys.map((key) => `"${key}"`).join(', ');
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${keys}${shape ? ` (known: ${Object.keys(shape).join(', ')})` : ''}`;
    }
    case 'invalid_key':
      return issue.issues[0]?.message ?? 'is not a valid key';
    case 'invalid_union':
      return `matches none of the allowed forms (got ${quote(input)})`;
    default:
      return `is not valid (got ${quote(input)})`;
  }
}

/** Parse options that give every issue an English message and keep the input out of it. */
export const PARSE_OPTIONS = { error: englishError } as const;

/** `plans[1].price.amount: expected number, got string`. */
export const formatIssue = (issue: { path: Path; message: string }) => `${formatPath(issue.path)}: ${issue.message}`;
