import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { CHROMIUM_ARGS } from '../chromium.js';

/*
 * Acme Projects (examples/saas-demo), built and served by globalSetup, in real
 * Chromium. A real browser has no fake clock, so every step waits for the DOM
 * state it needs (expect.poll, locator.waitFor) and never sleeps.
 */

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let profile: string;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeEach(async () => {
  // A fresh profile per test: empty localStorage, so each test starts as a new visitor.
  profile = await mkdtemp(join(tmpdir(), 'upgradekit-e2e-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: inject('chromiumPath'),
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  // Fail a missing element within the test's time, not Playwright's default 30 s.
  context.setDefaultTimeout(10_000);
  page = context.pages()[0] ?? (await context.newPage());
  problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  await page.goto(inject('demoUrl'));
  await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
});

afterEach(async () => {
  await context?.close();
  await rm(profile, { recursive: true, force: true });
  // The app and UpgradeKit ran without an error or a warning in the console.
  expect(problems).toEqual([]);
});

/** Polls until the assertion holds (5 s), like a user waiting for the screen to update. */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 5_000, interval: 25 });

const meter = (name: string) => page.getByRole('meter', { name, exact: true });
/** The whole UsageMeter (bar, text, status, CTA) around the `role="meter"` bar. */
const meterCard = (name: string) => page.locator('.uk-meter').filter({ has: meter(name) });
const newProject = () => page.getByRole('button', { name: 'New project' });
const exportPdf = () => page.getByRole('button', { name: 'Export PDF' });
const upgradeModal = () => page.getByRole('dialog', { name: 'Export to PDF with Pro' });
const whyLeaf = (triggerId: string, leaf: number) => page.locator(`.trigger[data-trigger="${triggerId}"] .leaf`).nth(leaf);
const reportCell = (triggerId: string, column: string) => page.locator(`tr[data-trigger="${triggerId}"] td[data-col="${column}"]`);
const activeElement = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? null);

async function createProjects(count: number) {
  for (let index = 0; index < count; index++) {
    const before = Number(await meter('Projects').getAttribute('aria-valuenow'));
    await newProject().click();
    await eventually(() => meter('Projects').getAttribute('aria-valuenow')).toBe(String(before + 1));
  }
}

/** Gate hits on PDF export, as the Why panel explains the compound trigger. */
async function gateHits(): Promise<number> {
  const text = (await whyLeaf('power-user-pdf', 0).textContent()) ?? '';
  return Number(/(\d+) gate hits? on pdfExport in 7d/.exec(text)?.[1]);
}

/** Clicks the locked Export PDF `count` times; each attempt is recorded as a gate hit. */
async function attemptExport(count: number) {
  for (let index = 0; index < count; index++) {
    const before = await gateHits();
    // The control is aria-disabled (locked, yet focusable and clickable): Playwright would wait for it to be enabled.
    await exportPdf().click({ force: true });
    await eventually(gateHits).toBe(before + 1);
  }
}

/** The customer path to the compound trigger: projects to the limit (≥ 70%), then three tries at PDF export. */
async function reachUpgradeModal() {
  await createProjects(3);
  await attemptExport(3);
  await upgradeModal().waitFor();
  // Counted as seen once it is actually on screen (an IntersectionObserver), not merely mounted.
  await page.locator('[data-event="prompt.shown"]', { hasText: 'power-user-pdf' }).waitFor();
}

async function axeViolations() {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, targets: nodes.map((node) => node.target.join(' ')) }));
  });
}

describe('Acme Projects demo in Chromium', () => {
  it('meters usage to the limit, announces it, explains the locked feature, and opens and closes the upgrade modal like a dialog', async () => {
    // The meter: numbers as text and as ARIA values.
    await eventually(() => meter('Projects').getAttribute('aria-valuenow')).toBe('2');
    expect(await meter('Projects').getAttribute('aria-valuemax')).toBe('5');
    expect(await meterCard('Projects').locator('.uk-meter__text').textContent()).toBe('2 of 5 projects');
    expect(await meterCard('Projects').getAttribute('data-state')).toBe('ok');
    expect(await meterCard('API calls').locator('.uk-meter__text').textContent()).toMatch(/^640 of 1,000 API calls · resets /);
    expect(await meterCard('Seats').locator('.uk-meter__text').textContent()).toBe('1 of 2 seats');
    const limitAnnouncement = page.getByRole('status').filter({ hasText: 'projects limit' });
    expect(await limitAnnouncement.count()).toBe(0);

    // To the limit: 80% warns, 100% is exceeded, and the banner says so in a live region.
    await createProjects(2);
    await eventually(() => meterCard('Projects').getAttribute('data-state')).toBe('warning');
    await page.getByRole('status').filter({ hasText: "You've used 80% of your projects." }).waitFor();
    await createProjects(1);
    expect(await meterCard('Projects').locator('.uk-meter__text').textContent()).toBe('5 of 5 projects');
    await eventually(() => meterCard('Projects').getAttribute('data-state')).toBe('exceeded');
    expect(await meterCard('Projects').textContent()).toContain('Limit reached');
    await limitAnnouncement.waitFor();
    expect(await limitAnnouncement.textContent()).toContain("You've reached your projects limit. Upgrade to Pro for 20 projects.");

    // The locked feature explains itself on hover...
    const tooltip = page.getByRole('dialog', { name: 'PDF export is a Pro feature' });
    expect(await exportPdf().getAttribute('aria-disabled')).toBe('true');
    await exportPdf().hover();
    await tooltip.waitFor();
    expect(await tooltip.getByRole('button').textContent()).toBe('Upgrade to Pro');
    await page.mouse.move(5, 880);
    await tooltip.waitFor({ state: 'hidden' });
    // ...and on keyboard focus.
    await newProject().focus();
    await page.keyboard.press('Shift+Tab');
    await eventually(activeElement).toBe('Export PDF');
    await tooltip.waitFor();
    await page.keyboard.press('Escape');
    await tooltip.waitFor({ state: 'hidden' });

    expect(await axeViolations()).toEqual([]);

    // Three tries at PDF export with projects at 100% (≥ 70%): the compound trigger opens the modal.
    await attemptExport(2);
    expect(await upgradeModal().count()).toBe(0);
    await attemptExport(1);
    await upgradeModal().waitFor();
    expect(await upgradeModal().getAttribute('aria-modal')).toBe('true');
    // Focus is inside it, and it is a modal dialog in the top layer (the page behind is inert).
    await eventually(() => page.evaluate(() => Boolean(document.activeElement?.closest('dialog:modal')))).toBe(true);
    expect(await upgradeModal().textContent()).toContain('+$29 per month');
    expect(await whyLeaf('power-user-pdf', 1).textContent()).toContain('projects usage is 100% of the limit (needs at least 70%)');
    await eventually(() => page.locator('.trigger[data-trigger="power-user-pdf"] .status').textContent()).toBe('Showing');

    expect(await axeViolations()).toEqual([]);

    // Escape closes it, focus goes back to the control that opened it, and the dismissal is recorded.
    await page.keyboard.press('Escape');
    await upgradeModal().waitFor({ state: 'detached' });
    await eventually(activeElement).toBe('Export PDF');
    await page.locator('[data-event="prompt.dismissed"]', { hasText: 'power-user-pdf' }).waitFor();
    await eventually(() => reportCell('power-user-pdf', 'dismissed').textContent()).toBe('1');

    // Usage survives a reload: the backend still says 2 projects, UpgradeKit's stored usage is newer.
    await page.reload();
    await eventually(() => meter('Projects').getAttribute('aria-valuenow')).toBe('5');
    expect(await meterCard('Projects').getAttribute('data-state')).toBe('exceeded');
    await limitAnnouncement.waitFor();
    // Snoozed: the modal does not come back on the next page.
    expect(await upgradeModal().count()).toBe(0);
  });

  it('upgrades through the modal and a checkout, credits the trigger, and keeps plan and usage across a reload', async () => {
    await reachUpgradeModal();

    await upgradeModal().getByRole('button', { name: 'Upgrade to Pro' }).click();
    const checkout = page.getByRole('dialog', { name: 'Checkout' });
    await checkout.waitFor();
    expect(await checkout.textContent()).toContain('Pro plan');
    expect(await checkout.textContent()).toContain('+$29');
    await checkout.getByRole('button', { name: 'Confirm upgrade' }).click();
    await checkout.waitFor({ state: 'hidden' });

    // The plan is Pro: the limit moves from 5 to 20 and PDF export unlocks.
    await eventually(() => page.getByTestId('current-plan').textContent()).toBe('Pro plan');
    await eventually(() => meter('Projects').getAttribute('aria-valuemax')).toBe('20');
    expect(await meterCard('Projects').locator('.uk-meter__text').textContent()).toBe('5 of 20 projects');
    expect(await meterCard('Projects').getAttribute('data-state')).toBe('ok');
    expect(await exportPdf().getAttribute('aria-disabled')).toBeNull();
    await exportPdf().click();
    await page.getByRole('status').filter({ hasText: 'Exported “Northwind Studio projects.pdf”' }).waitFor();

    // The conversion is credited to the trigger whose prompt converted.
    const completed = page.locator('[data-event="upgrade.completed"]');
    await completed.waitFor();
    expect(await completed.textContent()).toContain('free → pro · +$29 MRR · credited to power-user-pdf (control)');
    await eventually(() => reportCell('power-user-pdf', 'conversions').textContent()).toBe('1');
    expect(await reportCell('power-user-pdf', 'shown').textContent()).toBe('1');
    expect(await reportCell('power-user-pdf', 'clicked').textContent()).toBe('1');
    expect(await reportCell('power-user-pdf', 'mrr').textContent()).toBe('$29');
    for (const other of ['api-calls-low', 'team-trial', 'pdf-first-try']) expect(await reportCell(other, 'conversions').textContent()).toBe('0');

    // A reload keeps the plan (the backend), the usage (UpgradeKit's storage) and the report (the event log).
    await page.reload();
    await eventually(() => meter('Projects').getAttribute('aria-valuenow')).toBe('5');
    expect(await meter('Projects').getAttribute('aria-valuemax')).toBe('20');
    expect(await page.getByTestId('current-plan').textContent()).toBe('Pro plan');
    await eventually(() => reportCell('power-user-pdf', 'conversions').textContent()).toBe('1');
    expect(await upgradeModal().count()).toBe(0);
  });
});
