import { badRequest } from '../http/responses.js';
import type { EventScope } from '../store/types.js';

/*
 * The query of the report routes: `from` and `to` in epoch ms (`to` exclusive),
 * `app` to read one app's events only, and `by` for the split.
 */

function time(url: URL, name: string): number | null {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return null;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw badRequest('invalid_query', `"${name}" must be epoch milliseconds (got ${JSON.stringify(raw)}).`);
  return value;
}

export function scopeOf(url: URL): EventScope {
  const from = time(url, 'from');
  const to = time(url, 'to');
  if (from !== null && to !== null && to < from) throw badRequest('invalid_query', `"to" (${to}) is before "from" (${from}).`);
  return { from, to, app: url.searchParams.get('app') || null };
}

/** One of `allowed` from query parameter `name`, or `fallback` when it is absent. */
export function choice<T extends string>(url: URL, name: string, allowed: readonly T[], fallback: T): T {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw badRequest('invalid_query', `"${name}" must be ${allowed.map((value) => `"${value}"`).join(' or ')} (got ${JSON.stringify(raw)}).`);
  return raw as T;
}
