import { createUpgradeKitServer, type UpgradeKitServer } from '@upgradekit/server';
import { createPgliteStore } from '@upgradekit/server/pglite';
import { createPostgresStore } from '@upgradekit/server/postgres';
import { config, WRITE_KEY } from './config';

/*
 * The UpgradeKit server behind the route handler: PostgreSQL when DATABASE_URL is
 * set, else the embedded store in `.upgradekit-data`. Opened on the first request
 * (a build never opens it), once per process: Next.js may evaluate this module in
 * several bundles, and a second store on the same directory would be refused.
 */

const shared = globalThis as typeof globalThis & { upgradekitCollector?: Promise<UpgradeKitServer> };

async function open(): Promise<UpgradeKitServer> {
  const url = process.env.DATABASE_URL;
  const store = url ? await createPostgresStore({ connectionString: url }) : await createPgliteStore({ dataDir: process.env.UPGRADEKIT_DATA_DIR ?? '.upgradekit-data' });
  const server = createUpgradeKitServer({
    store,
    config,
    prefix: '/api/upgradekit',
    writeKeys: { [WRITE_KEY]: { app: 'nextjs-example' } },
    adminToken: process.env.UPGRADEKIT_ADMIN_TOKEN,
  });
  await server.ready;
  return server;
}

export function collector(): Promise<UpgradeKitServer> {
  shared.upgradekitCollector ??= open().catch((error: unknown) => {
    // The next request tries again rather than finding this failure forever.
    delete shared.upgradekitCollector;
    throw error;
  });
  return shared.upgradekitCollector;
}
