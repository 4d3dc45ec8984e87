import { parseConfig, type Config, type UpgradeKitEvent } from '@upgradekit/core';
import { buildReport } from '@upgradekit/core/report';
import { replayCustomerState } from '@upgradekit/core/replay';
import { promptsPerWeek, weeklySeries } from './reports.js';
import { byCustomer, simulate } from './simulate.js';

/** A stored config version, as the server keeps them. */
interface StoredVersion {
  version: string;
  createdAt: number;
  author: string;
  note: string | null;
  rollbackOf: string | null;
  json: Record<string, unknown>;
  config: Config;
}

export interface FakeApiOptions {
  adminToken: string;
  /** The stored history. */
  events: UpgradeKitEvent[];
  /** The first live config (stored as version `v1`); none when left out. */
  config?: Record<string, unknown> | undefined;
  /** The server's clock, for `createdAt`. */
  now: () => number;
}

export interface FakeApi {
  /** The server as a fetch handler: `(Request) => Promise<Response>`. */
  handle(request: Request): Promise<Response>;
  /** A `fetch` that answers from `handle`, for the cockpit under test. */
  fetch: typeof fetch;
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const error = (status: number, code: string, message: string, details: object = {}) => json({ error: code, message, ...details }, status);

/** `parseConfig`'s `path: message` lines as the server's `{ path, message }` issues. */
const issuesOf = (errors: string[]) => errors.map((line) => ({ path: line.slice(0, Math.max(0, line.indexOf(': '))), message: line.slice(line.indexOf(': ') + 2) }));

/**
 * An in-process `@upgradekit/server` after its API contract: admin auth, config
 * versions with rollback, the report (`buildReport` over the stored events),
 * weekly series, prompts per week, simulation and customer replays with the
 * SDK's own engine. State lives in this object only.
 */
export function createFakeApi({ adminToken, events, config, now }: FakeApiOptions): FakeApi {
  const versions: StoredVersion[] = [];
  let live: StoredVersion | null = null;
  const store = (input: Record<string, unknown>, author: string, note: string | null, rollbackOf: string | null) => {
    const version = `v${versions.length + 1}`;
    const withVersion = { ...input, version };
    const parsed = parseConfig(withVersion);
    if (!parsed.success) return { issues: issuesOf(parsed.errors) };
    live = { version, createdAt: now(), author, note, rollbackOf, json: withVersion, config: parsed.config };
    versions.unshift(live);
    return { stored: live };
  };
  if (config) store(config, 'admin', 'initial config', null);

  const routes: Array<[string, RegExp, (request: Request, match: RegExpMatchArray, url: URL) => Response | Promise<Response>]> = [
    ['GET', /^\/api\/session$/, () => new Response(null, { status: 204 })],
    ['GET', /^\/api\/config$/, () => (live ? json(live.json, 200, { etag: `"${live.version}"` }) : error(404, 'no_config', 'No config is stored yet; publish one with PUT /api/config.'))],
    ['GET', /^\/api\/config\/versions$/, () => json({ versions: versions.map(({ json: _json, config: _config, ...entry }) => ({ ...entry, live: entry.version === live?.version })) })],
    ['GET', /^\/api\/config\/versions\/([^/]+)$/, (_request, match) => {
      const found = versions.find((entry) => entry.version === decodeURIComponent(match[1]!));
      return found ? json({ version: found.version, createdAt: found.createdAt, author: found.author, note: found.note, config: found.json }) : error(404, 'unknown_version', `No config version "${match[1]}".`);
    }],
    ['PUT', /^\/api\/config$/, async (request) => {
      const body = (await request.json()) as { config?: Record<string, unknown>; note?: string };
      const result = store(body.config ?? {}, request.headers.get('x-upgradekit-author') ?? 'admin', body.note ?? null, null);
      return result.stored ? json({ version: result.stored.version, live: true }, 201) : error(422, 'invalid_config', 'The config does not validate; nothing was stored and the live config is unchanged.', { issues: result.issues });
    }],
    ['POST', /^\/api\/config\/rollback$/, async (request) => {
      const { version } = (await request.json()) as { version: string };
      const target = versions.find((entry) => entry.version === version);
      if (!target) return error(404, 'unknown_version', `No config version "${version}".`);
      const result = store(target.json, request.headers.get('x-upgradekit-author') ?? 'admin', null, version);
      return json({ version: result.stored!.version, live: true }, 201);
    }],
    ['GET', /^\/api\/report$/, (_request, _match, url) => {
      if (!live) return error(404, 'no_config', 'No config is stored yet; the report needs the live config.');
      const { from, to } = windowOf(url);
      return json(buildReport(events, live.config, { from, to, byConfigVersion: url.searchParams.get('by') === 'version' }));
    }],
    ['GET', /^\/api\/report\/series$/, (_request, _match, url) => (live ? json(weeklySeries(events, live.config, windowOf(url).from, windowOf(url).to)) : error(404, 'no_config', 'No config is stored yet.'))],
    ['GET', /^\/api\/report\/prompts-per-week$/, (_request, _match, url) => (live ? json(promptsPerWeek(events, live.config, windowOf(url).from, windowOf(url).to)) : error(404, 'no_config', 'No config is stored yet.'))],
    ['POST', /^\/api\/simulate$/, async (request) => {
      const body = (await request.json()) as { config?: unknown; from?: number; to?: number };
      const candidate = parseConfig(body.config);
      if (!candidate.success) return error(422, 'invalid_config', 'The candidate config does not validate.', { issues: issuesOf(candidate.errors) });
      if (!live) return error(404, 'no_config', 'No config is stored yet; there is nothing to compare with.');
      const window = { ...(body.from !== undefined && { from: body.from }), ...(body.to !== undefined && { to: body.to }) };
      const [liveResult, candidateResult] = await simulate([live.config, candidate.config], events, window);
      return json({ live: liveResult, candidate: candidateResult });
    }],
    ['GET', /^\/api\/customers\/([^/]+)$/, (_request, match) => {
      const customerId = decodeURIComponent(match[1]!);
      const own = byCustomer(events).get(customerId);
      if (!own || !live) return error(404, 'unknown_customer', `No events are stored for customer "${customerId}".`);
      const { explanations } = replayCustomerState(live.config, [...own])!;
      const prompts = own.flatMap((event) => (event.type.startsWith('prompt.') && 'triggerId' in event ? [{ at: event.at, type: event.type, triggerId: event.triggerId, variant: event.variant, kind: 'kind' in event ? event.kind : null, reason: 'reason' in event ? (event.reason ?? null) : null }] : []));
      return json({ customerId, events: own.length, explanations, prompts });
    }],
  ];

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (request.headers.get('authorization') !== `Bearer ${adminToken}`) return error(401, 'unauthorized', 'The admin token is missing or wrong.');
    for (const [method, pattern, answer] of routes) {
      const match = url.pathname.match(pattern);
      if (match && method === request.method) return answer(request, match, url);
    }
    return error(404, 'not_found', `No route ${request.method} ${url.pathname}.`);
  }
  return { handle, fetch: (input, init) => handle(new Request(new URL(String(input), 'http://cockpit.test'), init)) };
}

function windowOf(url: URL): { from?: number; to?: number } {
  const from = url.searchParams.get('from');
  const to = url.searchParams.get('to');
  return { ...(from !== null && { from: Number(from) }), ...(to !== null && { to: Number(to) }) };
}
