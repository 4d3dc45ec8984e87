import { json } from '../http/responses.js';
import type { Route } from './route.js';

/** `GET /health`: whether the store answers, and how many events it holds. */
export const health: Route = {
  method: 'GET',
  path: '/health',
  access: 'public',
  async handle({ server }) {
    const { store } = server.options;
    return json({ ok: true, store: store.kind, events: await store.countEvents() });
  },
};

/** `GET /session`: 204 when the admin token is right (the cockpit's sign-in check; a wrong one never gets here). */
export const session: Route = {
  method: 'GET',
  path: '/session',
  access: 'admin',
  handle: async () => new Response(null, { status: 204 }),
};
