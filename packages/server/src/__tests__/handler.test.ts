import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG } from './config.js';
import { event } from './events.js';
import { ORIGIN, request, testServer, WRITE_KEY, type TestServer } from './server.js';

let server: TestServer;
beforeAll(async () => {
  server = await testServer('pglite');
});
afterAll(async () => {
  await server?.close();
});

describe('POST /api/events', () => {
  it('stores a batch, and answers a repeated one with its duplicates', async () => {
    const events = [event(), event({ type: 'gate.hit' })];
    expect(await server.call('POST', '/api/events', { key: WRITE_KEY, body: { events } })).toMatchObject({ status: 200, body: { stored: 2, duplicates: 0, rejected: [] } });
    expect((await server.call('POST', '/api/events', { key: WRITE_KEY, body: { events } })).body).toEqual({ stored: 0, duplicates: 2, rejected: [] });
  });

  it('keeps the sound events of a batch and names each refused one with its index and reason', async () => {
    const sound = event();
    const { status, body } = await server.call('POST', '/api/events', { key: WRITE_KEY, body: { events: [{ ...event(), at: 'yesterday' }, sound, { type: 'gate.hit' }] } });
    expect(status).toBe(200);
    expect(body.stored).toBe(1);
    expect(body.rejected).toEqual([
      { index: 0, reason: 'at: expected number, got string' },
      { index: 2, reason: expect.stringContaining('id: is required') },
    ]);
  });

  it('refuses a batch of only malformed events with 400 and the same list, so the sink drops it', async () => {
    const { status, body } = await server.call('POST', '/api/events', { key: WRITE_KEY, body: { events: [{ nope: true }] } });
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'invalid_events', stored: 0, rejected: [{ index: 0 }] });
  });

  it('takes a beacon: a text/plain body with the key in the query', async () => {
    const beacon = event();
    const response = await server.handler(request('POST', `/api/events?key=${WRITE_KEY}`, { body: JSON.stringify({ events: [beacon] }), headers: { 'content-type': 'text/plain;charset=UTF-8' } }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ stored: 1, duplicates: 0, rejected: [] });
  });
});

describe('GET and PUT /api/config', () => {
  it('serves the initial config with its version as ETag, and 304 while it is unchanged', async () => {
    const first = await server.handler(request('GET', '/api/config', { key: WRITE_KEY }));
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"v1"');
    expect(await first.json()).toEqual({ ...CONFIG, version: 'v1' });
    const again = await server.handler(request('GET', '/api/config', { key: WRITE_KEY, headers: { 'if-none-match': '"v1"' } }));
    expect(again.status).toBe(304);
  });

  it('refuses an invalid config with every problem and its path, and keeps the live one', async () => {
    const invalid = { ...CONFIG, plans: [{ ...CONFIG.plans[0], grants: { projectz: 3 } }] };
    const { status, body } = await server.call('PUT', '/api/config', { admin: true, body: { config: invalid } });
    expect(status).toBe(422);
    expect(body.error).toBe('invalid_config');
    expect(body.issues).toContainEqual({ path: 'plans[0].grants.projectz', message: expect.stringContaining('feature "projectz" is not defined') });
    expect((await server.call('GET', '/api/config', { admin: true })).body.version).toBe('v1');
  });

  it('publishes a new version, lists the history newest first, and rolls back by publishing an old one anew', async () => {
    const cheaper = { ...CONFIG, policy: { attributionWindow: '3d' } };
    const put = await server.call('PUT', '/api/config', { admin: true, body: { config: cheaper, note: 'shorter window' }, headers: { 'x-upgradekit-author': 'pm@acme' } });
    expect(put).toMatchObject({ status: 201, body: { version: 'v2', live: true } });
    const served = await server.handler(request('GET', '/api/config', { key: WRITE_KEY, headers: { 'if-none-match': '"v1"' } }));
    expect(served.status).toBe(200);
    expect((await served.json()).policy).toEqual({ attributionWindow: '3d' });

    const back = await server.call('POST', '/api/config/rollback', { admin: true, body: { version: 'v1' } });
    expect(back).toMatchObject({ status: 201, body: { version: 'v3' } });
    const { body } = await server.call('GET', '/api/config/versions', { admin: true });
    expect(body.versions.map((v: any) => [v.version, v.author, v.note, v.live, v.rollbackOf])).toEqual([
      ['v3', 'admin', 'rollback to v1', true, 'v1'],
      ['v2', 'pm@acme', 'shorter window', false, null],
      ['v1', 'server', 'initial config', false, null],
    ]);
    expect((await server.call('GET', '/api/config/versions/v3', { admin: true })).body.config).toEqual({ ...CONFIG, version: 'v3' });
    expect((await server.call('GET', '/api/config/versions/v9', { admin: true })).body.error).toBe('unknown_version');
    expect((await server.call('POST', '/api/config/rollback', { admin: true, body: { version: 'v9' } })).status).toBe(404);
  });
});

describe('who may call what', () => {
  it.each([
    ['POST', '/api/events', {}, 'A valid write key is required'],
    ['POST', '/api/events', { key: 'wk_guess' }, 'A valid write key is required'],
    ['GET', '/api/report', { key: WRITE_KEY }, 'admin token'],
    ['PUT', '/api/config', { admin: 'wrong' }, 'admin token'],
    ['GET', '/api/session', {}, 'admin token'],
  ] as const)('%s %s without the right credentials: 401', async (method, path, credentials, message) => {
    const { status, body } = await server.call(method, path, { ...credentials, body: method === 'GET' ? undefined : { events: [event()] } });
    expect(status).toBe(401);
    expect(body).toMatchObject({ error: 'unauthorized', message: expect.stringContaining(message) });
  });

  it('confirms the admin token, and tells health to anyone', async () => {
    expect((await server.handler(request('GET', '/api/session', { admin: true }))).status).toBe(204);
    expect((await server.call('GET', '/api/health')).body).toEqual({ ok: true, store: 'pglite', events: await server.store.countEvents() });
  });

  it('answers CORS preflights and requests of allowed origins only', async () => {
    const preflight = await server.handler(request('OPTIONS', '/api/events', { headers: { origin: ORIGIN, 'access-control-request-method': 'POST' } }));
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-upgradekit-key');
    const allowed = await server.handler(request('GET', '/api/config', { key: WRITE_KEY, headers: { origin: ORIGIN } }));
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    // A page of this very server, whose URL a framework or a proxy rewrote, is same-origin: no CORS needed.
    const sameSite = await server.handler(request('POST', '/api/events', { key: WRITE_KEY, body: { events: [event()] }, headers: { origin: 'http://127.0.0.1:3000', 'x-forwarded-host': '127.0.0.1:3000' } }));
    expect(sameSite.status).toBe(200);
    const foreign = await server.handler(request('OPTIONS', '/api/events', { headers: { origin: 'https://evil.example' } }));
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('says which routes exist and which methods a route answers', async () => {
    expect(await server.call('GET', '/api/nope')).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await server.call('DELETE', '/api/events', { key: WRITE_KEY })).toMatchObject({ status: 405, body: { error: 'method_not_allowed', allowed: ['POST'] } });
    expect((await server.call('GET', '/elsewhere')).status).toBe(404);
  });
});
