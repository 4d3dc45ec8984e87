import { findHazards } from '../utils/hazards.js';
import { crossCheck } from './crossCheck.js';
import { formatIssue, PARSE_OPTIONS } from './messages.js';
import { normalizeConfig } from './normalize.js';
import { configSchema, MAX_DEPTH, type Config } from './schema.js';

export type ParseConfigResult =
  | { success: true; config: Config; errors?: undefined }
  | { success: false; config?: undefined; errors: string[] };

/** Thrown by `assertConfig` (and so by `createUpgradeKit` in development) for a config that does not validate. */
export class UpgradeKitConfigError extends Error {
  readonly errors: string[];
  constructor(errors: string[]) {
    super(`[upgradekit] invalid config:\n  - ${errors.join('\n  - ')}`);
    this.name = 'UpgradeKitConfigError';
    this.errors = errors;
  }
}

/**
 * Validates an entitlement config from any source (a TS module, a JSON file, a
 * remote URL). Returns the config with defaults applied, or every problem found,
 * each prefixed with its path: `plans[1].grants.apiCalls: feature "apiCalls" is
 * not defined (defined: projects, seats)`. Never throws: hostile input (nesting
 * deeper than 64 levels, cycles, `__proto__` keys, throwing getters) is an error too.
 */
export function parseConfig(input: unknown): ParseConfigResult {
  try {
    const hazards = findHazards(input, MAX_DEPTH);
    if (hazards.length) return { success: false, errors: hazards.map(formatIssue) };
    const parsed = configSchema.safeParse(input, PARSE_OPTIONS);
    if (!parsed.success) return { success: false, errors: parsed.error.issues.map(formatIssue) };
    const config = normalizeConfig(parsed.data);
    const errors = crossCheck(config);
    return errors.length ? { success: false, errors } : { success: true, config };
  } catch (error) {
    return { success: false, errors: [`(root): could not be read (${error instanceof Error ? error.message : String(error)})`] };
  }
}

/** Like `parseConfig` but throws an `UpgradeKitConfigError` listing every problem. */
export function assertConfig(input: unknown): Config {
  const result = parseConfig(input);
  if (!result.success) throw new UpgradeKitConfigError(result.errors);
  return result.config;
}
