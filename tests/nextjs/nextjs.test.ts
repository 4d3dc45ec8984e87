import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM_ARGS } from '../chromium.js';

/*
 * The Next.js App Router example as a visitor meets it: server-rendered with the
 * bootstrap customer, hydrated in Chromium without a warning, a limit enforced by a
 * server action with the same `check`, and events stored by the route handler.
 */

const url = inject('nextUrl');
let profile: string;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  profile = await mkdtemp(join(tmpdir(), 'upgradekit-nextjs-browser-'));
  context = await chromium.launchPersistentContext(profile, { executablePath: inject('nextChromium'), args: CHROMIUM_ARGS });
  context.setDefaultTimeout(15_000);
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // A failed request is reported below with its URL.
    if (message.text().startsWith('Failed to load resource')) return;
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
});

afterAll(async () => {
  await context?.close();
  await rm(profile, { recursive: true, force: true });
});

describe('examples/nextjs', () => {
  it('renders the bootstrap customer on the server', async () => {
    const html = await (await fetch(url)).text();
    expect(html).toContain('aria-valuetext="2 of 3 projects"');
  });

  it('hydrates without a warning and enforces the limit in a server action', async () => {
    await page.goto(url);
    const meter = page.getByRole('meter');
    await expect.poll(() => meter.getAttribute('aria-valuetext')).toBe('2 of 3 projects');
    await page.getByRole('button', { name: 'New project' }).click();
    await expect.poll(() => meter.getAttribute('aria-valuetext')).toBe('3 of 3 projects. Limit reached');
    await page.getByRole('button', { name: 'New project' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'The server refused' }).textContent()).toBe('The server refused: limit_reached; pro allows 20.');
    expect(problems).toEqual([]);
  });

  it("stores the browser's events through the route handler", async () => {
    await expect.poll(async () => (await (await fetch(`${url}/api/upgradekit/health`)).json()).events, { timeout: 15_000 }).toBeGreaterThan(0);
    const config = await fetch(`${url}/api/upgradekit/config?key=wk_nextjs_example`);
    expect(config.headers.get('etag')).toBe('"v1"');
  });
});
