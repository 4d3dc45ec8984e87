import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Writes the demo's config (`src/config.ts`, the one the app bundles) as JSON to
 * `path`, for `upgradekit sample` and `upgradekit serve --config`: the history
 * the cockpit shows and the app's prompts come from the same triggers. Read
 * through Vite, with the app's own aliases, so nothing has to be built first.
 *
 * @param {string} path
 * @returns {Promise<string>} the path
 */
export async function writeDemoConfig(path) {
  const { module } = await runnerImport(here('../src/config.ts'), { configFile: here('../vite.config.ts'), logLevel: 'warn' });
  await writeFile(path, `${JSON.stringify(module.config, null, 2)}\n`);
  return path;
}
