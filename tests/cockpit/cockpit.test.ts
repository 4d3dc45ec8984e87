import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { CHROMIUM_ARGS } from '../chromium.js';

/*
 * The built cockpit on a real `@upgradekit/server`, seeded with `upgradekit sample`
 * history (globalSetup.ts), in real Chromium. A real browser has no fake clock,
 * so every step waits for the state it needs and never sleeps.
 */

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const url = (path: string) => `${inject('cockpitUrl')}${path}`;
const admin = () => ({ authorization: `Bearer ${inject('adminToken')}` });

let profile: string;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeEach(async () => {
  const setupProblem = inject('setupProblem');
  if (setupProblem) throw new Error(setupProblem);
  profile = await mkdtemp(join(tmpdir(), 'upgradekit-cockpit-'));
  context = await chromium.launchPersistentContext(profile, { executablePath: inject('chromiumPath'), args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 }, colorScheme: 'light', reducedMotion: 'reduce' });
  context.setDefaultTimeout(15_000);
  page = context.pages()[0] ?? (await context.newPage());
  problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
});

afterEach(async () => {
  if (inject('setupProblem')) return;
  await context?.close();
  await rm(profile, { recursive: true, force: true });
  expect(problems).toEqual([]);
});

/** Serious and critical axe violations on the page now. */
async function axeViolations(): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations.filter(({ impact }) => impact === 'serious' || impact === 'critical').map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
}

/** Waits for a screen's heading and for its loading states to end. */
async function screen(heading: string) {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[data-state="loading"]').length === 0);
}

const go = async (label: string, heading: string) => {
  await page.getByRole('navigation', { name: 'Cockpit' }).getByRole('link', { name: label }).click();
  await screen(heading);
};

const served = async () => {
  const answer = await fetch(url('/api/config'), { headers: admin() });
  return { etag: answer.headers.get('etag'), config: (await answer.json()) as { version: string; triggers: Array<{ id: string; when: { all: Array<{ gateHits?: { atLeast: number } }> } }> } };
};
const pdfThreshold = (config: Awaited<ReturnType<typeof served>>['config']) => config.triggers.find((trigger) => trigger.id === 'power-user-pdf')!.when.all[0]!.gateHits!.atLeast;

async function signIn() {
  await page.goto(url('/'));
  await page.getByLabel('Admin token').fill(inject('adminToken'));
  await page.getByLabel('Your name (shown in the config history)').fill('Priya');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await screen('Overview');
}

describe('the cockpit on a real server', () => {
  it('signs in, reads every screen, and passes axe on each', async () => {
    await page.goto(url('/triggers'));
    await page.getByLabel('Admin token').fill('wrong-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'That is not the admin token of this server.' }).waitFor();
    // The browser logs the refused request itself; that one is expected, and nothing else is.
    expect(problems).toEqual(['console error: Failed to load resource: the server responded with a status of 401 ()']);
    problems.length = 0;
    expect(await axeViolations()).toEqual([]);
    await signIn();
    await page.getByRole('img', { name: /^Expansion MRR, \d+ weeks from / }).waitFor();
    expect(await page.getByRole('table', { name: 'Expansion MRR by week' }).getByRole('row').count()).toBeGreaterThan(4);
    expect(await axeViolations()).toEqual([]);

    // A trigger's funnel reads as the server's report counts it.
    await go('Triggers', 'Triggers');
    const report = (await (await fetch(url('/api/report'), { headers: admin() })).json()) as { triggers: Array<{ triggerId: string; fired: number; shown: number; clicked: number; conversions: number }> };
    const pdf = report.triggers.find((trigger) => trigger.triggerId === 'power-user-pdf')!;
    expect(pdf.shown).toBeGreaterThan(0);
    const funnel = page.getByRole('article', { name: 'power-user-pdf' }).getByRole('table', { name: 'Funnel of power-user-pdf' });
    const row = async (step: string) => (await funnel.getByRole('row', { name: new RegExp(`^${step}`) }).textContent())?.trim();
    expect([await row('Fired'), await row('Shown'), await row('Clicked'), await row('Converted')]).toEqual([`Fired${pdf.fired}`, `Shown${pdf.shown}`, `Clicked${pdf.clicked}`, `Converted${pdf.conversions}`]);
    expect(await axeViolations()).toEqual([]);

    await page.getByRole('article', { name: 'power-user-pdf' }).getByRole('link', { name: 'power-user-pdf' }).click();
    await screen('power-user-pdf');
    await page.getByRole('heading', { level: 2, name: 'Variants side by side' }).waitFor();
    expect(await axeViolations()).toEqual([]);

    await go('Customers', 'Customer lookup');
    await page.getByLabel('Customer id').fill('cus_0001');
    await page.keyboard.press('Enter');
    await screen('Customer lookup');
    await page.getByRole('heading', { level: 2, name: 'Prompt history' }).waitFor();
    expect(await page.getByRole('article').count()).toBe(report.triggers.length);
    expect(await axeViolations()).toEqual([]);

    await go('Config', 'Config');
    await page.getByText('Valid against the config schema.').waitFor();
    expect(await axeViolations()).toEqual([]);
  });

  it('edits a threshold, simulates it, publishes it, sees it served at /config, and rolls back', async () => {
    await signIn();
    await go('Config', 'Config');
    await page.getByText('Valid against the config schema.').waitFor();
    const before = await served();
    expect(pdfThreshold(before.config)).toBe(2);

    // Edit with the keyboard: select everything in the editor and type the changed config.
    const edited = JSON.stringify(before.config, null, 2).replace(/("gateHits": \{\s*"feature": "pdfExport",\s*"atLeast": )2/, '$14');
    await page.getByRole('textbox', { name: 'Config JSON' }).click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(edited);
    await page.getByText('Valid against the config schema.').waitFor();

    await page.getByRole('button', { name: 'Simulate' }).click();
    const simulation = page.getByRole('region', { name: 'Simulation: live config against the edited one' });
    await simulation.waitFor({ timeout: 60_000 });
    await page.getByText(/^Changes: .*power-user-pdf/).waitFor();
    expect(await simulation.locator('tr[data-trigger="power-user-pdf"] td[data-changed="true"]').count()).toBeGreaterThan(0);
    expect(await axeViolations()).toEqual([]);

    await page.getByLabel('Note').fill('PDF prompt after 4 tries');
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText(/^Published .+: it is live/).waitFor();
    const published = await served();
    expect(pdfThreshold(published.config)).toBe(4);
    expect(published.config.version).not.toBe(before.config.version);
    expect(published.etag).toBe(`"${published.config.version}"`);
    const newest = page.getByRole('region', { name: 'Config versions' }).getByRole('row').nth(1);
    await expect.poll(() => newest.textContent()).toContain('PDF prompt after 4 tries');
    expect(await newest.textContent()).toContain('Priya');

    await page.getByRole('button', { name: `Roll back to ${before.config.version}` }).click();
    await page.getByText(new RegExp(`^Rolled back to ${before.config.version}: .+ is live`)).waitFor();
    const rolledBack = await served();
    expect(pdfThreshold(rolledBack.config)).toBe(2);
    expect([before.config.version, published.config.version]).not.toContain(rolledBack.config.version);
  });
});
