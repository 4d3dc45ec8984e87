import { afterEach, describe, expect, it } from 'vitest';
import { acme } from './acme.js';
import { axeViolations, eventually, openDemo, SCREENS, type Demo } from './browser.js';

/* What read wrong to a new user, each fixed and checked in Chromium. */

let demo: Demo | undefined;
afterEach(async () => {
  await demo?.close();
  expect(demo?.problems).toEqual([]);
  demo = undefined;
});

describe('Acme Projects in Chromium', () => {
  it('banner copy follows the state: "will pause soon" while near the limit, "reached" at it', async () => {
    demo = await openDemo();
    const { page } = demo;
    const ui = acme(page);
    const importCrm = page.getByRole('button', { name: 'Run CRM import' });
    await importCrm.click();
    await importCrm.click();
    await eventually(() => ui.meter('API calls').getAttribute('aria-valuenow')).toBe('880');
    const banner = page.locator('.uk-banner').filter({ hasText: 'API calls' }).or(page.locator('.uk-banner').filter({ hasText: 'integrations' }));
    await eventually(() => banner.getByRole('status').textContent()).toBe("Your integrations will pause soon. You've used most of this month's API calls. Pro includes 10,000 a month.");
    await importCrm.click();
    await eventually(() => ui.meter('API calls').getAttribute('aria-valuenow')).toBe('1000');
    await eventually(() => banner.getByRole('status').textContent()).toBe("You've reached your API calls limit. Upgrade to Pro for 10,000 API calls.");
    expect(await banner.getAttribute('data-state')).toBe('exceeded');

    // At 5 of 5 projects the projects banner says the limit is reached too.
    await ui.createProjects(3);
    await ui.banner("You've reached your projects limit.").waitFor();
    expect(await ui.meterCard('Projects').getAttribute('data-state')).toBe('exceeded');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('gives the locked Export PDF the semantics of what it does: a button that opens an upgrade dialog, by pointer and keyboard', async () => {
    demo = await openDemo();
    const { page } = demo;
    const ui = acme(page);
    const control = ui.exportPdf();
    expect(await control.getAttribute('aria-disabled')).toBeNull();
    expect(await control.getAttribute('aria-haspopup')).toBe('dialog');
    expect(await control.getAttribute('aria-expanded')).toBe('false');
    const description = await control.evaluate((element) => document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent);
    expect(description).toBe('PDF export is a Pro feature Upgrade to unlock it.');

    const popover = page.getByRole('dialog', { name: 'PDF export is a Pro feature' });
    await control.hover();
    await popover.waitFor();
    await page.mouse.move(5, 880);
    await popover.waitFor({ state: 'hidden' });
    // By keyboard: Shift+Tab from New project lands on it, and the popover explains it.
    await ui.newProject().focus();
    await page.keyboard.press('Shift+Tab');
    await eventually(ui.activeElement).toEqual({ tag: 'button', text: 'Export PDF' });
    await popover.waitFor();
    expect(await control.getAttribute('aria-expanded')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await popover.waitFor({ state: 'hidden' });
    // Pressing it is an attempt (a gate hit), which the first-try tooltip trigger counts.
    await page.keyboard.press('Enter');
    await eventually(() => ui.whyStatus('pdf-first-try')).toBe('Showing');
  });

  it('marks the route in the navigation with aria-current, also after a reload', async () => {
    demo = await openDemo();
    const { page } = demo;
    const nav = page.getByRole('navigation', { name: 'Primary' });
    const current = () => nav.locator('[aria-current="page"]').textContent();
    expect(await current()).toBe('Projects');
    await nav.getByRole('link', { name: 'Usage' }).click();
    await eventually(current).toBe('Usage');
    expect(new URL(page.url()).hash).toBe('#usage');
    await nav.getByRole('link', { name: 'Reports' }).click();
    await eventually(current).toBe('Reports');
    expect(await nav.locator('[aria-current]').count()).toBe(1);
    await page.reload();
    await eventually(current).toBe('Reports');
  });

  it('follows the system into dark mode, and the toggle overrides it and is kept', async () => {
    demo = await openDemo(SCREENS[0]);
    const { page } = demo;
    const toggle = page.getByRole('button', { name: 'Dark mode' });
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const light = await background();
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-upgradekit-theme'))).toBe('dark');
    expect(await background()).not.toBe(light);
    await page.reload();
    await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('at 390 px keeps the navigation, labels on one line, and hints that the report table scrolls', async () => {
    demo = await openDemo(SCREENS[1]);
    const { page } = demo;
    const nav = page.getByRole('navigation', { name: 'Primary' });
    for (const name of ['Projects', 'Usage', 'Reports']) {
      const box = (await nav.getByRole('link', { name }).boundingBox())!;
      expect(box.x >= 0 && box.x + box.width <= 390, `${name} is on screen`).toBe(true);
    }
    // One line each: as tall as a single line of their text.
    for (const label of [acme(page).plan(), acme(page).headerUpgrade(), nav.getByRole('link', { name: 'Projects' })]) {
      const single = await label.evaluate((element) => element.getBoundingClientRect().height < 2.2 * parseFloat(getComputedStyle(element).fontSize) + 14);
      expect(single, (await label.textContent()) ?? undefined).toBe(true);
    }
    const hint = page.getByText('Scroll sideways to see all 10 columns');
    await hint.waitFor();
    const table = page.getByRole('group', { name: 'Conversion report' });
    expect(await table.getAttribute('aria-describedby')).toBe('report-scroll-hint');
    await table.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await eventually(() => table.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('keeps its clock across reloads, and with it windows slide, snoozes end and monthly usage starts over', async () => {
    demo = await openDemo();
    const { page } = demo;
    const ui = acme(page);
    await ui.attemptExport(1);
    await eventually(() => ui.whyStatus('pdf-first-try')).toBe('Showing');
    await ui.advance('+1 hour');
    const ahead = await ui.simulatedNow();
    await page.reload();
    await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
    expect(await ui.simulatedNow()).toBeGreaterThanOrEqual(ahead);
    expect(await page.getByTestId('simulated-date').locator('..').textContent()).toContain('1 h ahead of real time');

    // The gate hit leaves the one-day window.
    await ui.advance('+1 day');
    await eventually(() => ui.whyLeafText('pdf-first-try', 0)).toBe('0 gate hits on pdfExport in 1d (needs at least 1)');
    expect(await ui.whyStatus('pdf-first-try')).toBe('Not fired');

    // A snoozed banner comes back once its snooze ends.
    await ui.createProjects(2);
    const banner = ui.banner("You've used 80% of your projects.");
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await banner.getByRole('button', { name: 'Remind me later' }).click();
    await banner.waitFor({ state: 'detached' });
    await eventually(() => ui.whyVerdict('projects-near-limit')).toMatch(/^Fired, but held back: snoozed after a dismissal until /);
    await ui.advance('+1 day');
    await banner.waitFor();

    // API calls reset on the first of the month: five weeks always cross one.
    expect(await ui.meter('API calls').getAttribute('aria-valuenow')).toBe('640');
    await ui.advance('+7 days', 5);
    await eventually(() => ui.meter('API calls').getAttribute('aria-valuenow')).toBe('0');
  });

  it('cancelling the checkout page comes back with nothing changed', async () => {
    demo = await openDemo();
    const { page } = demo;
    const ui = acme(page);
    await ui.headerUpgrade().click();
    await page.waitForURL(/\/checkout\.html\?session=cs_/);
    await page.getByRole('link', { name: 'Cancel' }).click();
    await page.getByRole('status').filter({ hasText: 'Checkout cancelled: nothing changed.' }).waitFor();
    expect(new URL(page.url()).search).toBe('');
    expect(await ui.plan().textContent()).toBe('Free plan');
    expect(await ui.event('upgrade.completed', '').count()).toBe(0);
  });
});
