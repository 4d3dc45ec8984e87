import { parseConfig, type Config } from '@upgradekit/core';
import { readJsonObject } from '../http/body.js';
import { badRequest, HttpError, json, notFound } from '../http/responses.js';
import type { Route, RouteInput } from './route.js';

/*
 * The remote config: served to the SDK with an ETag, published by admins after
 * validation (an invalid one is refused with every problem's path, and the live
 * one stays), versioned append-only, and rolled back by publishing an old one anew.
 */

const MAX_NOTE = 1000;
const MAX_AUTHOR = 200;

/** `plans[1].price: expected number` → `{ path: 'plans[1].price', message: 'expected number' }`. */
const toIssue = (error: string) => {
  const at = error.indexOf(': ');
  return at < 0 ? { path: '(root)', message: error } : { path: error.slice(0, at), message: error.slice(at + 2) };
};

/** A config from a request, parsed; a 422 listing every problem's path when it does not validate (`unchanged` says what stays as it was). */
export function validConfig(config: unknown, unchanged = 'The live config is unchanged.'): Config {
  const parsed = parseConfig(config);
  if (!parsed.success) {
    const issues = parsed.errors.map(toIssue);
    throw new HttpError(422, 'invalid_config', `The config has ${issues.length} problem(s), the first at ${issues[0]!.path}: ${issues[0]!.message}. ${unchanged}`, { issues });
  }
  return parsed.config;
}

/** The config as it was sent, after it validated: what is stored. */
function validated(config: unknown): Record<string, unknown> {
  validConfig(config);
  return config as Record<string, unknown>;
}

function authorOf(request: Request): string {
  const author = request.headers.get('x-upgradekit-author')?.trim() || 'admin';
  if (author.length > MAX_AUTHOR) throw badRequest('invalid_author', `x-upgradekit-author is over ${MAX_AUTHOR} characters.`);
  return author;
}

function noteOf(body: Record<string, unknown>): string | null {
  const { note } = body;
  if (note === undefined || note === null) return null;
  if (typeof note !== 'string' || note.length > MAX_NOTE) throw badRequest('invalid_note', `"note" must be a string of at most ${MAX_NOTE} characters.`);
  return note;
}

/** Stores a version, makes it this instance's live one, and answers 201. */
async function publish({ request, server }: RouteInput, config: Record<string, unknown>, note: string | null, rollbackOf: string | null): Promise<Response> {
  const { store, now } = server.options;
  const version = await store.putConfig(config, { author: authorOf(request), note, rollbackOf, now: now() });
  const stored = await store.configVersion(version);
  if (stored) server.live.set(stored);
  return json({ version, live: true }, 201);
}

export const getConfig: Route = {
  method: 'GET',
  path: '/config',
  access: 'write_or_admin',
  async handle({ request, server }) {
    const live = await server.live.get();
    if (!live) throw notFound('no_config', 'No config is stored yet; PUT one to /config, or start the server with a config.');
    const etag = `"${live.stored.version}"`;
    const headers = { etag, 'cache-control': 'no-cache' };
    const match = request.headers.get('if-none-match');
    if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return new Response(null, { status: 304, headers });
    return new Response(live.stored.json, { status: 200, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });
  },
};

export const putConfig: Route = {
  method: 'PUT',
  path: '/config',
  access: 'admin',
  async handle(input) {
    const body = await readJsonObject(input.request, input.server.options.maxBodyBytes);
    if (!('config' in body)) throw badRequest('invalid_body', 'Send { "config": { ... }, "note"?: "why" }.');
    return publish(input, validated(body.config), noteOf(body), null);
  },
};

export const listVersions: Route = {
  method: 'GET',
  path: '/config/versions',
  access: 'admin',
  async handle({ server }) {
    const versions = await server.options.store.configVersions();
    return json({ versions: versions.map((version, index) => ({ ...version, live: index === 0 })) });
  },
};

export const getVersion: Route = {
  method: 'GET',
  path: '/config/versions/:version',
  access: 'admin',
  async handle({ params, server }) {
    const stored = await server.options.store.configVersion(params.version!);
    if (!stored) throw notFound('unknown_version', `There is no config version ${JSON.stringify(params.version)}; GET /config/versions lists them.`);
    return json({ version: stored.version, createdAt: stored.createdAt, author: stored.author, note: stored.note, config: stored.config });
  },
};

export const rollback: Route = {
  method: 'POST',
  path: '/config/rollback',
  access: 'admin',
  async handle(input) {
    const body = await readJsonObject(input.request, input.server.options.maxBodyBytes);
    if (typeof body.version !== 'string') throw badRequest('invalid_body', 'Send { "version": "v3" }: the version to restore.');
    const old = await input.server.options.store.configVersion(body.version);
    if (!old) throw notFound('unknown_version', `There is no config version ${JSON.stringify(body.version)}; GET /config/versions lists them.`);
    return publish(input, validated(old.config), noteOf(body) ?? `rollback to ${old.version}`, old.version);
  },
};
