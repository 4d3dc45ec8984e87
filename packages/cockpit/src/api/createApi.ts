import type { ConversionReport } from '@upgradekit/core/report';
import * as z from 'zod/mini';
import { ApiError, type ApiProblem } from './problem.js';
import { issuesSchema, liveConfigSchema, publishedSchema, storedVersionSchema, versionsSchema, type ConfigJson } from './schemas/config.js';
import { customerSchema } from './schemas/customer.js';
import { promptsPerWeekSchema, reportSchema, seriesSchema } from './schemas/report.js';
import { comparisonSchema } from './schemas/simulation.js';

export interface ApiOptions {
  /** The admin token, sent as `authorization: Bearer <token>`. */
  token: string;
  /** Default: the global `fetch`. Tests pass an in-process server. */
  fetch?: typeof fetch | undefined;
  /** Where the routes live. Default: `/api` on the page's origin. */
  base?: string | undefined;
  /** Who publishes and rolls back, for the config history (`x-upgradekit-author`). Default: the server's (`admin`). */
  author?: string | undefined;
}

/** A reporting window in epoch ms; an end left out is unbounded. */
export interface Range {
  from?: number | undefined;
  to?: number | undefined;
}

const query = (params: Record<string, string | number | undefined>) => {
  const entries = Object.entries(params).filter((entry): entry is [string, string | number] => entry[1] !== undefined);
  return entries.length ? `?${new URLSearchParams(entries.map(([key, value]) => [key, String(value)])).toString()}` : '';
};

const errorBody = z.object({ error: z.optional(z.string()), message: z.optional(z.string()), issues: z.optional(issuesSchema) });

/** The problem an error answer describes, with the server's own sentence where it gave one. */
async function problemOfAnswer(response: Response): Promise<ApiProblem> {
  const parsed = errorBody.safeParse(await response.json().catch(() => null));
  const body = parsed.success ? parsed.data : {};
  const said = body.message;
  if (response.status === 401) return { kind: 'unauthorized', message: said ?? 'The server did not accept the admin token.' };
  if (response.status === 404) return { kind: 'not_found', code: body.error ?? 'not_found', message: said ?? 'Not found.' };
  if (response.status === 422) return { kind: 'invalid_config', message: said ?? 'The server rejected the config.', issues: body.issues ?? [] };
  return { kind: 'server', status: response.status, message: said ?? `The server answered ${response.status} ${response.statusText}.` };
}

/**
 * The cockpit's client of `@upgradekit/server`: one method per route, every answer
 * checked against its schema. Failures throw an `ApiError` whose `problem` says
 * what went wrong (server down, token wrong, not found, invalid config, ...).
 */
export function createApi({ token, fetch: fetcher = (...args) => fetch(...args), base = '/api', author }: ApiOptions) {
  async function call(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (author && method !== 'GET') headers['x-upgradekit-author'] = author;
    let response: Response;
    try {
      response = await fetcher(`${base}${path}`, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) });
    } catch {
      throw new ApiError({ kind: 'network', message: 'The UpgradeKit server cannot be reached. Is `upgradekit serve` running?' });
    }
    if (!response.ok) throw new ApiError(await problemOfAnswer(response));
    return response;
  }

  async function read<T>(schema: z.ZodMiniType<T>, method: string, path: string, body?: unknown): Promise<T> {
    const response = await call(method, path, body);
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (parsed.success) return parsed.data;
    const where = parsed.error.issues[0]?.path.join('.') || 'the answer';
    throw new ApiError({ kind: 'invalid_answer', message: `The server's answer to ${method} ${base}${path.split('?')[0]} is not what this cockpit reads (at ${where}); are the server and the cockpit the same version?` });
  }

  return {
    /** Resolves when the token is the admin token (204); rejects with `unauthorized` otherwise. */
    checkSession: async (): Promise<void> => void (await call('GET', '/session')),
    report: (range: Range, by: 'trigger' | 'variant' | 'version' = 'trigger'): Promise<ConversionReport> => read(reportSchema, 'GET', `/report${query({ ...range, by })}`),
    series: (range: Range) => read(seriesSchema, 'GET', `/report/series${query({ ...range, interval: 'week' })}`),
    promptsPerWeek: (range: Range) => read(promptsPerWeekSchema, 'GET', `/report/prompts-per-week${query({ ...range })}`),
    liveConfig: () => read(liveConfigSchema, 'GET', '/config'),
    versions: async () => (await read(versionsSchema, 'GET', '/config/versions')).versions,
    version: (version: string) => read(storedVersionSchema, 'GET', `/config/versions/${encodeURIComponent(version)}`),
    publish: (config: ConfigJson, note?: string) => read(publishedSchema, 'PUT', '/config', { config, ...(note && { note }) }),
    rollback: (version: string) => read(publishedSchema, 'POST', '/config/rollback', { version }),
    simulate: (config: ConfigJson, range: Range) => read(comparisonSchema, 'POST', '/simulate', { config, ...range }),
    customer: (customerId: string) => read(customerSchema, 'GET', `/customers/${encodeURIComponent(customerId)}`),
  };
}

export type Api = ReturnType<typeof createApi>;
