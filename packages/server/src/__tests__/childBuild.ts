import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sourceAliases } from '../../../../tests/sourceAliases.ts';

/**
 * Bundles the test server process (`fixtures/child.ts`) with the packages' source,
 * so tests that spawn it need no build first. It lands under node_modules/.cache,
 * where Node finds the store drivers it leaves external.
 */
export async function buildChild(): Promise<string> {
  const outdir = fileURLToPath(new URL('../../../../node_modules/.cache/upgradekit-server-tests/', import.meta.url));
  mkdirSync(outdir, { recursive: true });
  const outfile = `${outdir}child.mjs`;
  await build({
    entryPoints: [fileURLToPath(new URL('fixtures/child.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    external: ['@electric-sql/pglite', 'pg', 'srvx', 'srvx/*'],
    plugins: [
      {
        name: 'upgradekit-source',
        setup(pluginBuild) {
          for (const { find, replacement } of sourceAliases) pluginBuild.onResolve({ filter: find }, () => ({ path: replacement }));
        },
      },
    ],
  });
  return outfile;
}
