import { configSchema } from './schema';
import { toJsonSchemaDocument, type JsonSchema } from './validator';

/**
 * The config's JSON Schema (draft 2020-12), for editors: reference it from a
 * config file's `$schema` to get autocomplete and validation while typing.
 * Cross-references (unknown feature ids, ...) are only checked by `parseConfig`.
 */
export function toJSONSchema(): JsonSchema {
  return toJsonSchemaDocument(configSchema, {
    title: 'UpgradeKit config',
    description: 'Features, plans, add-ons, trials, triggers and policy of an UpgradeKit entitlement model.',
  });
}
