import { buildReport } from '@upgradekit/core/report';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { money, percent } from '../format.js';
import { axeProblems, DAY, END, history, liveConfig, renderCockpit, rowText, screenLoaded, serverDown } from './harness.js';

const kpi = (name: string) => screen.getByText(name, { selector: 'dt' }).nextElementSibling?.textContent;

describe('Overview', () => {
  it('shows expansion MRR, expansion rate and NRR of the stored history, as the report computes them', async () => {
    renderCockpit();
    expect(screen.getByRole('status').textContent).toBe('Loading your session…');
    await screenLoaded('Overview');
    const { totals } = buildReport(history, liveConfig);
    expect(totals.expansionMrr).toBeGreaterThan(0);
    expect(kpi('Expansion MRR')).toBe(money(totals.expansionMrr));
    expect(kpi('Expansion rate')).toBe(percent(totals.expansionRate));
    expect(kpi('Net revenue retention')).toBe(percent(totals.netRevenueRetention));
    expect(kpi('Conversions')).toContain(`${totals.conversions} `);
    expect(await axeProblems()).toEqual([]);
  });

  it('charts the weeks, with every week in a table for screen readers, and switches the figure', async () => {
    const { user } = renderCockpit();
    await screenLoaded('Overview');
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(/^Expansion MRR, 4 weeks from Nov 2, 2026: lowest \$[\d,]+, highest \$[\d,]+, last \$[\d,]+\.$/);
    const weeks = screen.getByRole('table', { name: 'Expansion MRR by week' });
    const firstWeek = buildReport(history, liveConfig, { from: Date.UTC(2026, 10, 2), to: Date.UTC(2026, 10, 9) }).totals;
    expect(rowText(weeks, 'Nov 2, 2026')).toBe(`Nov 2, 2026${money(firstWeek.expansionMrr)}`);
    await user.click(screen.getByRole('radio', { name: 'Conversions' }));
    expect(rowText(screen.getByRole('table', { name: 'Conversions by week' }), 'Nov 2, 2026')).toBe(`Nov 2, 2026${firstWeek.conversions}`);
  });

  it('lists conversions by trigger, each linking to its detail', async () => {
    const { user } = renderCockpit();
    await screenLoaded('Overview');
    const report = buildReport(history, liveConfig);
    const table = screen.getByRole('table', { name: /Upgrades attributed to each trigger/ });
    for (const trigger of report.triggers) expect(rowText(table, trigger.triggerId)).toBe(`${trigger.triggerId}${trigger.conversions} · ${money(trigger.expansionMrr)}`);
    await user.click(within(table).getByRole('link', { name: 'power-user-pdf' }));
    await screenLoaded('power-user-pdf');
    expect(location.pathname).toBe('/triggers/power-user-pdf');
  });

  it('narrows every figure to the chosen range, and keeps the range across screens', async () => {
    const { user } = renderCockpit();
    await screenLoaded('Overview');
    await user.selectOptions(screen.getByLabelText('Range'), 'Last 7 days');
    await screenLoaded('Overview');
    expect(location.search).toBe('?range=7d');
    expect(kpi('Expansion MRR')).toBe(money(buildReport(history, liveConfig, { from: END - 7 * DAY }).totals.expansionMrr));
    await user.click(screen.getByRole('link', { name: 'Triggers' }));
    await screenLoaded('Triggers');
    expect((screen.getByLabelText('Range') as HTMLSelectElement).value).toBe('7d');
  });

  it('says there are no events yet, and how they arrive', async () => {
    renderCockpit({ events: [] });
    await screenLoaded('Overview');
    expect(screen.getByText('No events yet')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
    expect(await axeProblems()).toEqual([]);
  });

  it('refuses an answer of another shape, saying which field and what to check', async () => {
    renderCockpit({
      fetch: (api) => async (input, init) => {
        const answer = await api.fetch(input, init);
        if (!String(input).startsWith('/api/report?')) return answer;
        const { totals: _totals, ...rest } = await answer.json();
        return new Response(JSON.stringify(rest), { status: 200, headers: { 'content-type': 'application/json' } });
      },
    });
    await screenLoaded('Overview');
    expect(screen.getByRole('alert').textContent).toBe(
      "Unexpected answer from the serverThe server's answer to GET /api/report is not what this cockpit reads (at totals); are the server and the cockpit the same version?Try again",
    );
  });

  it('says when the server went down, and tries again on request', async () => {
    let down = false;
    const { user } = renderCockpit({ fetch: (api) => (input, init) => (down ? serverDown()() : api.fetch(input, init)) });
    await screenLoaded('Overview');
    down = true;
    await user.selectOptions(screen.getByLabelText('Range'), 'Last 28 days');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The server cannot be reached');
    expect(await axeProblems()).toEqual([]);
    down = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await screenLoaded('Overview');
    expect(kpi('Expansion MRR')).toBe(money(buildReport(history, liveConfig, { from: END - 28 * DAY }).totals.expansionMrr));
  });
});
