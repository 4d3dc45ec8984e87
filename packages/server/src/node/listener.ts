import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NodeHttp1Handler } from 'srvx';
import { toNodeHandler } from 'srvx/node';
import { serveStatic } from './staticFiles.js';

export interface NodeListenerOptions {
  /** A directory served at `/` (the cockpit's build), with `index.html` for paths without a file. Default: none. */
  staticDir?: string | undefined;
  /** The handler's prefix, which static files never shadow. Default: `'/api'`. */
  prefix?: string | undefined;
}

type FetchHandler = (request: Request) => Promise<Response>;

/** The handler with static files in front of it, for everything outside the prefix. */
export function withStaticFiles(handler: FetchHandler, { staticDir, prefix = '/api' }: NodeListenerOptions): FetchHandler {
  if (!staticDir) return handler;
  return async (request) => {
    const { pathname } = new URL(request.url);
    const underPrefix = pathname === prefix || pathname.startsWith(`${prefix}/`);
    if (!underPrefix && (request.method === 'GET' || request.method === 'HEAD')) {
      const file = await serveStatic(staticDir, pathname, request.method);
      if (file) return file;
    }
    return handler(request);
  };
}

/** A `node:http` request listener for a fetch handler: `http.createServer(toNodeListener(server))`. */
export function toNodeListener(handler: FetchHandler, options: NodeListenerOptions = {}): (request: IncomingMessage, response: ServerResponse) => void {
  // Node's `http` (not http2): the HTTP/1 half of srvx's handler type.
  const listener = toNodeHandler(withStaticFiles(handler, options)) as NodeHttp1Handler;
  return (request, response) => void listener(request, response);
}
