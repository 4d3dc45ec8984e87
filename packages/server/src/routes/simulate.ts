import { simulateHistories } from '@upgradekit/core/replay';
import { readJsonObject } from '../http/body.js';
import { badRequest, json } from '../http/responses.js';
import type { EventScope } from '../store/types.js';
import { validConfig } from './config.js';
import type { Route } from './route.js';

/*
 * The what-if simulator on the stored history: every customer's events replayed
 * through the live config and a candidate with the client and prompt engine a
 * browser runs (`@upgradekit/core/replay`, as `upgradekit simulate --compare`), so
 * a product manager sees what a change would fire and show before publishing it.
 */

function time(body: Record<string, unknown>, name: 'from' | 'to'): number | null {
  const value = body[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw badRequest('invalid_body', `"${name}" must be epoch milliseconds (got ${JSON.stringify(value)}).`);
  return value;
}

function scopeOf(body: Record<string, unknown>): EventScope {
  const from = time(body, 'from');
  const to = time(body, 'to');
  if (from !== null && to !== null && to < from) throw badRequest('invalid_body', `"to" (${to}) is before "from" (${from}).`);
  const { app } = body;
  if (app !== undefined && app !== null && typeof app !== 'string') throw badRequest('invalid_body', '"app" must be the name of an app, or left out for every app.');
  return { from, to, app: app || null };
}

/** `POST /simulate` `{ config, from?, to?, app? }` → `{ live, candidate }`: two `SimulationResult`s over the same customers. */
export const simulate: Route = {
  method: 'POST',
  path: '/simulate',
  access: 'admin',
  async handle({ request, server }) {
    const body = await readJsonObject(request, server.options.maxBodyBytes);
    if (!('config' in body)) throw badRequest('invalid_body', 'Send { "config": { ... }, "from"?: ms, "to"?: ms }: the candidate config and the window to replay.');
    const candidate = validConfig(body.config, 'Nothing was simulated.');
    const scope = scopeOf(body);
    const live = await server.live.require('The simulation');
    const { store } = server.options;
    const stored = await store.eventSpan(scope);
    const span = { from: scope.from ?? stored?.first ?? null, to: scope.to ?? stored?.last ?? null };
    const [liveResult, candidateResult] = await simulateHistories([live, candidate], store.customerHistories(scope), span);
    return json({ live: liveResult, candidate: candidateResult });
  },
};
