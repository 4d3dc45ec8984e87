import { buildReport } from '@upgradekit/core/report';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { percent, points } from '../format.js';
import { sampleConfig } from './fakeApi/sampleConfig.js';
import { axeProblems, history, liveConfig, renderCockpit, rowText, screenLoaded, serverDown } from './harness.js';

const report = buildReport(history, liveConfig);
const figures = (id: string) => report.triggers.find((trigger) => trigger.triggerId === id)!;
const card = (id: string) => screen.getByRole('article', { name: id });

describe('Triggers', () => {
  it("draws each trigger's funnel with its counts, conversion rate and holdout", async () => {
    renderCockpit({ at: '/triggers' });
    await screenLoaded('Triggers');
    expect(screen.getAllByRole('article').map((article) => article.getAttribute('data-trigger'))).toEqual(report.triggers.map((trigger) => trigger.triggerId));
    for (const trigger of report.triggers) {
      const funnel = within(card(trigger.triggerId)).getByRole('table', { name: `Funnel of ${trigger.triggerId}` });
      expect(['Fired', 'Shown', 'Clicked', 'Converted'].map((step) => rowText(funnel, step))).toEqual([`Fired${trigger.fired}`, `Shown${trigger.shown}`, `Clicked${trigger.clicked}`, `Converted${trigger.conversions}`]);
      expect(card(trigger.triggerId).textContent).toContain(`Conversion rate${percent(trigger.conversionRate)}`);
    }
    expect(await axeProblems()).toEqual([]);
  });

  it('reads each lift: a real lift, a prune candidate whose interval stays around zero, too few customers, no holdout', async () => {
    renderCockpit({ at: '/triggers' });
    await screenLoaded('Triggers');
    const lifting = figures('power-user-pdf').liftInterval;
    expect(lifting.low).toBeGreaterThan(0);
    expect(within(card('power-user-pdf')).getByText('Lifts conversion')).toBeTruthy();
    expect(card('power-user-pdf').querySelector('.lift__sentence')!.textContent).toBe(
      `Customers shown the prompt converted more often: ${points(lifting.difference)} (95% interval ${points(lifting.low)} to ${points(lifting.high)}).`,
    );
    const flat = figures('projects-near-limit');
    expect(flat.liftInterval.low! < 0 && flat.liftInterval.high! > 0).toBe(true);
    expect(within(card('projects-near-limit')).getByText('Prune candidate')).toBeTruthy();
    expect(card('projects-near-limit').textContent).toContain(`No measurable lift after ${flat.shownCustomers} shown, ${flat.heldOutCustomers} held out`);
    const few = figures('free-seats-full');
    expect(few.liftInterval.insufficient).toBe('too_few_customers');
    expect(card('free-seats-full').textContent).toContain(`Too few customers for an interval (${few.shownCustomers} shown, ${few.heldOutCustomers} held out); each group needs 30.`);
    expect(within(card('team-growing')).getByText('No holdout')).toBeTruthy();
  });

  it('opens a trigger from the keyboard', async () => {
    const { user } = renderCockpit({ at: '/triggers' });
    await screenLoaded('Triggers');
    within(card('power-user-pdf')).getByRole('link', { name: 'power-user-pdf' }).focus();
    await user.keyboard('{Enter}');
    await screenLoaded('power-user-pdf');
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
  });

  it('names a trigger that events record but the live config no longer has', async () => {
    const renamed = { ...sampleConfig, triggers: sampleConfig.triggers.filter((trigger) => trigger.id !== 'team-growing') };
    renderCockpit({ at: '/triggers', config: renamed });
    await screenLoaded('Triggers');
    expect(within(screen.getByRole('article', { name: 'team-growing Not in the live config' })).getByRole('link', { name: 'team-growing' })).toBeTruthy();
  });

  it('has an empty state for a config without triggers and no events', async () => {
    renderCockpit({ at: '/triggers', events: [], config: { ...sampleConfig, triggers: [] } });
    await screenLoaded('Triggers');
    expect(screen.getByText('No triggers yet')).toBeTruthy();
    expect(await axeProblems()).toEqual([]);
  });

  it('shows an error with a retry when the server is down', async () => {
    renderCockpit({ at: '/triggers', fetch: (api) => (input, init) => (String(input).includes('/report') ? serverDown()() : api.fetch(input, init)) });
    await screenLoaded('Triggers');
    expect(screen.getByRole('alert').textContent).toContain('The server cannot be reached');
    expect(within(screen.getByRole('alert')).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
