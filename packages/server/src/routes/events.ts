import { parseJson, readText, requireMediaType } from '../http/body.js';
import { json } from '../http/responses.js';
import { mayBeUnstorable, parseBatch } from '../ingest/parseBatch.js';
import { routedFirings } from '../webhooks/payload.js';
import type { Route } from './route.js';

/**
 * `POST /events`: a batch from the HTTP sink, or a beacon (`text/plain`, key in the
 * query). 200 only once the sound events are committed; a batch of only refused
 * events gets 400 with the same list, which the sink drops rather than retries.
 */
export const postEvents: Route = {
  method: 'POST',
  path: '/events',
  access: 'write',
  async handle({ request, app, server }) {
    const { options, live, webhooks, worker } = server;
    requireMediaType(request, ['application/json', 'text/plain']);
    const text = await readText(request, options.maxBodyBytes);
    const { events, rejected } = parseBatch(parseJson(text), options.maxEvents, mayBeUnstorable(text));
    if (!events.length && rejected.length) {
      return json({ error: 'invalid_events', message: `All ${rejected.length} events were refused; see "rejected" for each one's reason.`, stored: 0, duplicates: 0, rejected }, 400);
    }
    const current = webhooks.endpoints.length ? await live.get() : null;
    const firings = routedFirings(app!, events, current?.config ?? null, webhooks.endpoints);
    const result = await options.store.ingest(app!, events, { firings, onceWithinMs: webhooks.onceWithinMs, now: options.now() });
    if (result.firings) worker.kick();
    return json({ stored: result.stored, duplicates: result.duplicates, rejected });
  },
};
