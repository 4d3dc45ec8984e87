import { parseConfig, type Config, type UpgradeKitEvent } from '@upgradekit/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { expect } from 'vitest';
import { Cockpit } from '../app/Cockpit.js';
import { createFakeApi, type FakeApi } from './fakeApi/createFakeApi.js';
import { generateHistory } from './fakeApi/history.js';
import { sampleConfig } from './fakeApi/sampleConfig.js';

export const TOKEN = 'admin-secret';
/** Monday 2 November 2026; the history runs four weeks from it, and the cockpit's clock stands at its end. */
export const START = Date.UTC(2026, 10, 2);
export const END = START + 28 * 864e5;
export const DAY = 864e5;

/** The sample config as the server validates it, for expected figures (`buildReport`). */
export const liveConfig: Config = parseConfig({ ...sampleConfig, version: 'v1' }).config!;

/** The stored history: the SDK itself driving 160 customers through four weeks (made once: the files share one module graph). */
export const history: UpgradeKitEvent[] = generateHistory(parseConfig(sampleConfig).config!, { customers: 160, days: 28, start: START, seed: 7 });

/** `sessionStorage` of one test. */
export function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (key: string) => data.get(key) ?? null, setItem: (key: string, value: string) => void data.set(key, value), removeItem: (key: string) => void data.delete(key), data };
}

export interface Rendered {
  api: FakeApi;
  user: ReturnType<typeof userEvent.setup>;
  storage: ReturnType<typeof memoryStorage>;
}

export interface RenderOptions {
  /** The cockpit's address to start at. Default: `/`. */
  at?: string;
  events?: UpgradeKitEvent[];
  /** The server's first config; `null` for a server with none. */
  config?: Record<string, unknown> | null;
  /** Whether a token is kept from earlier in the tab. Default: `true`. */
  signedIn?: boolean;
  /** Replaces the fake's fetch, e.g. with a server that is down. */
  fetch?: (api: FakeApi) => typeof globalThis.fetch;
}

/** Renders the cockpit against a fresh fake server. */
export function renderCockpit({ at = '/', events = history, config = sampleConfig, signedIn = true, fetch }: RenderOptions = {}): Rendered {
  history_.replaceState(null, '', at);
  const api = createFakeApi({ adminToken: TOKEN, events, config: config ?? undefined, now: () => END });
  const storage = memoryStorage(signedIn ? { 'upgradekit.cockpit.token': TOKEN } : {});
  render(<Cockpit fetch={fetch ? fetch(api) : api.fetch} storage={storage} now={() => END} />);
  return { api, user: userEvent.setup(), storage };
}
const history_ = window.history;

/** A server that is down: every request fails as `fetch` fails without an answer. */
export const serverDown = () => () => Promise.reject(new TypeError('Failed to fetch'));

/** Serious and critical axe violations on the page now, as `id: targets` lines. */
export async function axeProblems(): Promise<string[]> {
  const { violations } = await axe.run(document, { resultTypes: ['violations'] });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Waits for the screen's heading, then for every loading state on it to end. */
export async function screenLoaded(title: string): Promise<void> {
  await screen.findByRole('heading', { level: 1, name: title }, { timeout: 10_000 });
  await expect.poll(() => document.querySelectorAll('[data-state="loading"]').length, { timeout: 10_000 }).toBe(0);
}

/** The text of a table row whose header cell is `name`. */
export function rowText(table: HTMLElement, name: string): string {
  const header = [...table.querySelectorAll('tbody th')].find((cell) => cell.textContent?.trim() === name);
  return header?.closest('tr')?.textContent ?? '';
}
