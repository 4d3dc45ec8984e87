/*
 * A tiny schema kit: validation with paths, inferred types and JSON Schema from
 * one definition. UpgradeKit ships its own because the validation runtime of a
 * general-purpose library (zod/mini: ~6.5 kB min+gzip for objects, arrays,
 * unions and records) weighs more than the whole check-only budget (6 kB).
 */

export type Path = ReadonlyArray<PropertyKey>;

export interface Issue {
  path: Path;
  message: string;
  /** For an object with keys it does not know: those keys, so they can be dropped on their own. */
  unknownKeys?: string[];
}

export type JsonSchema = Record<string, unknown>;

/** Collects `$defs` for recursive schemas while a JSON Schema is generated. */
export interface JsonContext {
  defs: Record<string, JsonSchema>;
}

export interface Schema<Output, Input = Output> {
  /** Returns the value with defaults applied; pushes an issue per problem found. */
  run(value: unknown, path: Path, issues: Issue[]): Output;
  json(context: JsonContext): JsonSchema;
  /** The key may be absent from its object. */
  readonly optional?: boolean;
  /** Type carriers; never set at run time. */
  readonly _output?: Output;
  readonly _input?: Input;
}

export type Infer<S> = S extends Schema<infer O, unknown> ? O : never;
export type InferInput<S> = S extends Schema<unknown, infer I> ? I : never;

type Shape = Record<string, Schema<unknown, unknown>>;
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

/** `['plans', 1, 'grants', 'apiCalls']` → `plans[1].grants.apiCalls`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out || '(root)';
}

export const formatIssue = (issue: Issue) => `${formatPath(issue.path)}: ${issue.message}`;

const describe = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value of a named type that `test` accepts; `json` is its JSON Schema. */
export function primitive<T>(type: string, test: (value: unknown) => boolean, json: JsonSchema = { type }): Schema<T> {
  return {
    run(value, path, issues) {
      if (!test(value)) issues.push({ path, message: value === undefined ? `is required (${type})` : `expected ${type}, got ${describe(value)}` });
      return value as T;
    },
    json: () => json,
  };
}

export const boolean = () => primitive<boolean>('boolean', (value) => typeof value === 'boolean');

/** A string, optionally matching `pattern` (`hint` says what the pattern wants). */
export function string(pattern?: RegExp, hint?: string): Schema<string> {
  const base = primitive<string>('string', (value) => typeof value === 'string');
  return {
    run(value, path, issues) {
      const before = issues.length;
      base.run(value, path, issues);
      if (issues.length === before && pattern && !pattern.test(value as string)) {
        issues.push({ path, message: `${hint ?? `must match ${pattern}`} (got ${JSON.stringify(value)})` });
      }
      return value as string;
    },
    json: () => (pattern ? { type: 'string', pattern: pattern.source } : { type: 'string' }),
  };
}

/** A finite number within optional bounds; `integer` also requires a whole number. */
export function number(bounds: { min?: number; max?: number; integer?: boolean; above?: number } = {}): Schema<number> {
  const { min, max, integer, above } = bounds;
  const type = integer ? 'integer' : 'number';
  return {
    run(value, path, issues) {
      const problem =
        typeof value !== 'number' || !Number.isFinite(value)
          ? value === undefined
            ? `is required (${type})`
            : `expected ${type}, got ${typeof value === 'number' ? value : describe(value)}`
          : integer && !Number.isInteger(value)
            ? `must be a whole number (got ${value})`
            : min !== undefined && value < min
              ? `must be at least ${min} (got ${value})`
              : above !== undefined && value <= above
                ? `must be more than ${above} (got ${value})`
                : max !== undefined && value > max
                  ? `must be at most ${max} (got ${value})`
                  : undefined;
      if (problem) issues.push({ path, message: problem });
      return value as number;
    },
    json: () => ({
      type,
      ...(min !== undefined && { minimum: min }),
      ...(max !== undefined && { maximum: max }),
      ...(above !== undefined && { exclusiveMinimum: above }),
    }),
  };
}

/** One of a fixed set of strings or literals. */
export function oneOf<const T extends ReadonlyArray<string | number | boolean | null>>(values: T): Schema<T[number]> {
  return {
    run(value, path, issues) {
      if (!values.includes(value as T[number])) {
        issues.push({ path, message: `expected ${values.map((item) => JSON.stringify(item)).join(' or ')}, got ${value === undefined ? 'nothing' : JSON.stringify(value)}` });
      }
      return value as T[number];
    },
    json: () => (values.length === 1 ? { const: values[0] } : { enum: [...values] }),
  };
}

export function array<O, I>(item: Schema<O, I>, minItems = 0): Schema<O[], readonly I[]> {
  return {
    run(value, path, issues) {
      if (!Array.isArray(value)) {
        issues.push({ path, message: value === undefined ? 'is required (array)' : `expected array, got ${describe(value)}` });
        return [];
      }
      if (value.length < minItems) issues.push({ path, message: `needs at least ${minItems} item(s)` });
      return value.map((entry, index) => item.run(entry, [...path, index], issues));
    },
    json: (context) => ({ type: 'array', items: item.json(context), ...(minItems && { minItems }) }),
  };
}

/** An object with string keys (checked by `key`) and values of one schema. */
export function record<O, I>(value: Schema<O, I>, key: Schema<string> = string()): Schema<Record<string, O>, Record<string, I>> {
  return {
    run(input, path, issues) {
      // No prototype: an id such as "constructor" or "__proto__" must not resolve to Object's members.
      const out: Record<string, O> = Object.create(null);
      if (!isObject(input)) {
        issues.push({ path, message: input === undefined ? 'is required (object)' : `expected object, got ${describe(input)}` });
        return out;
      }
      for (const [name, entry] of Object.entries(input)) {
        key.run(name, [...path, name], issues);
        out[name] = value.run(entry, [...path, name], issues);
      }
      return out;
    },
    json: (context) => ({ type: 'object', additionalProperties: value.json(context), propertyNames: key.json(context) }),
  };
}

/** A strict object: unknown keys are reported (a typo in a config should not pass silently). */
export function object<S extends Shape>(shape: S): Schema<ObjectOutput<S>, ObjectInput<S>> {
  return {
    run(input, path, issues) {
      const out: Record<string, unknown> = {};
      if (!isObject(input)) {
        issues.push({ path, message: input === undefined ? 'is required (object)' : `expected object, got ${describe(input)}` });
        return out as ObjectOutput<S>;
      }
      const unknown = Object.keys(input).filter((key) => !Object.hasOwn(shape, key));
      if (unknown.length) {
        issues.push({
          path,
          message: `unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => `"${key}"`).join(', ')} (known: ${Object.keys(shape).join(', ')})`,
          unknownKeys: unknown,
        });
      }
      for (const [key, schema] of Object.entries(shape)) {
        const value = schema.run(input[key], [...path, key], issues);
        if (value !== undefined) out[key] = value;
      }
      return out as ObjectOutput<S>;
    },
    json(context) {
      const properties: Record<string, JsonSchema> = {};
      const required: string[] = [];
      for (const [key, schema] of Object.entries(shape)) {
        properties[key] = schema.json(context);
        if (!schema.optional) required.push(key);
      }
      return { type: 'object', properties, required, additionalProperties: false };
    },
  };
}

/** Absent (`undefined`) is fine. */
export function optional<O, I>(schema: Schema<O, I>): Schema<O | undefined, I | undefined> & { optional: true } {
  return {
    optional: true,
    run: (value, path, issues) => (value === undefined ? undefined : schema.run(value, path, issues)),
    json: schema.json,
  };
}

/** Absent becomes `fallback` (a fresh copy each time). */
export function withDefault<O, I>(schema: Schema<O, I>, fallback: () => NoInfer<O>): Schema<O, I | undefined> {
  return {
    // Optional for authors (and in the JSON Schema), always present once parsed.
    optional: true,
    run: (value, path, issues) => (value === undefined ? fallback() : schema.run(value, path, issues)),
    json: (context) => ({ ...schema.json(context), default: fallback() }),
  };
}

/** The first option that accepts the value wins; otherwise `message` is reported. */
export function union<O, I>(options: Array<Schema<O, I>>, message: string): Schema<O, I> {
  return {
    run(value, path, issues) {
      for (const option of options) {
        const own: Issue[] = [];
        const out = option.run(value, path, own);
        if (!own.length) return out;
      }
      issues.push({ path, message: `${message}, got ${value === undefined ? 'nothing' : JSON.stringify(value)}` });
      return value as O;
    },
    json: (context) => ({ anyOf: options.map((option) => option.json(context)) }),
  };
}

/** A further check on a value that passed its schema. */
export function refine<O, I>(schema: Schema<O, I>, test: (value: O) => boolean, message: string): Schema<O, I> {
  return {
    ...schema,
    run(value, path, issues) {
      const before = issues.length;
      const out = schema.run(value, path, issues);
      if (issues.length === before && !test(out)) issues.push({ path, message });
      return out;
    },
  };
}

/** A recursive schema, emitted once under `$defs/<name>` in JSON Schema. */
export function lazy<O, I = O>(name: string, get: () => Schema<O, I>): Schema<O, I> {
  return {
    run: (value, path, issues) => get().run(value, path, issues),
    json(context) {
      if (!(name in context.defs)) {
        context.defs[name] = {};
        context.defs[name] = get().json(context);
      }
      return { $ref: `#/$defs/${name}` };
    },
  };
}

/** Validates a value: the output with defaults, or the issues found. */
export function validate<O, I>(schema: Schema<O, I>, value: unknown): { value: O; issues: Issue[] } {
  const issues: Issue[] = [];
  return { value: schema.run(value, [], issues), issues };
}

/** A JSON Schema (draft 2020-12) document for a schema. */
export function toJsonSchemaDocument(schema: Schema<unknown, unknown>, meta: JsonSchema = {}): JsonSchema {
  const context: JsonContext = { defs: {} };
  const root = schema.json(context);
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', ...meta, ...root, $defs: context.defs };
}

/** A JSON scalar: string, number, boolean or null (attribute values). */
export const scalar = primitive<string | number | boolean | null>(
  'string, number, boolean or null',
  (value) => value === null || (typeof value !== 'object' && typeof value !== 'function' && typeof value !== 'undefined' && typeof value !== 'symbol' && typeof value !== 'bigint'),
  { type: ['string', 'number', 'boolean', 'null'] },
);
