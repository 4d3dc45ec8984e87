import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acme } from './acme.js';
import { axeViolations, eventually, openDemo, openTab, SCREENS, type Demo } from './browser.js';
import { cockpit, serverFigures } from './cockpit.js';

const DAY = 864e5;
/** Dates as UpgradeKit's components print them (the provider's en-US, in UTC). */
const shortDate = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/*
 * The whole journey a new customer and their PM go through, with time moved by the
 * demo's clock control (day 1 is the day the trial starts): the banner at 80%,
 * dismissed with a reason; three tries at PDF export and the trial offer; the trial;
 * the ending prompt on day 12; the expiry on day 15; the upgrade through the checkout
 * page and back, credited to the prompt that converted. On each screen, axe finds
 * nothing and the console stays clean.
 *
 * The PM watches from a second tab: the cockpit of the demo's server, which the
 * app's HTTP sink reports to. The server runs on real time and the journey on the
 * demo's clock (up to 15 days ahead): the cockpit's "all time" range holds both,
 * and each journey adds exactly one conversion of team-trial-expired and one
 * "too expensive" dismissal of projects-near-limit, whatever ran before it.
 */
describe.each(SCREENS)('the journey through time, $name', (screen) => {
  let demo: Demo;
  beforeEach(async () => {
    demo = await openDemo(screen);
  });
  afterEach(async () => {
    await demo.close();
    expect(demo.problems).toEqual([]);
  });

  it('banner → dismissal with a reason → trial offer → trial → ending → expiry → checkout and back, credited in the demo and the cockpit, stable across reloads', { timeout: 150_000 }, async () => {
    const { page } = demo;
    const ui = acme(page);
    const noViolations = async (where: string, on = page) => expect(await axeViolations(on), where).toEqual([]);

    // Before: what the cockpit shows of the two triggers the journey moves.
    const tab = await openTab(demo);
    const pm = cockpit(tab);
    await pm.signIn();
    await noViolations('the cockpit overview', tab);
    await pm.openTriggers();
    const convertedBefore = await pm.converted('team-trial-expired');
    await pm.openTrigger('projects-near-limit');
    const tooExpensiveBefore = await pm.dismissed('Too expensive');
    expect({ conversions: convertedBefore, tooExpensive: tooExpensiveBefore }).toEqual({
      conversions: (await serverFigures('team-trial-expired')).conversions,
      tooExpensive: (await serverFigures('projects-near-limit')).tooExpensive,
    });
    await page.bringToFront();

    // 80% of the projects: the banner, in the words of that state.
    await ui.createProjects(2);
    const banner = ui.banner("You've used 80% of your projects.");
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Upgrade to Pro for 20 projects.');
    await noViolations('the banner at 80%');

    // Dismissed with a reason: focus stays in the content, the snooze is said, and the PM sees why.
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await banner.getByRole('button', { name: 'Too expensive' }).click();
    await banner.waitFor({ state: 'detached' });
    await eventually(ui.announcement).toBe(`Hidden until ${shortDate.format((await ui.simulatedNow()) + DAY)}.`);
    await eventually(ui.activeElement).toMatchObject({ tag: 'main' });
    await ui.event('prompt.dismissed', 'projects-near-limit (control) · reason: too expensive').waitFor();
    await eventually(() => ui.reportCell('projects-near-limit', 'dismissed')).toBe('1\ntoo expensive');

    // Three tries at PDF export on a busy workspace: the Team trial is offered; the upgrade modal waits its turn.
    await ui.attemptExport(3);
    const offer = ui.dialog('Try Team free for 14 days');
    await offer.waitFor();
    await ui.event('prompt.shown', 'pdf-trial-offer').waitFor();
    await eventually(() => ui.whyVerdict('power-user-pdf')).toMatch(/^Fired, but held back: the cap of 1 interrupting prompt a day is reached until \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/);
    await noViolations('the trial offer');

    // The trial starts in place: focus goes to the control that was unlocked, and the trial is announced.
    await offer.getByRole('button', { name: 'Start free trial' }).click();
    await offer.waitFor({ state: 'detached' });
    await eventually(ui.activeElement).toEqual({ tag: 'button', text: 'Export PDF' });
    await eventually(ui.announcement).toBe('Your Team trial has started: 14 days left.');
    await ui.event('trial.started', 'team · credited to pdf-trial-offer (control)').waitFor();
    // The header speaks of the plan in force, and offers only an upgrade that keeps it.
    expect(await ui.plan().textContent()).toBe('Team trial · 14 days left');
    expect(await ui.headerUpgrade().textContent()).toBe('Upgrade to Team');
    expect(await ui.exportPdf().getAttribute('aria-haspopup')).toBeNull();
    await noViolations('on the trial');

    // Day 12: three days left, and the ending prompt says so.
    await ui.advance('+7 days');
    await ui.advance('+1 day', 3);
    expect(await ui.plan().textContent()).toBe('Team trial · 4 days left');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await ui.advance('+1 day');
    const ending = ui.dialog('3 days left in your Team trial');
    await ending.waitFor();
    expect(await ending.textContent()).toContain('Upgrade to Team to keep it.');
    await noViolations('the trial ending');
    await ending.getByRole('button', { name: 'Not now' }).click();
    await ending.waitFor({ state: 'detached' });
    await eventually(ui.activeElement).toEqual({ tag: 'button', text: '+1 day' });

    // Day 15: the trial is over, PDF export is locked again, and the expired prompt offers what keeps it.
    await ui.advance('+1 day', 2);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await ui.advance('+1 day');
    const expired = ui.dialog('Your trial ended — keep PDF export with Pro');
    await expired.waitFor();
    await ui.event('trial.ended', 'team').waitFor();
    expect(await ui.plan().textContent()).toBe('Free plan');
    // Behind the modal dialog the page is inert (out of the accessibility tree): the lock is read from the DOM.
    expect(await page.locator('.uk-locked[data-state="locked"]').count()).toBe(1);
    await noViolations('the trial expired');

    // Checkout is a page of its own; paying returns to the app with the attribution token.
    await expired.getByRole('button', { name: 'Upgrade to Pro' }).click();
    await page.waitForURL(/\/checkout\.html\?session=cs_/);
    const checkout = page.getByRole('form', { name: 'Checkout' });
    await checkout.waitFor();
    expect(await checkout.innerText()).toMatch(/Pro plan[\s\S]*\$29 per month[\s\S]*\+\$29 per month/);
    await noViolations('the checkout page');
    await checkout.getByRole('button', { name: 'Pay and upgrade' }).click();
    await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
    await page.getByRole('status').filter({ hasText: "You're on Pro now. Thanks for upgrading! Credited to team-trial-expired." }).waitFor();
    expect(new URL(page.url()).search).toBe('');
    expect(await ui.plan().textContent()).toBe('Pro plan');
    await ui.event('upgrade.completed', 'free → pro · +$29 MRR · credited to team-trial-expired (control)').waitFor();
    await eventually(() => ui.reportCell('team-trial-expired', 'conversions')).toBe('1');
    expect(await ui.reportCell('team-trial-expired', 'mrr')).toBe('$29');
    expect(await ui.reportCell('projects-near-limit', 'dismissed')).toBe('1\ntoo expensive');
    await noViolations('back from checkout');

    // Reloading three times changes no count: nothing fires, shows or converts twice.
    await ui.settled();
    const events = await ui.eventCount();
    const report = await ui.reportText();
    for (let reload = 0; reload < 3; reload++) {
      await page.reload();
      await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
      await ui.settled();
      expect(await ui.eventCount()).toBe(events);
      expect(await ui.reportText()).toBe(report);
      expect(await ui.plan().textContent()).toBe('Pro plan');
    }

    // The cockpit: once the sink has delivered (batches every 5 s, beacons on page hide), one more of each.
    const arrived = async () => ({ conversions: (await serverFigures('team-trial-expired')).conversions, tooExpensive: (await serverFigures('projects-near-limit')).tooExpensive });
    await expect.poll(arrived, { timeout: 20_000, interval: 250 }).toEqual({ conversions: convertedBefore + 1, tooExpensive: tooExpensiveBefore + 1 });
    await tab.bringToFront();
    await pm.openTriggers();
    expect(await pm.converted('team-trial-expired')).toBe(convertedBefore + 1);
    await noViolations('the cockpit triggers', tab);
    const funnels = await pm.funnels();
    for (let reload = 0; reload < 3; reload++) {
      await pm.reload('Triggers');
      expect(await pm.funnels()).toEqual(funnels);
    }
    await pm.openTrigger('projects-near-limit');
    expect(await pm.dismissed('Too expensive')).toBe(tooExpensiveBefore + 1);
    await noViolations('the cockpit trigger detail', tab);
    const dismissals = await pm.dismissalText();
    for (let reload = 0; reload < 3; reload++) {
      await pm.reload('projects-near-limit');
      expect(await pm.dismissalText()).toBe(dismissals);
    }
  });
});
