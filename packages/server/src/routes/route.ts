import type { LiveConfig } from '../liveConfig.js';
import type { ResolvedOptions } from '../options.js';
import type { ResolvedWebhooks } from '../webhooks/options.js';
import type { DeliveryWorker } from '../webhooks/worker.js';

/*
 * A route is one object in one module: method, path (under the prefix), who may
 * call it, and its handler. `routes/index.ts` lists them; adding a route is adding
 * a module and its line there.
 */

/** Who may call a route: anyone, the browser SDK's write key, the admin token, or either. */
export type Access = 'public' | 'write' | 'admin' | 'write_or_admin';

/** What every route reaches: the options, the store, the live config and the webhook deliveries. */
export interface ServerContext {
  options: ResolvedOptions;
  live: LiveConfig;
  webhooks: ResolvedWebhooks;
  worker: DeliveryWorker;
}

export interface RouteInput {
  request: Request;
  url: URL;
  /** `:name` segments of the path. */
  params: Record<string, string>;
  /** The app of the write key (write routes), `null` for an admin. */
  app: string | null;
  server: ServerContext;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Under the prefix, e.g. `/config/versions/:version`. */
  path: string;
  access: Access;
  handle(input: RouteInput): Promise<Response>;
}

interface Compiled {
  route: Route;
  pattern: RegExp;
  names: string[];
}

export type Match = { route: Route; params: Record<string, string> } | { allowed: string[] } | null;

/** Matches a method and a path (without the prefix) against `routes`: the route, the methods the path allows (405), or nothing (404). */
export function createRouter(routes: readonly Route[]): (method: string, path: string) => Match {
  const compiled: Compiled[] = routes.map((route) => {
    const names: string[] = [];
    const source = route.path.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    return { route, pattern: new RegExp(`^${source}/?$`), names };
  });
  return (method, path) => {
    const allowed: string[] = [];
    for (const { route, pattern, names } of compiled) {
      const found = pattern.exec(path);
      if (!found) continue;
      if (route.method !== method && !(method === 'HEAD' && route.method === 'GET')) {
        allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      names.forEach((name, index) => {
        params[name] = safeDecode(found[index + 1]!);
      });
      return { route, params };
    }
    return allowed.length ? { allowed } : null;
  };
}

/** A path segment decoded, or as it came when its escapes are broken (it then matches nothing stored). */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
