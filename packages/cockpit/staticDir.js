import { fileURLToPath } from 'node:url';

/** The built cockpit (`dist/`), for `@upgradekit/server`'s `staticDir` option. */
export const cockpitStaticDir = fileURLToPath(new URL('./dist/', import.meta.url));
