import type { Page } from 'playwright-core';
import { inject } from 'vitest';

/** A count as the cockpit prints it (`1,234`). */
const number = (text: string | null) => Number((text ?? '').replaceAll(',', ''));

/**
 * The cockpit (served by the demo's `upgradekit serve`) as a PM reads it, in a tab
 * of its own: signed in with the admin token the demo printed.
 */
export function cockpit(page: Page) {
  const url = (path: string) => new URL(path, inject('demoCockpitUrl')).href;
  const screen = async (heading: string) => {
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-state="loading"]').length === 0);
  };
  /** The value cell of the bar-table row `label` in the table named `table`. */
  const barValue = async (table: string | RegExp, label: string) =>
    number(await page.getByRole('table', { name: table }).getByRole('row', { name: new RegExp(`^${label}`) }).getByRole('cell').first().textContent());

  return {
    screen,
    async signIn() {
      await page.goto(url('/'));
      await page.getByLabel('Admin token').fill(inject('demoAdminToken'));
      await page.getByRole('button', { name: 'Sign in' }).click();
      await screen('Overview');
    },
    async openTriggers() {
      await page.goto(url('/triggers'));
      await screen('Triggers');
    },
    async openTrigger(triggerId: string) {
      await page.goto(url(`/triggers/${triggerId}`));
      await screen(triggerId);
    },
    /** On Triggers: the funnel's Converted step of one trigger's card. */
    converted: (triggerId: string) => barValue(`Funnel of ${triggerId}`, 'Converted'),
    /** On Triggers: every card's funnel, as one text: what a reload must leave alone. */
    funnels: () => page.getByRole('list', { name: 'Triggers' }).locator('table.funnel').allInnerTexts(),
    /** On a trigger's detail: the dismissals given `reason` (its label: "Too expensive"). */
    dismissed: (reason: string) => barValue(/dismissals by the reason given/, reason),
    dismissalText: () => page.getByRole('table', { name: /dismissals by the reason given/ }).innerText(),
    async reload(heading: string) {
      await page.reload();
      await screen(heading);
    },
  };
}

/** What the server's own report says of one trigger: the figures the cockpit must show. */
export async function serverFigures(triggerId: string): Promise<{ conversions: number; tooExpensive: number }> {
  const answer = await fetch(new URL('/api/report', inject('demoCockpitUrl')), { headers: { authorization: `Bearer ${inject('demoAdminToken')}` } });
  const report = (await answer.json()) as { triggers: Array<{ triggerId: string; conversions: number; dismissed: { too_expensive: number } }> };
  const trigger = report.triggers.find((candidate) => candidate.triggerId === triggerId);
  return { conversions: trigger?.conversions ?? 0, tooExpensive: trigger?.dismissed.too_expensive ?? 0 };
}
