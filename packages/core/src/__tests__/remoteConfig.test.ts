import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createUpgradeKit } from '../client/createUpgradeKit.js';
import type { UpgradeKitOptions } from '../client/types.js';
import type { ConfigInput } from '../config/schema.js';
import type { UpgradeKitEvent } from '../conversion/events.js';
import { createMemoryPlatform, createMemoryStorage } from '../platform/memory.js';
import { createPromptEngine } from '../prompts/engine.js';
import { saasConfig } from './fixtures.js';

const URL = 'https://collect.example.com/config';
const T0 = Date.parse('2026-06-01T09:00:00Z');

const bundled = {
  ...saasConfig,
  version: 'bundled',
  triggers: [
    { id: 'near-limit', when: { usage: { feature: 'projects', atLeast: 0.6 } }, prompt: { kind: 'banner' as const, feature: 'projects' } },
    { id: 'pdf', when: { gateHits: { feature: 'pdfExport', atLeast: 1, within: '7d' } }, prompt: { kind: 'modal' as const, feature: 'pdfExport' } },
  ],
} satisfies ConfigInput;
/** The PM raised the free plan's projects and dropped the PDF trigger. */
const remote = {
  ...bundled,
  version: 'v2',
  plans: bundled.plans.map((plan) => (plan.id === 'free' ? { ...plan, grants: { ...plan.grants, projects: 10 } } : plan)),
  triggers: [bundled.triggers[0]!],
};

type Answer = { status: number; body?: string; etag?: string } | Error;

/** A `fetch` that answers from a list, recording each request's headers. */
function server(...answers: Answer[]) {
  const requests: Array<Record<string, string>> = [];
  const fetch = async (_url: RequestInfo | URL, init: RequestInit = {}) => {
    requests.push({ ...(init.headers as Record<string, string>) });
    const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
    if (answer instanceof Error) throw answer;
    return new Response(answer.status === 304 ? null : (answer.body ?? ''), { status: answer.status, headers: answer.etag ? { etag: answer.etag } : {} });
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

function open(fetch: typeof globalThis.fetch, options: Partial<UpgradeKitOptions> = {}, storage = createMemoryStorage()) {
  const events: UpgradeKitEvent[] = [];
  const warnings: string[] = [];
  const kit = createUpgradeKit({
    config: bundled,
    customer: { id: 'acme', plan: 'free', usage: { projects: 2 }, usageAsOf: T0 },
    platform: createMemoryPlatform({ storage, fetch }),
    prompts: createPromptEngine,
    remoteConfig: { url: URL },
    onEvent: (event) => events.push(event),
    onWarning: (message) => warnings.push(message),
    ...options,
  });
  return { kit, events, warnings, storage };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

// The remote part and the validator load on demand: loaded once here, each test's dynamic
// imports resolve from the module cache within a turn of the microtask queue.
beforeAll(async () => {
  await import('../client/remoteConfig.js');
  await import('../config/parseConfig.js');
});

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => vi.useRealTimers());

describe('remote config', () => {
  it('serves the bundled config at once, then swaps the remote one in and says so with its version', async () => {
    const { kit, events } = open(server({ status: 200, body: JSON.stringify(remote), etag: '"v2"' }).fetch);
    expect(kit.config.version).toBe('bundled');
    expect(kit.check('projects').limit).toBe(3);
    // The remote part loads on demand (a dynamic import): real module loading, not a timer.
    await vi.waitFor(() => expect(kit.config.version).toBe('v2'));
    expect(kit.check('projects').limit).toBe(10);
    expect(events.filter((event) => event.type === 'config.applied')).toEqual([expect.objectContaining({ url: URL, version: 'v2', configVersion: 'v2' })]);
    kit.track('projects');
    expect(events.at(-1)).toMatchObject({ type: 'usage.tracked', configVersion: 'v2' });
  });

  it('keeps usage, signals, impressions, trials and attribution; a dropped trigger stops and its prompt closes', async () => {
    const { kit } = open(server({ status: 304 }).fetch);
    await settle();
    kit.track('projects');
    kit.recordGateHit('pdfExport');
    kit.startTrial({ plan: 'team' });
    kit.prompts!.markShown('pdf');
    expect(kit.prompts!.getPrompts().map((prompt) => prompt.triggerId)).toContain('pdf');
    const fetchRemote = server({ status: 200, body: JSON.stringify(remote) });
    (kit.platform as { fetch: typeof fetch }).fetch = fetchRemote.fetch;
    expect(await kit.reloadConfig()).toEqual({ status: 'applied', version: 'v2' });
    expect(kit.check('projects').usage).toBe(3);
    expect(kit.getSnapshot().signals['gate:pdfExport']?.total).toBe(1);
    expect(kit.getTrial({ plan: 'team' }).state).toBe('active');
    expect(kit.prompts!.getSnapshot().history.pdf?.impressions).toBe(1);
    expect(kit.prompts!.attribution()).toEqual({ triggerId: 'pdf', variant: 'control' });
    expect(kit.prompts!.getPrompts().map((prompt) => prompt.triggerId)).not.toContain('pdf');
    expect(kit.prompts!.getSnapshot().open.has('pdf')).toBe(false);
  });

  it.each([
    ['the network is down', new TypeError('Failed to fetch'), 'network', 'Failed to fetch'],
    ['the server fails', { status: 503 }, 'http', 'HTTP 503'],
    ['the body is not JSON', { status: 200, body: '{"features":' }, 'json', 'not JSON'],
    ['the config is invalid', { status: 200, body: JSON.stringify({ ...remote, plans: [{ ...remote.plans[0], grants: { nope: 1 } }] }) }, 'invalid', 'error(s)'],
  ] as const)('keeps the current config when %s, with a warning and a config.rejected event', async (_name, answer, reason, detail) => {
    const { kit, events, warnings } = open(server(answer as Answer).fetch);
    await settle();
    expect(kit.config.version).toBe('bundled');
    expect(events.find((event) => event.type === 'config.rejected')).toMatchObject({ reason, detail: expect.stringContaining(detail) });
    expect(warnings).toEqual([expect.stringContaining(`the remote config from ${URL} was rejected`)]);
    if (reason === 'invalid') expect(warnings[0]).toContain('plans[0].grants.nope: feature "nope" is not defined');
  });

  it('asks with If-None-Match, so an unchanged config costs a 304', async () => {
    const api = server({ status: 200, body: JSON.stringify(remote), etag: '"v2"' }, { status: 304 });
    const { kit } = open(api.fetch);
    await settle();
    expect(await kit.reloadConfig()).toEqual({ status: 'unchanged' });
    expect(api.requests[1]).toMatchObject({ 'if-none-match': '"v2"' });
  });

  it('persists the last good remote config, so a reload starts from it even when the network is down', async () => {
    const first = open(server({ status: 200, body: JSON.stringify(remote), etag: '"v2"' }).fetch);
    await settle();
    first.kit.destroy();
    const second = open(server(new TypeError('offline')).fetch, {}, first.storage);
    expect(second.kit.config.version).toBe('bundled');
    await settle();
    expect(second.kit.config.version).toBe('v2');
    expect(second.kit.check('projects').limit).toBe(10);
  });

  it('polls every pollEvery, at most every 10 seconds', async () => {
    const api = server({ status: 304 });
    open(api.fetch, { remoteConfig: { url: URL, pollEvery: '5m' } });
    await settle();
    await vi.advanceTimersByTimeAsync(15 * 60_000);
    expect(api.requests).toHaveLength(4);
  });
});
