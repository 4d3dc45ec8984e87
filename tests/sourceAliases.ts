import { fileURLToPath } from 'node:url';

const source = (path: string) => fileURLToPath(new URL(`../packages/${path}`, import.meta.url));

/**
 * The packages' entry points mapped to their source, for test runs, Storybook and
 * the demo: nothing has to be built first. Exact-match patterns, so that
 * `@upgradekit/react` does not swallow `@upgradekit/react/styles.css`.
 */
export const sourceAliases = [
  { find: /^@upgradekit\/core$/, replacement: source('core/src/index.ts') },
  { find: /^@upgradekit\/core\/internal$/, replacement: source('core/src/internal.ts') },
  { find: /^@upgradekit\/core\/testing$/, replacement: source('core/src/testing.ts') },
  { find: /^@upgradekit\/core\/replay$/, replacement: source('core/src/replay/index.ts') },
  { find: /^@upgradekit\/core\/sinks$/, replacement: source('core/src/sinks/index.ts') },
  { find: /^@upgradekit\/core\/report$/, replacement: source('core/src/conversion/index.ts') },
  { find: /^@upgradekit\/core\/json-schema$/, replacement: source('core/src/config/jsonSchema.ts') },
  { find: /^@upgradekit\/react\/styles\.css$/, replacement: source('react/src/styles.css') },
  { find: /^@upgradekit\/react$/, replacement: source('react/src/index.ts') },
  { find: /^@upgradekit\/server$/, replacement: source('server/src/index.ts') },
  { find: /^@upgradekit\/server\/pglite$/, replacement: source('server/src/store/pglite.ts') },
  { find: /^@upgradekit\/server\/postgres$/, replacement: source('server/src/store/postgres.ts') },
  { find: /^@upgradekit\/server\/node$/, replacement: source('server/src/node/index.ts') },
];
