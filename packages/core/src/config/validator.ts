/*
 * A tiny schema kit: validation with paths, inferred types and JSON Schema from
 * one definition. UpgradeKit ships its own because the validation runtime of a
 * general-purpose library (zod/mini: ~6.5 kB min+gzip for objects, arrays,
 * unions and records) weighs more than the whole check-only budget (6 kB).
 *
 * A schema is plain data read by one interpreter (`run`); the JSON Schema
 * generator lives in `jsonSchema.ts`, so apps that only validate never ship it.
 */

import { isRecord } from '../utils/isRecord.js';

export type Path = ReadonlyArray<PropertyKey>;

export interface Issue {
  path: Path;
  message: string;
  /** For an unknown-keys issue: the keys, so a caller can drop just those. */
  unknownKeys?: string[];
}

export type JsonSchema = Record<string, unknown>;

type Shape = Record<string, Schema<unknown, unknown>>;

/** A schema node. `Output` is what validation returns, `Input` what authors write. */
export interface Schema<Output, Input = Output> {
  readonly type: 'string' | 'number' | 'integer' | 'boolean' | 'enum' | 'array' | 'record' | 'object' | 'union' | 'custom' | 'lazy';
  /** The key may be absent from its object. */
  readonly optional?: boolean;
  /** Replaces an absent value. */
  readonly fallback?: () => unknown;
  readonly pattern?: RegExp;
  /** What a failed pattern or custom test wants, in words. */
  readonly hint?: string;
  readonly min?: number;
  readonly max?: number;
  readonly above?: number;
  readonly values?: ReadonlyArray<unknown>;
  readonly item?: Schema<unknown, unknown>;
  readonly key?: Schema<unknown, unknown>;
  readonly shape?: Shape;
  readonly options?: ReadonlyArray<Schema<unknown, unknown>>;
  readonly test?: (value: never) => boolean;
  readonly json?: JsonSchema;
  readonly name?: string;
  readonly get?: () => Schema<unknown, unknown>;
  /** Type carriers; never set at run time. */
  readonly _output?: Output;
  readonly _input?: Input;
}

export type Infer<S> = S extends Schema<infer O, unknown> ? O : never;
export type InferInput<S> = S extends Schema<unknown, infer I> ? I : never;

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends { optional: true } ? K : never }[keyof S];
type InputOptionalKeys<S extends Shape> = { [K in keyof S]: undefined extends InferInput<S[K]> ? K : never }[keyof S];
type ObjectOutput<S extends Shape> = Simplify<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Exclude<Infer<S[K]>, undefined> }
>;
type ObjectInput<S extends Shape> = Simplify<
  { [K in Exclude<keyof S, InputOptionalKeys<S>>]: InferInput<S[K]> } & {
    [K in InputOptionalKeys<S>]?: Exclude<InferInput<S[K]>, undefined>;
  }
>;

function node<O, I>(schema: Omit<Schema<unknown, unknown>, '_output' | '_input'>): Schema<O, I> {
  return schema as Schema<O, I>;
}

export const string = (pattern?: RegExp, hint = '') => node<string, string>({ type: 'string', ...(pattern && { pattern, hint }) });
export const boolean = () => node<boolean, boolean>({ type: 'boolean' });
/** A finite number within optional bounds (`above` is exclusive); `integer` also requires a whole number. */
export const number = (bounds: { min?: number; max?: number; integer?: boolean; above?: number } = {}) =>
  node<number, number>({ type: bounds.integer ? 'integer' : 'number', ...bounds });
/** One of a fixed set of literals. */
export const oneOf = <const T extends ReadonlyArray<string | number | boolean | null>>(values: T) => node<T[number], T[number]>({ type: 'enum', values });
export const array = <O, I>(item: Schema<O, I>, min = 0) => node<O[], readonly I[]>({ type: 'array', item, min });
/** An object with string keys (checked by `key`) and values of one schema. */
export const record = <O, I>(value: Schema<O, I>, key: Schema<string> = string()) =>
  node<Record<string, O>, Record<string, I>>({ type: 'record', item: value, key });
/** A strict object: unknown keys are reported (a typo in a config should not pass silently). */
export const object = <S extends Shape>(shape: S) => node<ObjectOutput<S>, ObjectInput<S>>({ type: 'object', shape });
/** Absent (`undefined`) is fine. */
export const optional = <O, I>(schema: Schema<O, I>) =>
  ({ ...schema, optional: true }) as unknown as Schema<O | undefined, I | undefined> & { optional: true };
/** Absent becomes a fresh `fallback()`: optional for authors, always present once parsed. */
export const withDefault = <O, I>(schema: Schema<O, I>, fallback: () => NoInfer<O>) =>
  ({ ...schema, optional: true, fallback }) as unknown as Schema<O, I | undefined>;
/** The first option that accepts the value wins; otherwise `hint` is reported. */
export const union = <O, I>(options: Array<Schema<O, I>>, hint: string) => node<O, I>({ type: 'union', options, hint });
/** A value of a named type that `test` accepts; `json` is its JSON Schema. */
export const primitive = <T>(hint: string, test: (value: unknown) => boolean, json: JsonSchema) =>
  node<T, T>({ type: 'custom', hint, test, json });
/** A further check on a value that passed its schema. */
export const refine = <O, I>(schema: Schema<O, I>, test: (value: O) => boolean, hint: string) =>
  ({ ...schema, test, hint }) as Schema<O, I>;
/** A recursive schema, emitted once under `$defs/<name>` in JSON Schema. */
export const lazy = <O, I = O>(name: string, get: () => Schema<O, I>) => node<O, I>({ type: 'lazy', name, get });

/** Whether a value is a JSON scalar: string, number, boolean or null. */
export const isScalar = (value: unknown): value is string | number | boolean | null =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value);

/** A JSON scalar (attribute values). */
export const scalar = primitive<string | number | boolean | null>(
  'string, number, boolean or null',
  isScalar,
  { type: ['string', 'number', 'boolean', 'null'] },
);

/** `['plans', 1, 'grants', 'apiCalls']` → `plans[1].grants.apiCalls`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out || '(root)';
}

export const formatIssue = (issue: Issue) => `${formatPath(issue.path)}: ${issue.message}`;

const describe = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'number' || value instanceof Date ? String(value) : typeof value;
const TYPE_TESTS: Record<string, (value: unknown) => boolean> = {
  string: (value) => typeof value === 'string',
  number: Number.isFinite,
  integer: Number.isFinite,
  boolean: (value) => typeof value === 'boolean',
  array: Array.isArray,
  record: isRecord,
  object: isRecord,
};

/** What `run` returns for a value that failed: its container leaves it out. */
const DROP = Symbol('drop');

/**
 * Validates `value` against `schema` and pushes one issue per problem. Returns
 * the value with defaults applied, or `DROP`. Invalid array items, record
 * entries and optional fields are left out of their container, so a caller
 * that accepts partial data (the customer) keeps every valid sibling.
 */
function run(schema: Schema<unknown, unknown>, value: unknown, path: Path, issues: Issue[]): unknown {
  const fail = (message: string) => (issues.push({ path, message }), DROP);
  if (value === undefined) {
    if (schema.fallback) return schema.fallback();
    if (schema.optional) return undefined;
  }
  const { type } = schema;
  const typeTest = TYPE_TESTS[type];
  const name = type === 'record' ? 'object' : type;
  if (typeTest && !typeTest(value)) return fail(value === undefined ? `is required (${name})` : `expected ${name}, got ${describe(value)}`);
  let out = value;
  if (type === 'string') {
    if (schema.pattern && !schema.pattern.test(value as string)) return fail(`${schema.hint} (got ${JSON.stringify(value)})`);
  } else if (type === 'number' || type === 'integer') {
    const { min, max, above } = schema;
    const number = value as number;
    if (type === 'integer' && !Number.isInteger(number)) return fail(`must be a whole number (got ${number})`);
    if (min !== undefined && number < min) return fail(`must be at least ${min} (got ${number})`);
    if (above !== undefined && number <= above) return fail(`must be more than ${above} (got ${number})`);
    if (max !== undefined && number > max) return fail(`must be at most ${max} (got ${number})`);
  } else if (type === 'enum') {
    if (!schema.values!.includes(value)) {
      return fail(`expected ${schema.values!.map((item) => JSON.stringify(item)).join(' or ')}, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
    }
  } else if (type === 'array') {
    if ((value as unknown[]).length < schema.min!) fail(`needs at least ${schema.min} item(s)`);
    out = (value as unknown[]).map((item, index) => run(schema.item!, item, [...path, index], issues)).filter((item) => item !== DROP);
  } else if (type === 'record') {
    // No prototype: a key such as "constructor" must not find Object.prototype's.
    const entries: Record<string, unknown> = Object.create(null);
    for (const [key, item] of Object.entries(value as object)) {
      const entry = run(schema.item!, item, [...path, key], issues);
      if (run(schema.key!, key, [...path, key], issues) !== DROP && entry !== DROP) entries[key] = entry;
    }
    out = entries;
  } else if (type === 'object') {
    const shape = schema.shape!;
    const unknownKeys = Object.keys(value as object).filter((key) => !Object.hasOwn(shape, key));
    if (unknownKeys.length) {
      issues.push({ path, message: `unknown key${unknownKeys.length > 1 ? 's' : ''} ${unknownKeys.map((key) => `"${key}"`).join(', ')} (known: ${Object.keys(shape).join(', ')})`, unknownKeys });
    }
    const fields: Record<string, unknown> = {};
    for (const key in shape) {
      const field = run(shape[key]!, (value as Record<string, unknown>)[key], [...path, key], issues);
      if (field === DROP && !shape[key]!.optional) return DROP;
      if (field !== undefined && field !== DROP) fields[key] = field;
    }
    out = fields;
  } else if (type === 'union') {
    for (const option of schema.options!) {
      const own: Issue[] = [];
      const result = run(option, value, path, own);
      if (!own.length) return result;
    }
    return fail(`${schema.hint}, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
  } else if (type === 'lazy') {
    return run(schema.get!(), value, path, issues);
  }
  // `custom` schemas, and refinements of any other type, end with their own test.
  if (schema.test && !(schema.test as (value: unknown) => boolean)(out)) {
    return fail(type === 'custom' ? `expected ${schema.hint}, got ${describe(value)}` : schema.hint!);
  }
  return out;
}

/**
 * Validates a value: the issues found (none means valid) and the output with
 * defaults, where whatever failed is left out (`undefined` if the root failed).
 */
export function validate<O, I>(schema: Schema<O, I>, value: unknown): { value: O | undefined; issues: Issue[] } {
  const issues: Issue[] = [];
  const out = run(schema as Schema<unknown, unknown>, value, [], issues);
  return { value: out === DROP ? undefined : (out as O), issues };
}
