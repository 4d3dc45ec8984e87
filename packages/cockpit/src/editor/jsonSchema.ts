/** The part of JSON Schema (draft 2020-12) the config's exported schema uses. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  default?: unknown;
  title?: string;
}

/** The schema a local `$ref` (`#/$defs/Condition`) points at; the schema itself otherwise. */
export function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let current = schema;
  // A chain of references ends; a cycle of bare references would be a broken schema.
  for (let hops = 0; current.$ref && hops < 8; hops++) {
    let target: unknown = root;
    for (const part of current.$ref.replace(/^#\/?/, '').split('/').filter(Boolean)) target = (target as Record<string, unknown> | undefined)?.[part];
    if (!target || typeof target !== 'object') return {};
    current = target as JsonSchema;
  }
  return current;
}

/** The schema of the value under `key` of an object that `schema` describes; `null` when no key is allowed there. */
export function propertySchema(schema: JsonSchema, key: string, root: JsonSchema): JsonSchema | null {
  const resolved = resolve(schema, root);
  const own = resolved.properties?.[key];
  if (own) return resolve(own, root);
  if (typeof resolved.additionalProperties === 'object') return resolve(resolved.additionalProperties, root);
  if (resolved.additionalProperties === false) return null;
  for (const branch of resolved.anyOf ?? []) {
    const found = propertySchema(branch, key, root);
    if (found) return found;
  }
  return {};
}

/** The schema at a path of keys and indexes from the root; `null` where the path leaves the schema. */
export function schemaAt(root: JsonSchema, path: ReadonlyArray<string | number>): JsonSchema | null {
  let schema: JsonSchema | null = resolve(root, root);
  for (const step of path) {
    if (!schema) return null;
    schema = typeof step === 'number' ? (schema.items ? resolve(schema.items, root) : null) : propertySchema(schema, step, root);
  }
  return schema;
}

const KIND_WORDS: Record<string, string> = { object: 'an object', array: 'a list', string: 'text', number: 'a number', integer: 'a whole number', boolean: 'true or false', null: 'null' };

/** What a schema asks for, in words: `"unlimited"`, `one of "day", "week"`, `a number`. */
export function describe(schema: JsonSchema, root: JsonSchema): string {
  const resolved = resolve(schema, root);
  if (resolved.const !== undefined) return JSON.stringify(resolved.const);
  if (resolved.enum) return `one of ${resolved.enum.map((value) => JSON.stringify(value)).join(', ')}`;
  if (resolved.anyOf) return resolved.anyOf.map((branch) => describe(branch, root)).join(' or ');
  const types = Array.isArray(resolved.type) ? resolved.type : resolved.type ? [resolved.type] : [];
  return types.length ? types.map((type) => KIND_WORDS[type] ?? type).join(' or ') : 'a value';
}
