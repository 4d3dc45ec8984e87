import { assertConfig, createPromptEngine, createUpgradeKit, type UpgradeKitEvent } from '@upgradekit/core';
import { assignVariant, HOLDOUT } from '@upgradekit/core/internal';
import { createCallbackSink } from '@upgradekit/core/sinks';
import { createMemoryPlatform } from '@upgradekit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../webhooks/signature.js';
import type { WebhookBody } from '../webhooks/payload.js';
import { CONFIG } from './config.js';
import { T0 } from './events.js';
import { startReceiver } from './receiver.js';
import { testServer, WRITE_KEY, type TestServer } from './server.js';
import { openStore, STORE_KINDS } from './stores.js';

const SECRET = 'whsec_test';
const config = assertConfig(CONFIG);
const powerUser = config.triggers[0]!;
/** A customer the power-user experiment shows a variant to (not the holdout, whom no one contacts). */
const shownCustomer = (n: number) => Array.from({ length: 50 }, (_, i) => `acct_w${n}_${i}`).find((id) => assignVariant(powerUser, id) !== HOLDOUT)!;

/** Events of a real client whose power-user trigger fires: projects at 2 of 3, two tries of PDF export. */
function firingClient(customerId: string, now: () => number): UpgradeKitEvent[] {
  const events: UpgradeKitEvent[] = [];
  const kit = createUpgradeKit({ config: CONFIG, customer: { id: customerId, plan: 'free', usage: { projects: 2 } }, platform: createMemoryPlatform({ now }), prompts: createPromptEngine, sinks: [createCallbackSink((event) => events.push(event))] });
  kit.check('pdfExport', { attempt: true });
  kit.check('pdfExport', { attempt: true });
  kit.destroy();
  return events;
}

describe.each(STORE_KINDS)('webhooks on %s', (kind) => {
  let clock = T0;
  const now = () => clock;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let server: TestServer;
  const warnings: string[] = [];
  const webhooks = () => ({ endpoints: [{ url: receiver.url, secret: SECRET, routes: ['sales' as const], name: 'crm' }, { url: `${receiver.url}/csm`, secret: SECRET, routes: ['csm' as const] }] });
  const post = (events: UpgradeKitEvent[]) => server.call('POST', '/api/events', { key: WRITE_KEY, body: { events } });

  beforeAll(async () => {
    receiver = await startReceiver();
    server = await testServer(kind, { webhooks: webhooks(), now, onWarning: (message) => warnings.push(message) }, await openStore(kind));
  });
  afterAll(async () => {
    await server?.close();
    await server?.store.close();
    await receiver?.close();
  });

  it('calls the route\'s webhook once per firing, signed, with the explanation, the upgrade path and a Slack text', async () => {
    const customerId = shownCustomer(1);
    const events = firingClient(customerId, now);
    const fired = events.find((event) => event.type === 'trigger.fired')!;
    expect(fired).toBeDefined();
    // The customer's second tab reports the same firing a moment later, and the first tab's batch is retried.
    const otherTab = { ...fired, id: `${fired.id}-tab2`, at: fired.at + 2000 };
    expect((await post(events)).body.stored).toBe(events.length);
    await post([otherTab, ...events]);
    expect(await server.handler.deliverWebhooks()).toBe(1);

    expect(receiver.received).toHaveLength(1);
    const [call] = receiver.received;
    expect(verifyWebhookSignature({ secret: SECRET, header: call!.headers['x-upgradekit-signature'] as string, body: call!.body, now: clock })).toBe(true);
    expect(verifyWebhookSignature({ secret: 'other', header: call!.headers['x-upgradekit-signature'] as string, body: call!.body, now: clock })).toBe(false);
    expect(call!.headers['x-upgradekit-delivery']).toBe(fired.id);
    const body = JSON.parse(call!.body) as WebhookBody;
    expect(body).toMatchObject({ type: 'trigger.fired', id: fired.id, app: 'acme', route: 'sales', customer: { id: customerId, plan: 'free', mrr: 0 }, trigger: { id: 'power-user', title: 'Export to PDF with Pro' } });
    expect(body.explanation!.map((leaf) => [leaf.leaf, leaf.held, leaf.actual, leaf.expected])).toEqual([
      ['usage', true, 2 / 3, 'at least 60%'],
      ['gateHits', true, 2, 'at least 2'],
    ]);
    expect(body.upgrade).toMatchObject({ plan: 'pro', mrrDelta: 29, currency: 'USD' });
    expect(body.text).toBe(
      `*${customerId}* (on free) is ready for a sales conversation: trigger *power-user* fired.\n` +
        '• ✓ projects usage is 66.7% of the limit (needs at least 60%)\n' +
        '• ✓ 2 gate hits on pdfExport in 7d (needs at least 2)\n' +
        'Upgrade path: pro (+29 USD MRR).',
    );
  });

  it('retries a failing receiver with back-off, and delivers what a restarted server finds pending', async () => {
    receiver.received.length = 0;
    receiver.fail(500);
    await post(firingClient(shownCustomer(2), now));
    expect(await server.handler.deliverWebhooks()).toBe(1);
    expect(await server.store.deliveryCounts()).toMatchObject({ pending: 1 });
    expect(warnings.some((warning) => warning.includes('webhook crm failed (HTTP 500); retrying with back-off'))).toBe(true);
    // Not due before the first back-off (30 s, give or take a quarter) has passed.
    clock += 20_000;
    expect(await server.handler.deliverWebhooks()).toBe(0);

    // The server restarts: a new handler on the same store delivers what was pending.
    await server.close();
    clock += 20_000;
    server = await testServer(kind, { webhooks: webhooks(), now, onWarning: (message) => warnings.push(message) }, server.store);
    expect(await server.handler.deliverWebhooks()).toBe(1);
    expect(receiver.received.map((call) => call.headers['x-upgradekit-attempt'])).toEqual(['1', '2']);
    expect(await server.store.deliveryCounts()).toMatchObject({ pending: 0, delivered: 2 });
  });

  it('gives up after maxAttempts, says so, and keeps the failure on record', async () => {
    receiver.received.length = 0;
    receiver.fail(503);
    const once = await testServer(kind, { webhooks: { ...webhooks(), maxAttempts: 1 }, now, onWarning: (message) => warnings.push(message) }, server.store);
    await once.call('POST', '/api/events', { key: WRITE_KEY, body: { events: firingClient(shownCustomer(3), now) } });
    expect(await once.handler.deliverWebhooks()).toBe(1);
    await once.close();
    expect(await server.store.deliveryCounts()).toMatchObject({ pending: 0, failed: 1 });
    expect(warnings.at(-1)).toMatch(/gave up delivering firing .* to webhook crm after 1 attempt\(s\): HTTP 503/);
  });

  it('calls no one for the holdout or for triggers without a route', async () => {
    receiver.received.length = 0;
    const held = Array.from({ length: 50 }, (_, i) => `acct_h${i}`).find((id) => assignVariant(powerUser, id) === HOLDOUT)!;
    const base = { v: 1 as const, at: clock, mrr: 0, sdkVersion: '0.1.0' };
    await post([
      { ...base, id: 'held-1', customerId: held, type: 'trigger.fired', triggerId: 'power-user', variant: HOLDOUT },
      { ...base, id: 'unrouted-1', customerId: 'acct_u', type: 'trigger.fired', triggerId: 'near-limit', variant: 'control' },
    ]);
    expect(await server.handler.deliverWebhooks()).toBe(0);
    expect(receiver.received).toEqual([]);
  });
});
