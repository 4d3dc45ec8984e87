import type * as z from 'zod/mini';
import { PARSE_OPTIONS, type Path } from '../config/messages.js';
import { isRecord } from './isRecord.js';

/** Receives one problem of lenient parsing: where, and what was wrong. */
export type ReportIssue = (path: Path, message: string) => void;

type Def = {
  type: string;
  innerType?: z.ZodMiniType;
  element?: z.ZodMiniType;
  keyType?: z.ZodMiniType;
  valueType?: z.ZodMiniType;
  shape?: Record<string, z.ZodMiniType>;
  catchall?: z.ZodMiniType;
};
const defOf = (schema: z.ZodMiniType) => schema._zod.def as unknown as Def;

/**
 * `schema` parsed, or `undefined`, with each issue reported under `path`. Keys an
 * object does not know are reported and left out rather than failing the object.
 */
function parsePart(schema: z.ZodMiniType, value: unknown, path: Path, report: ReportIssue): { value: unknown } | undefined {
  const result = schema.safeParse(value, PARSE_OPTIONS);
  if (result.success) return { value: result.data };
  const { issues } = result.error;
  for (const issue of issues) report([...path, ...issue.path], issue.message);
  const unknownKeys = issues.every((issue) => issue.code === 'unrecognized_keys' && !issue.path.length) && isRecord(value);
  if (!unknownKeys) return undefined;
  const known = { ...value };
  for (const issue of issues) for (const key of (issue as { keys: string[] }).keys) delete known[key];
  const retried = schema.safeParse(known, PARSE_OPTIONS);
  return retried.success ? { value: retried.data } : undefined;
}

/**
 * Parses data that must never be rejected whole (customer data from a host's
 * backend, state read back from storage) with its zod object schema, field by
 * field: a field that fails is left out, and in an array or a record only the
 * items or entries that fail. Every problem is reported; everything valid is kept.
 * Required fields that fail are left out too: the caller supplies stand-ins.
 * Unknown keys are reported for a strict object schema and ignored otherwise.
 */
export function parseLeniently<S extends z.ZodMiniObject>(schema: S, input: unknown, report: ReportIssue, path: Path = []): Partial<z.output<S>> {
  const out: Record<string, unknown> = {};
  if (!isRecord(input)) {
    report(path, `expected object, got ${input === null ? 'null' : Array.isArray(input) ? 'array' : typeof input}`);
    return out as Partial<z.output<S>>;
  }
  const { shape = {}, catchall } = defOf(schema);
  const strict = catchall !== undefined && defOf(catchall).type === 'never';
  const unknown = strict ? Object.keys(input).filter((key) => !Object.hasOwn(shape, key)) : [];
  if (unknown.length) report(path, `unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => `"${key}"`).join(', ')} (known: ${Object.keys(shape).join(', ')})`);
  for (const [key, fieldSchema] of Object.entries(shape)) {
    const value = input[key];
    if (value === undefined) continue;
    const def = defOf(fieldSchema);
    const inner = def.type === 'optional' ? defOf(def.innerType!) : def;
    const at = [...path, key];
    if (inner.type === 'array' && Array.isArray(value)) {
      out[key] = value.flatMap((item, index) => {
        const parsed = parsePart(inner.element!, item, [...at, index], report);
        return parsed ? [parsed.value] : [];
      });
    } else if (inner.type === 'record' && isRecord(value)) {
      const entries: Record<string, unknown> = Object.create(null);
      for (const [entryKey, item] of Object.entries(value)) {
        const parsedKey = parsePart(inner.keyType!, entryKey, [...at, entryKey], report);
        const parsed = parsePart(inner.valueType!, item, [...at, entryKey], report);
        if (parsedKey && parsed) entries[entryKey] = parsed.value;
      }
      out[key] = entries;
    } else {
      const parsed = parsePart(fieldSchema, value, at, report);
      if (parsed) out[key] = parsed.value;
    }
  }
  return out as Partial<z.output<S>>;
}
