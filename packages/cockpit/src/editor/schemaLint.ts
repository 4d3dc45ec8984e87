import type { JsonNode } from './jsonTree.js';
import { describe, resolve, type JsonSchema } from './jsonSchema.js';

/** One place where the document breaks the schema. */
export interface SchemaProblem {
  from: number;
  to: number;
  message: string;
}

/** Patterns of the config schema in words: a PM reads "a duration such as 7d", not a regular expression. */
const PATTERN_WORDS: Record<string, string> = {
  '^\\d+(?:\\.\\d+)?[smhdw]$': 'a duration such as "7d" (a number, then s, m, h, d or w)',
  '^[A-Za-z0-9_.:-]+$': 'an id of letters, digits and _ . : -',
};

const kindOf = (node: JsonNode) => (node.kind === 'number' && Number.isInteger(node.value) ? ['number', 'integer'] : [node.kind]);
const KIND_NAMES: Record<JsonNode['kind'], string> = { object: 'an object', array: 'a list', string: 'text', number: 'a number', boolean: 'true/false', null: 'null' };
const valueOf = (node: JsonNode): unknown => ('value' in node ? node.value : node.kind === 'null' ? null : undefined);

function checkScalar(node: JsonNode, schema: JsonSchema, out: SchemaProblem[]): void {
  const at = { from: node.from, to: node.to };
  const value = valueOf(node);
  if (schema.const !== undefined && value !== schema.const) out.push({ ...at, message: `Expected ${JSON.stringify(schema.const)}` });
  if (schema.enum && !schema.enum.includes(value)) out.push({ ...at, message: `Expected one of ${schema.enum.map((item) => JSON.stringify(item)).join(', ')}` });
  if (node.kind === 'string' && schema.pattern && !new RegExp(schema.pattern, 'u').test(node.value)) {
    out.push({ ...at, message: `Expected ${PATTERN_WORDS[schema.pattern] ?? `text matching ${schema.pattern}`}` });
  }
  if (node.kind !== 'number') return;
  if (schema.minimum !== undefined && node.value < schema.minimum) out.push({ ...at, message: `Must be at least ${schema.minimum}` });
  if (schema.maximum !== undefined && node.value > schema.maximum) out.push({ ...at, message: `Must be at most ${schema.maximum}` });
  if (schema.exclusiveMinimum !== undefined && node.value <= schema.exclusiveMinimum) out.push({ ...at, message: `Must be more than ${schema.exclusiveMinimum}` });
}

function checkObject(node: Extract<JsonNode, { kind: 'object' }>, schema: JsonSchema, root: JsonSchema, out: SchemaProblem[]): void {
  const keys = new Set(node.entries.map((entry) => entry.key));
  const missing = (schema.required ?? []).filter((key) => !keys.has(key));
  if (missing.length) out.push({ from: node.from, to: node.from + 1, message: `Missing ${missing.map((key) => `"${key}"`).join(', ')} (required)` });
  for (const entry of node.entries) {
    const own = schema.properties?.[entry.key];
    const key = { from: entry.keyFrom, to: entry.keyTo };
    if (schema.propertyNames) {
      for (const problem of lint({ from: key.from, to: key.to, kind: 'string', value: entry.key }, schema.propertyNames, root)) out.push({ ...problem, message: `Key: ${problem.message.toLowerCase()}` });
    }
    if (!own && schema.additionalProperties === false) {
      const known = Object.keys(schema.properties ?? {});
      out.push({ ...key, message: `Unknown property "${entry.key}"${known.length ? `; expected one of ${known.join(', ')}` : ''}` });
      continue;
    }
    const child = own ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
    if (child && entry.value) out.push(...lint(entry.value, child, root));
  }
}

/**
 * Every place `node` breaks `schema` (resolved against `root` for `$ref`s), with
 * messages in plain words. An `anyOf` is met by any branch without a problem;
 * otherwise it is one problem that says what would do.
 */
export function lint(node: JsonNode, schema: JsonSchema, root: JsonSchema): SchemaProblem[] {
  const resolved = resolve(schema, root);
  if (resolved.anyOf) {
    const branches = resolved.anyOf.map((branch) => lint(node, branch, root));
    if (branches.some((problems) => problems.length === 0)) return [];
    const typed = branches.filter((_, index) => !typeMismatch(node, resolve(resolved.anyOf![index]!, root)));
    // One branch of the right type says more than "expected a or b": report its own problems.
    return typed.length === 1 ? typed[0]! : [{ from: node.from, to: node.to, message: `Expected ${describe(resolved, root)}` }];
  }
  if (typeMismatch(node, resolved)) return [{ from: node.from, to: node.to, message: `Expected ${describe(resolved, root)}, found ${KIND_NAMES[node.kind]}` }];
  const out: SchemaProblem[] = [];
  checkScalar(node, resolved, out);
  if (node.kind === 'object') checkObject(node, resolved, root, out);
  if (node.kind === 'array') {
    if (resolved.minItems !== undefined && node.items.length < resolved.minItems) out.push({ from: node.from, to: node.from + 1, message: `Needs at least ${resolved.minItems} item${resolved.minItems === 1 ? '' : 's'}` });
    if (resolved.items) for (const item of node.items) out.push(...lint(item, resolved.items, root));
  }
  return out;
}

function typeMismatch(node: JsonNode, schema: JsonSchema): boolean {
  if (schema.type === undefined) return false;
  const allowed = Array.isArray(schema.type) ? schema.type : [schema.type];
  return !kindOf(node).some((kind) => allowed.includes(kind));
}
