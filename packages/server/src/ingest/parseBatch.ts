import type { UpgradeKitEvent } from '@upgradekit/core';
import { parseEvent } from '@upgradekit/core/report';
import { badRequest, HttpError } from '../http/responses.js';

/*
 * A batch as the HTTP sink sends it, `{ "events": [...] }`, checked event by event
 * with the core's schemas: sound events are kept, each refused one is named by its
 * index with the reason, so one bad event never costs the batch.
 */

export interface Rejected {
  index: number;
  reason: string;
}

export interface ParsedBatch {
  events: UpgradeKitEvent[];
  rejected: Rejected[];
}

/**
 * PostgreSQL stores neither the NUL character nor half a surrogate pair in JSON:
 * such an event would fail its whole batch's statement, so it is refused alone.
 * `JSON.stringify` writes both as `\u` escapes (pairs stay raw); an escape counts
 * only after an even number of backslashes, or it is text that reads `\u0000`.
 */
const UNSTORABLE = /(?<!\\)(?:\\\\)*\\u(?:0000|d[89a-f][0-9a-f]{2})/i;
const unstorable = (event: UpgradeKitEvent) => UNSTORABLE.test(JSON.stringify(event));

/**
 * Whether JSON text may hold what the database cannot store: the same escapes, and
 * the only way such characters reach valid UTF-8 JSON. A batch whose body has none
 * (nearly all) skips the check event by event.
 */
export const mayBeUnstorable = (json: string) => UNSTORABLE.test(json);

export function parseBatch(body: unknown, maxEvents: number, suspect = true): ParsedBatch {
  const list = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as { events?: unknown }).events : undefined;
  if (!Array.isArray(list)) throw badRequest('invalid_body', 'Send { "events": [ ... ] }, as the HTTP sink does.');
  if (list.length > maxEvents) {
    throw new HttpError(413, 'too_many_events', `The batch has ${list.length} events; send at most ${maxEvents} per request (limits.maxEvents).`, { limit: maxEvents });
  }
  const events: UpgradeKitEvent[] = [];
  const rejected: Rejected[] = [];
  list.forEach((value: unknown, index) => {
    const checked = checkEvent(value, suspect);
    if ('reason' in checked) rejected.push({ index, reason: checked.reason });
    else events.push(checked.event);
  });
  return { events, rejected };
}

/** One event from outside, checked with the core's schemas and for what the database cannot store. */
export function checkEvent(value: unknown, suspect = true): { event: UpgradeKitEvent } | { reason: string } {
  const parsed = parseEvent(value);
  if (!parsed.success) return { reason: parsed.error };
  if (suspect && unstorable(parsed.event)) return { reason: 'contains a NUL character or an unpaired surrogate, which the database cannot store' };
  return { event: parsed.event };
}
