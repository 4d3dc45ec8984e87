import { toMs } from './duration.js';
import type { WriteKeys } from './http/auth.js';
import type { UpgradeKitStore } from './store/types.js';
import type { WebhookOptions } from './webhooks/options.js';

export interface ServerLimits {
  /** Largest request body in bytes; larger ones get 413. Default: `1048576` (1 MiB). */
  maxBodyBytes?: number | undefined;
  /** Most events in one batch; more get 413. Default: `1000`. */
  maxEvents?: number | undefined;
}

export interface UpgradeKitServerOptions {
  /** Where events, config versions and webhook deliveries live: `createPgliteStore()` or `createPostgresStore()`. */
  store: UpgradeKitStore;
  /**
   * The config to serve while the store holds none: stored as the first version on
   * start. Once a version is stored (by `PUT /config`), the store's live version
   * wins, so a restart never undoes what a product manager published. Default: none
   * (`GET /config` answers 404 until one is put).
   */
  config?: unknown;
  /** Keys the browser SDK sends (`x-upgradekit-key` or `?key=`), each with the app its events belong to. Default: none (ingest refuses every request). */
  writeKeys?: WriteKeys | undefined;
  /** The bearer token of the admin routes (config writes, the report). Default: none (admin routes answer 401). */
  adminToken?: string | undefined;
  /** Origins allowed to call from a browser, exactly (`https://app.example.com`). Same-origin and non-browser requests always pass. Default: none. */
  allowedOrigins?: readonly string[] | undefined;
  /** Where routed firings are delivered (see `WebhookOptions`). Default: none. */
  webhooks?: WebhookOptions | undefined;
  /** Path prefix of every route. Default: `'/api'`. */
  prefix?: string | undefined;
  limits?: ServerLimits | undefined;
  /**
   * How long events are kept, by the time they happened: `'400d'`, `'52w'`. Older
   * events are deleted on start and every hour after. Default: kept forever.
   */
  retention?: string | undefined;
  /** Receives the server's warnings (a failing webhook, a store error). Default: `console.warn`. */
  onWarning?: ((message: string) => void) | undefined;
  /** The clock. Default: `Date.now`. */
  now?: (() => number) | undefined;
}

export type ResolvedOptions = ReturnType<typeof resolveOptions>;

function normalizePrefix(prefix: string): string {
  const trimmed = prefix.replace(/\/+$/, '');
  return trimmed === '' ? '' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

export function resolveOptions(options: UpgradeKitServerOptions) {
  if (!options || typeof options.store?.ingest !== 'function') {
    throw new Error('[upgradekit] createUpgradeKitServer needs a store: createPgliteStore() from @upgradekit/server/pglite or createPostgresStore() from @upgradekit/server/postgres');
  }
  return {
    store: options.store,
    seed: options.config,
    writeKeys: options.writeKeys ?? {},
    adminToken: options.adminToken || undefined,
    allowedOrigins: options.allowedOrigins ?? [],
    prefix: normalizePrefix(options.prefix ?? '/api'),
    maxBodyBytes: options.limits?.maxBodyBytes ?? 1024 * 1024,
    maxEvents: options.limits?.maxEvents ?? 1000,
    retentionMs: options.retention === undefined ? null : toMs(options.retention, 'retention'),
    warn: options.onWarning ?? ((message: string) => console.warn(message)),
    now: options.now ?? Date.now,
  };
}
