import { HttpError } from './responses.js';

/*
 * Cross-origin access for exactly the configured origins. A request from any other
 * origin is refused before it is read, beacons included (they are sent without a
 * preflight), so a foreign page cannot write events with a key it copied.
 * Requests without an `Origin` (servers, the CLI) and same-origin ones pass.
 */

const ALLOW_HEADERS = 'content-type, authorization, if-none-match, x-upgradekit-key, x-upgradekit-author';

/**
 * Whether the request comes from a page of this server itself. Frameworks and proxies
 * rewrite the request URL (Next.js serves `localhost` for `127.0.0.1`), so the host
 * the browser addressed (`Host`, or `X-Forwarded-Host` behind a proxy) and the
 * browser's own `Sec-Fetch-Site` count too.
 */
function isSameOrigin(request: Request, url: URL, origin: string): boolean {
  if (origin === url.origin || request.headers.get('sec-fetch-site') === 'same-origin') return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  return host === (request.headers.get('x-forwarded-host') ?? request.headers.get('host'));
}

/** The request's `Origin` when it is cross-origin and allowed, `null` when it is not cross-origin; throws 403 for a foreign one. */
export function allowedOrigin(request: Request, url: URL, allowedOrigins: readonly string[]): string | null {
  const origin = request.headers.get('origin');
  if (origin === null || isSameOrigin(request, url, origin)) return null;
  if (allowedOrigins.includes(origin)) return origin;
  throw new HttpError(403, 'forbidden_origin', `Requests from ${origin} are not allowed; add it to allowedOrigins on the server.`);
}

export function corsHeaders(origin: string): Record<string, string> {
  return { 'access-control-allow-origin': origin, vary: 'Origin', 'access-control-expose-headers': 'ETag' };
}

/** The answer to a preflight from an allowed origin. */
export function preflight(origin: string | null): Response {
  const headers: Record<string, string> = {
    'access-control-allow-methods': 'GET, POST, PUT, OPTIONS',
    'access-control-allow-headers': ALLOW_HEADERS,
    'access-control-max-age': '600',
  };
  return new Response(null, { status: 204, headers: origin ? { ...corsHeaders(origin), ...headers } : headers });
}
