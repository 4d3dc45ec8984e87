import { parseConfig } from '@upgradekit/core';
import { isAdmin, writeKeyApp } from './http/auth.js';
import { allowedOrigin, corsHeaders, preflight } from './http/cors.js';
import { errorResponse, HttpError, json, unauthorized } from './http/responses.js';
import { createLiveConfig } from './liveConfig.js';
import { resolveOptions, type UpgradeKitServerOptions } from './options.js';
import { ROUTES } from './routes/index.js';
import { createRouter, type Route, type ServerContext } from './routes/route.js';
import { resolveWebhooks } from './webhooks/options.js';
import { createDeliveryWorker } from './webhooks/worker.js';
import { startRetention } from './retention.js';

export interface UpgradeKitServer {
  /** The fetch handler: mount it in a Next.js route handler, Hono, Bun, or `node:http` (`@upgradekit/server/node`). */
  (request: Request): Promise<Response>;
  /** Resolves once the store is ready and the initial config is stored; requests wait for it anyway. */
  ready: Promise<void>;
  /** Delivers the webhook calls due now (also done after each batch and on a timer); resolves with the attempts made. */
  deliverWebhooks(): Promise<number>;
  /** Stops the timers (webhooks, retention). The store is yours to close. */
  close(): Promise<void>;
}

/** Answers who may call `route`: the app of a write key, `null` for an admin; throws 401 otherwise. */
function authorize(route: Route, request: Request, url: URL, context: ServerContext): string | null {
  const { writeKeys, adminToken } = context.options;
  if (route.access === 'public') return null;
  if (route.access !== 'write' && isAdmin(request, adminToken)) return null;
  if (route.access !== 'admin') {
    const app = writeKeyApp(request, url, writeKeys);
    if (app !== null) return app;
    throw unauthorized('A valid write key is required: send it as x-upgradekit-key, or as ?key= for beacons.');
  }
  throw unauthorized(adminToken ? 'Send the admin token as "authorization: Bearer <token>".' : 'Admin routes are off: start the server with an adminToken.');
}

/** The initial config, checked when the server is created: a server that would serve an invalid config does not start. */
function checkSeed(seed: unknown): void {
  if (seed === undefined) return;
  const parsed = parseConfig(seed);
  if (!parsed.success) throw new Error(`[upgradekit] the server's config is invalid:\n  - ${parsed.errors.join('\n  - ')}`);
}

/** Stores the initial config when the store holds none. */
async function initialize(context: ServerContext): Promise<void> {
  const { store, seed, now } = context.options;
  if (seed === undefined || (await store.liveConfig())) return;
  await store.putConfig(seed as Record<string, unknown>, { author: 'server', note: 'initial config', rollbackOf: null, now: now() });
}

/** Connection failures (Node's ECONN*, PostgreSQL classes 08, 53 and 57P): the store, not the request, is at fault. */
const isUnavailable = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(ECONN|ETIMEDOUT|ENOTFOUND|08|53|57P)/.test(code);
};

function failure(error: unknown, warn: (message: string) => void): Response {
  if (error instanceof HttpError) return errorResponse(error);
  warn(`[upgradekit] a request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  if (isUnavailable(error)) return json({ error: 'store_unavailable', message: 'The server could not reach its database; nothing was changed, try again shortly.' }, 503, { 'retry-after': '5' });
  return json({ error: 'internal_error', message: 'The server could not complete the request; nothing was changed. Its log says why.' }, 500);
}

/**
 * The UpgradeKit server as a standard fetch handler: event ingest, the remote
 * config with versions, the cross-customer report and webhooks, under `prefix`.
 * Every answer is JSON; every error is `{ error, message }` with a status the HTTP
 * sink understands (it retries 5xx and 429, and drops other 4xx).
 */
export function createUpgradeKitServer(options: UpgradeKitServerOptions): UpgradeKitServer {
  const resolved = resolveOptions(options);
  checkSeed(resolved.seed);
  const webhooks = resolveWebhooks(options.webhooks);
  const { store, warn, now, prefix } = resolved;
  const worker = createDeliveryWorker({ store, webhooks, now, warn });
  const context: ServerContext = { options: resolved, live: createLiveConfig(store, now, warn), webhooks, worker };
  const route = createRouter(ROUTES);
  const ready = initialize(context);
  // A failed start is answered on every request (503) and not reported twice as unhandled.
  ready.catch((error: unknown) => warn(error instanceof Error ? error.message : String(error)));
  const retention = startRetention(resolved);
  worker.kick();

  const answer = async (request: Request, url: URL): Promise<{ response: Response; origin: string | null }> => {
    const origin = allowedOrigin(request, url, resolved.allowedOrigins);
    if (!url.pathname.startsWith(prefix)) throw new HttpError(404, 'not_found', `UpgradeKit's routes are under ${prefix || '/'}.`);
    const path = url.pathname.slice(prefix.length) || '/';
    if (request.method === 'OPTIONS') return { response: preflight(origin), origin: null };
    const match = route(request.method, path);
    if (!match) throw new HttpError(404, 'not_found', `There is no route ${path}; see docs/server.md for the API.`);
    if (!('route' in match)) throw new HttpError(405, 'method_not_allowed', `${path} answers ${match.allowed.join(', ')}, not ${request.method}.`, { allowed: match.allowed });
    const app = authorize(match.route, request, url, context);
    await ready;
    return { response: await match.route.handle({ request, url, params: match.params, app, server: context }), origin };
  };

  const handler = async (request: Request): Promise<Response> => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return errorResponse(new HttpError(400, 'invalid_url', 'The request URL could not be read.'));
    }
    let origin: string | null = null;
    let response: Response;
    try {
      ({ response, origin } = await answer(request, url));
    } catch (error) {
      response = failure(error, warn);
      origin = request.headers.get('origin') !== null && resolved.allowedOrigins.includes(request.headers.get('origin')!) ? request.headers.get('origin') : null;
    }
    if (origin) for (const [name, value] of Object.entries(corsHeaders(origin))) response.headers.set(name, value);
    return response;
  };

  return Object.assign(handler, {
    ready,
    deliverWebhooks: async () => {
      await ready;
      return worker.runOnce();
    },
    close: async () => {
      worker.stop();
      retention.stop();
      await ready.catch(() => {});
    },
  });
}
