#!/usr/bin/env node
// Serves the built demo (dist/) on 127.0.0.1. Module scripts do not load over
// file://, and `vite preview` would need the whole dev toolchain at run time.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** How many ports after the requested one to try when it is taken. */
const PORT_ATTEMPTS = 20;

/**
 * Starts a static server for `root` on 127.0.0.1. Files are served with their
 * content type; any other GET path gets index.html (client-side routes). Port 0
 * picks a free port; a taken port moves on to the next ones. With `requireBuilt:
 * false` it listens before the build is there (`npm run demo` needs the app's
 * origin to start the server the build then points at), answering 503 until then.
 *
 * @param {{ root?: string, port?: number, host?: string, requireBuilt?: boolean }} [options]
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startServer({ root = fileURLToPath(new URL('./dist', import.meta.url)), port = 4173, host = '127.0.0.1', requireBuilt = true } = {}) {
  const base = resolve(root);
  const index = join(base, 'index.html');
  const built = () => stat(index).then(() => true, () => false);
  if (requireBuilt && !(await built())) throw new Error(`No built demo at ${base}: run \`npm run build -w saas-demo\` first.`);

  const server = createServer(async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (!requireBuilt && !(await built())) {
      response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5' }).end('The demo is being built; reload in a few seconds.');
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    // Never outside root, whatever the path says.
    const file = normalize(join(base, pathname));
    let target = file.startsWith(base + sep) ? file : index;
    let info = await stat(target).catch(() => null);
    if (info?.isDirectory()) {
      target = join(target, 'index.html');
      info = await stat(target).catch(() => null);
    }
    // A path with an extension that does not exist is a real 404; anything else is a client route.
    if (!info && extname(pathname)) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    if (!info) {
      target = index;
      info = await stat(index);
    }
    const hashed = target.includes(`${sep}assets${sep}`);
    response.writeHead(200, {
      'content-type': TYPES[extname(target).toLowerCase()] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(target).pipe(response);
  });

  const listen = (candidate) =>
    new Promise((resolveListen, rejectListen) => {
      const onError = (error) => {
        server.off('listening', onListening);
        rejectListen(error);
      };
      const onListening = () => {
        server.off('error', onError);
        resolveListen(server.address().port);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(candidate, host);
    });

  let bound;
  for (let attempt = 0; bound === undefined; attempt++) {
    try {
      bound = await listen(port === 0 ? 0 : port + attempt);
    } catch (error) {
      if (error.code !== 'EADDRINUSE' || port === 0 || attempt + 1 >= PORT_ATTEMPTS) throw error;
    }
  }

  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return {
    url: `http://${host}:${bound}/`,
    port: bound,
    close: () =>
      new Promise((resolveClose) => {
        // Keep-alive connections would hold the server open: end them.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolveClose());
      }),
  };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const requested = process.env.PORT === undefined || process.env.PORT === '' ? 4173 : Number(process.env.PORT);
  if (!Number.isInteger(requested) || requested < 0 || requested > 65535) {
    console.error(`PORT must be a port number, got "${process.env.PORT}"`);
    process.exit(1);
  }
  try {
    const { url, close } = await startServer({ port: requested });
    console.log(`UpgradeKit demo: ${url}`);
    const stop = () => close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
