import { configSchema } from './schema.js';
import type { JsonSchema, Schema } from './validator.js';

type AnySchema = Schema<unknown, unknown>;

/** JSON Schema (draft 2020-12) of one schema node; recursive schemas go to `defs` once. */
function toJson(schema: AnySchema, defs: Record<string, JsonSchema>): JsonSchema {
  const { type } = schema;
  let json: JsonSchema;
  if (type === 'lazy') {
    if (!(schema.name! in defs)) {
      defs[schema.name!] = {};
      defs[schema.name!] = toJson(schema.get!(), defs);
    }
    json = { $ref: `#/$defs/${schema.name}` };
  } else if (type === 'custom') {
    json = { ...schema.json };
  } else if (type === 'enum') {
    json = schema.values!.length === 1 ? { const: schema.values![0] } : { enum: [...schema.values!] };
  } else if (type === 'array') {
    json = { type, items: toJson(schema.item!, defs), ...(schema.min && { minItems: schema.min }) };
  } else if (type === 'record') {
    json = { type: 'object', additionalProperties: toJson(schema.item!, defs), propertyNames: toJson(schema.key!, defs) };
  } else if (type === 'object') {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const [name, field] of Object.entries(schema.shape!)) {
      properties[name] = toJson(field, defs);
      if (!field.optional) required.push(name);
    }
    json = { type, properties, required, additionalProperties: false };
  } else if (type === 'union') {
    json = { anyOf: schema.options!.map((option) => toJson(option, defs)) };
  } else {
    json = { type };
    if (schema.pattern) json.pattern = schema.pattern.source;
    if (schema.min !== undefined) json.minimum = schema.min;
    if (schema.max !== undefined) json.maximum = schema.max;
    if (schema.above !== undefined) json.exclusiveMinimum = schema.above;
  }
  if (schema.fallback) json.default = schema.fallback();
  return json;
}

/** A JSON Schema (draft 2020-12) document for any schema of the kit. */
export function toJsonSchemaDocument(schema: AnySchema, meta: JsonSchema = {}): JsonSchema {
  const defs: Record<string, JsonSchema> = {};
  const root = toJson(schema, defs);
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', ...meta, ...root, $defs: defs };
}

/**
 * The config's JSON Schema (draft 2020-12), for editors: reference it from a
 * config file's `$schema` to get autocomplete and validation while typing.
 * Cross-references (unknown feature ids, ...) are only checked by `parseConfig`.
 */
export function toJSONSchema(): JsonSchema {
  return toJsonSchemaDocument(configSchema as AnySchema, {
    title: 'UpgradeKit config',
    description: 'Features, plans, add-ons, trials, triggers and policy of an UpgradeKit entitlement model.',
  });
}
