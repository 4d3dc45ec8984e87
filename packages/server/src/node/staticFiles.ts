import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';

/*
 * The cockpit's built files at `/`: a file when the path names one inside the
 * directory, else `index.html` for the single-page app's own routes. Paths that
 * climb out of the directory never name a file.
 */

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

async function fileAt(path: string): Promise<{ path: string; size: number } | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size } : null;
  } catch {
    return null;
  }
}

function send(file: { path: string; size: number }, method: string, cache: string): Response {
  const headers = { 'content-type': TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream', 'content-length': String(file.size), 'cache-control': cache };
  const body = method === 'HEAD' ? null : (Readable.toWeb(createReadStream(file.path)) as ReadableStream<Uint8Array>);
  return new Response(body, { status: 200, headers });
}

/** Serves `GET`/`HEAD` of `pathname` from `dir`, or `null` when `dir` has no such file and no `index.html`. */
export async function serveStatic(dir: string, pathname: string, method: string): Promise<Response | null> {
  const root = resolve(dir);
  let relative: string;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const target = resolve(join(root, relative));
  const inside = target === root || target.startsWith(root + sep);
  const file = inside && !relative.includes('\0') ? await fileAt(target) : null;
  // Built assets carry a hash in their names; index.html must be fetched anew to find the new ones.
  if (file) return send(file, method, relative.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
  const index = await fileAt(join(root, 'index.html'));
  return index ? send(index, method, 'no-cache') : null;
}
