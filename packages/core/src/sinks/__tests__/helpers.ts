import type { EventOf, UpgradeKitEvent } from '../../conversion/events.js';
import { SDK_VERSION } from '../../version.js';

export const URL = 'https://collect.example.com/events';
/** The key earlier versions kept one queue for every tab under; each tab now adds its own suffix. */
export const STORAGE_KEY = 'upgradekit:v1:events';

/** Every event persisted under the HTTP sink's keys, one queue per tab (and the legacy shared one). */
export function stored(storage: { data: Map<string, string> }): UpgradeKitEvent[] {
  return [...storage.data]
    .filter(([key]) => key === STORAGE_KEY || key.startsWith(`${STORAGE_KEY}:`))
    .flatMap(([, text]) => {
      const value = JSON.parse(text) as UpgradeKitEvent[] | { events: UpgradeKitEvent[] };
      return Array.isArray(value) ? value : value.events;
    });
}

const base = (i: number) => ({
  v: 1 as const,
  // Fixed-width ids keep failure messages readable and sort like real ids.
  id: `evt${String(i).padStart(6, '0')}`,
  at: Date.UTC(2026, 0, 1) + i,
  customerId: 'cus_1',
  mrr: 29,
  sdkVersion: SDK_VERSION,
});

export function usage(i: number, feature = 'apiCalls'): EventOf<'usage.tracked'> {
  return { ...base(i), type: 'usage.tracked', feature, amount: 1, usage: i };
}

export function upgrade(i: number): EventOf<'upgrade.completed'> {
  return { ...base(i), type: 'upgrade.completed', fromPlan: 'free', toPlan: 'pro', addOns: [], mrrDelta: 29, triggerId: 'power-user-pdf', variant: 'control' };
}

export function trial(i: number): EventOf<'trial.started'> {
  return { ...base(i), type: 'trial.started', plan: 'team', endsAt: Date.UTC(2026, 0, 8) };
}

export interface RecordedRequest {
  /** `Date.now()` when the request was made (fake under `vi.useFakeTimers()`). */
  at: number;
  url: string;
  init: RequestInit;
  events: UpgradeKitEvent[];
  ids: string[];
}

type Answer = Response | Error | Promise<Response | Error>;

/** A `fetch` that records each request and answers with `respond` (an `Error` becomes a network failure). */
export function fakeFetch(respond: (request: RecordedRequest, index: number) => Answer) {
  const requests: RecordedRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const events = (JSON.parse(String(init.body)) as { events: UpgradeKitEvent[] }).events;
    const request = { at: Date.now(), url: String(input), init, events, ids: events.map((e) => e.id) };
    requests.push(request);
    const answer = await respond(request, requests.length - 1);
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

export const reply = (status: number, headers?: Record<string, string>) =>
  new Response(status === 204 ? null : '{}', headers ? { status, headers } : { status });

/** A promise with its resolve outside, for answers that arrive when the test says so. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export function range(n: number, from = 0): number[] {
  return Array.from({ length: n }, (_, i) => from + i);
}
