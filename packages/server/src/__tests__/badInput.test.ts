import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG } from './config.js';
import { event } from './events.js';
import { ADMIN, BASE, request, testServer, WRITE_KEY, type TestServer } from './server.js';

/*
 * Hostile and broken requests: each gets its status and an actionable message,
 * nothing of it is stored, and the server answers the next request as before.
 */

let server: TestServer;
let eventsBefore = 0;
beforeAll(async () => {
  server = await testServer('pglite', { limits: { maxBodyBytes: 64 * 1024, maxEvents: 100 } });
});
afterAll(async () => {
  await server?.close();
});
afterEach(async () => {
  // The server keeps serving, and the config it serves is the one it had.
  const health = await server.call('GET', '/api/health');
  expect(health).toMatchObject({ status: 200, body: { ok: true } });
  expect(health.body.events).toBe(eventsBefore);
  expect((await server.call('GET', '/api/config', { key: WRITE_KEY })).body.version).toBe('v1');
});

const post = (body: BodyInit, headers: Record<string, string>) => new Request(`${BASE}/api/events`, { method: 'POST', body, headers: { 'x-upgradekit-key': WRITE_KEY, ...headers } });
const json = { 'content-type': 'application/json' };
const batch = (events: unknown[]) => JSON.stringify({ events });
const deep = (depth: number): unknown => (depth ? { all: [deep(depth - 1)] } : { usage: { feature: 'projects', atLeast: 0.5 } });

const CASES: Array<[string, () => Request, number, string, string]> = [
  ['malformed JSON', () => post('{"events": [', json), 400, 'invalid_json', 'not valid JSON'],
  ['an empty body', () => post('', json), 400, 'invalid_json', 'empty'],
  ['JSON that is not a batch', () => post('[1, 2]', json), 400, 'invalid_body', '{ "events": [ ... ] }'],
  ['bytes that are not UTF-8', () => post(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), json), 400, 'invalid_encoding', 'UTF-8'],
  ['a form body', () => post('events=1', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported_media_type', 'application/json or text/plain'],
  ['no content type', () => new Request(`${BASE}/api/events`, { method: 'POST', body: new Blob([batch([event()])]), headers: { 'x-upgradekit-key': WRITE_KEY } }), 415, 'unsupported_media_type', 'no content-type'],
  ['a body over the limit', () => post(batch([event(), { ...event(), padding: 'x'.repeat(70 * 1024) }]), json), 413, 'body_too_large', 'limits.maxBodyBytes'],
  ['an event with a 10 MB property', () => post(batch([event(), event({ type: 'event.recorded', name: 'x', props: { blob: 'x'.repeat(10 * 1024 * 1024) } })]), json), 413, 'body_too_large', 'send smaller batches'],
  ['more events than a batch may hold', () => post(batch(Array.from({ length: 101 }, () => event())), json), 413, 'too_many_events', 'at most 100'],
  ['a wrong write key', () => new Request(`${BASE}/api/events?key=wk_stolen`, { method: 'POST', body: batch([event()]), headers: json }), 401, 'unauthorized', 'write key'],
  ['an admin token as a write key', () => new Request(`${BASE}/api/events?key=${ADMIN}`, { method: 'POST', body: batch([event()]), headers: json }), 401, 'unauthorized', 'write key'],
  ['a foreign origin, even with the key', () => post(batch([event()]), { ...json, origin: 'https://evil.example' }), 403, 'forbidden_origin', 'allowedOrigins'],
  ['a beacon from a foreign origin', () => post(batch([event()]), { 'content-type': 'text/plain', origin: 'null' }), 403, 'forbidden_origin', 'not allowed'],
];

const putConfig = (config: unknown) => request('PUT', '/api/config', { admin: true, body: { config } });
const CONFIG_CASES: Array<[string, () => Request, number, string, string]> = [
  ['a config nested 200 levels deep', () => putConfig({ ...CONFIG, triggers: [{ ...CONFIG.triggers[1], when: deep(200) }] }), 422, 'invalid_config', 'deeper than'],
  ['a __proto__ key', () => new Request(`${BASE}/api/config`, { method: 'PUT', headers: { ...json, authorization: `Bearer ${ADMIN}` }, body: `{"config": {"__proto__": {"admin": true}, "features": {}, "plans": []}}` }), 422, 'invalid_config', '__proto__'],
  ['a config that is a string', () => putConfig('<script>alert(1)</script>'), 422, 'invalid_config', 'expected object'],
  ['a trigger with an unknown route', () => putConfig({ ...CONFIG, triggers: [{ ...CONFIG.triggers[1], route: 'ceo' }] }), 422, 'invalid_config', 'triggers[0].route'],
  ['a body without config', () => request('PUT', '/api/config', { admin: true, body: { features: {} } }), 400, 'invalid_body', '"config"'],
  ['a note that is not text', () => request('PUT', '/api/config', { admin: true, body: { config: CONFIG, note: { $gt: '' } } }), 400, 'invalid_note', 'string'],
  ['a config over the body limit', () => putConfig({ ...CONFIG, padding: 'x'.repeat(80 * 1024) }), 413, 'body_too_large', 'maxBodyBytes'],
  ['a config without the admin token', () => request('PUT', '/api/config', { key: WRITE_KEY, body: { config: CONFIG } }), 401, 'unauthorized', 'admin token'],
];

describe('bad input', () => {
  beforeAll(async () => {
    eventsBefore = await server.store.countEvents();
  });

  it.each([...CASES, ...CONFIG_CASES])('%s: %i %s', async (_name, make, status, code, message) => {
    const response = await server.handler(make());
    expect(response.status).toBe(status);
    const body = await response.json();
    expect(body.error).toBe(code);
    expect(body.message).toContain(message);
  });

  it('refuses events the database cannot hold, one by one, and keeps the rest of the batch', async () => {
    const sound = event();
    const { body } = await server.call('POST', '/api/events', {
      key: WRITE_KEY,
      body: { events: [event({ customerId: 'nul\u0000byte' }), sound, event({ type: 'gate.hit', feature: 'half \ud800 pair' }), event({ customerId: 'c'.repeat(513) })] },
    });
    expect(body.stored).toBe(1);
    expect(body.rejected).toEqual([
      { index: 0, reason: expect.stringContaining('NUL character') },
      { index: 2, reason: expect.stringContaining('unpaired surrogate') },
      { index: 3, reason: 'customerId: must be at most 512 characters long' },
    ]);
    eventsBefore += 1;
  });

  it('refuses a 10 MB property inside the body limit as a bad event, not as a bad batch', async () => {
    const roomy = await testServer('pglite', { limits: { maxBodyBytes: 16 * 1024 * 1024 } }, server.store);
    const { status, body } = await roomy.call('POST', '/api/events', { key: WRITE_KEY, body: { events: [event({ type: 'event.recorded', name: 'upload', props: { blob: 'x'.repeat(10 * 1024 * 1024) } }), event()] } });
    await roomy.close();
    expect(status).toBe(200);
    expect(body).toEqual({ stored: 1, duplicates: 0, rejected: [{ index: 0, reason: 'props.blob: must be at most 512 characters long' }] });
    eventsBefore += 1;
  });
});
