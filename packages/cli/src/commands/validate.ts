import type { Config } from '@upgradekit/core';
import { oneOf, parseCommandArgs } from '../args.js';
import { loadConfigFile } from '../files.js';
import { write } from '../io.js';
import { EXIT, UsageError } from '../usageError.js';
import type { Command } from './command.js';

const HELP = `Usage: upgradekit validate <config.json> [--format text|json]

Checks a config against the schema and its cross-references (a plan granting a
feature that does not exist, a trigger naming an unknown feature, ...) and lists
every problem with its path. Exit code 0 when it is valid, 1 when it is not.

Options:
  --format text|json   text (default): one line per error, or a one-line summary;
                       json: { "valid", "errors": [{ "path", "message" }], "summary"? }
                       for editors and CI
  -h, --help           this help
`;

export interface ConfigSummary {
  features: number;
  plans: number;
  addOns: number;
  trials: number;
  triggers: number;
  version: string | null;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** What a valid config holds, counted, for the one-line summary and the JSON answer. */
export function summarize(config: Config): ConfigSummary {
  return {
    features: Object.keys(config.features).length,
    plans: config.plans.length,
    addOns: config.addOns.length,
    trials: config.trials.length,
    triggers: config.triggers.length,
    version: config.version ?? null,
  };
}

/** `6 features, 3 plans, 2 add-ons, 4 triggers (version v7)`. */
export function describeSummary(summary: ConfigSummary): string {
  const parts = [plural(summary.features, 'feature'), plural(summary.plans, 'plan'), plural(summary.addOns, 'add-on'), plural(summary.triggers, 'trigger')];
  return `${parts.join(', ')}${summary.version === null ? '' : ` (version ${summary.version})`}`;
}

/** `plans[1].grants.x: feature "x" is not defined` → its path and message (the first `: ` separates them). */
export function splitError(error: string): { path: string; message: string } {
  const at = error.indexOf(': ');
  return at === -1 ? { path: '(root)', message: error } : { path: error.slice(0, at), message: error.slice(at + 2) };
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check a config: every error with its path',
  help: HELP,
  async run(argv, io) {
    const args = parseCommandArgs('validate', argv, { format: { type: 'string' } }, 1);
    if (args.values.help) return write(io.stdout, HELP).then(() => EXIT.ok);
    const format = oneOf(args, 'format', ['text', 'json'], 'text');
    const path = args.positionals[0];
    if (path === undefined) throw new UsageError('missing <config.json> (see upgradekit validate --help)');
    const result = await loadConfigFile(path);
    if (format === 'json') {
      const body = result.success ? { valid: true, errors: [], summary: summarize(result.config) } : { valid: false, errors: result.errors.map(splitError) };
      await write(io.stdout, `${JSON.stringify(body, null, 2)}\n`);
    } else if (result.success) {
      await write(io.stdout, `${path}: valid — ${describeSummary(summarize(result.config))}\n`);
    } else {
      const lines = result.errors.map((error) => `${path}: ${error}\n`).join('');
      await write(io.stdout, `${lines}${path}: invalid — ${plural(result.errors.length, 'error')}\n`);
    }
    return result.success ? EXIT.ok : EXIT.problems;
  },
};
