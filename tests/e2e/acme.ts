import type { Page } from 'playwright-core';
import { eventually } from './browser.js';

const DAY = 864e5;

/** Acme Projects as a customer and a PM see it: what to read and what to press, by role and name first. */
export function acme(page: Page) {
  const meter = (name: string) => page.getByRole('meter', { name, exact: true });
  const simulatedNow = async () => Date.parse((await page.getByTestId('simulated-date').locator('time').getAttribute('datetime')) ?? '');
  const whyLeafText = (triggerId: string, leaf: number) => page.locator(`.trigger[data-trigger="${triggerId}"] .leaf > span:last-child`).nth(leaf).textContent();
  const gateHits = async () => Number(/(\d+) gate hits? on pdfExport in 7d/.exec((await whyLeafText('power-user-pdf', 0)) ?? '')?.[1]);

  const ui = {
    meter,
    /** The whole UsageMeter (bar, text, status, CTA) around the `role="meter"` bar. */
    meterCard: (name: string) => page.locator('.uk-meter').filter({ has: meter(name) }),
    plan: () => page.getByTestId('current-plan'),
    headerUpgrade: () => page.getByRole('banner').getByRole('button', { name: /^Upgrade to/ }),
    exportPdf: () => page.getByRole('button', { name: 'Export PDF' }),
    newProject: () => page.getByRole('button', { name: 'New project' }),
    banner: (text: string) => page.locator('.uk-banner').filter({ hasText: text }),
    dialog: (name: string) => page.getByRole('dialog', { name }),
    /** What UpgradeKit's live region said last (after a dismissal, a trial start). */
    announcement: () => page.locator('[data-uk-announcer]').textContent(),
    whyStatus: (triggerId: string) => page.locator(`.trigger[data-trigger="${triggerId}"] .status`).textContent(),
    whyVerdict: (triggerId: string) => page.locator(`.trigger[data-trigger="${triggerId}"] .trigger__verdict`).textContent(),
    whyLeafText,
    event: (type: string, text: string) => page.locator(`[data-event="${type}"]`, { hasText: text }),
    eventCount: async () => Number(await page.locator('#events-title .count').textContent()),
    reportCell: (triggerId: string, column: string) => page.locator(`tr[data-trigger="${triggerId}"] td[data-col="${column}"]`).innerText(),
    /** Every figure of the conversion report, as one text: what a reload must leave alone. */
    reportText: () => page.locator('#reports').innerText(),
    activeElement: () => page.evaluate(() => ({ tag: document.activeElement?.tagName.toLowerCase(), text: document.activeElement?.textContent?.trim() ?? '' })),
    simulatedNow,
    /** Waits two frames: impressions are counted by an IntersectionObserver, whose callbacks run with a frame. */
    settled: () => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())))),

    async createProjects(count: number) {
      for (let index = 0; index < count; index++) {
        const before = Number(await meter('Projects').getAttribute('aria-valuenow'));
        await ui.newProject().click();
        await eventually(() => meter('Projects').getAttribute('aria-valuenow')).toBe(String(before + 1));
      }
    },

    /** Presses the locked Export PDF `count` times; each press is a gate hit the Why panel counts. */
    async attemptExport(count: number) {
      for (let index = 0; index < count; index++) {
        const before = await gateHits();
        await ui.exportPdf().click();
        await eventually(gateHits).toBe(before + 1);
      }
    },

    /** Moves the demo's clock by the control's buttons, and waits for the new date on screen. */
    async advance(step: '+1 hour' | '+1 day' | '+7 days', times = 1) {
      for (let index = 0; index < times; index++) {
        const before = await simulatedNow();
        await page.getByRole('group', { name: 'Advance the clock' }).getByRole('button', { name: step }).click();
        await eventually(async () => (await simulatedNow()) - before).toBeGreaterThanOrEqual(step === '+1 hour' ? DAY / 24 : step === '+1 day' ? DAY : 7 * DAY);
      }
    },
  };
  return ui;
}
