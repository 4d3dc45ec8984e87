import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { history, axeProblems, renderCockpit, screenLoaded } from './harness.js';

/** A customer the PDF prompt was shown to. */
const shownPdf = history.find((event) => event.type === 'prompt.shown' && event.triggerId === 'power-user-pdf')!.customerId;

describe('Customer lookup', () => {
  it("explains each trigger for one customer, condition by condition, and lists their prompts", async () => {
    const { user } = renderCockpit({ at: '/customers' });
    await screenLoaded('Customer lookup');
    await user.type(screen.getByLabelText('Customer id'), `${shownPdf}{Enter}`);
    await screenLoaded('Customer lookup');
    expect(location.pathname).toBe(`/customers/${shownPdf}`);
    const own = history.filter((event) => event.customerId === shownPdf);
    expect(screen.getByText(`${shownPdf}: ${own.length} stored events, replayed through the live config.`)).toBeTruthy();
    const pdf = screen.getByRole('article', { name: /^power-user-pdf/ });
    const leaves = within(pdf).getAllByRole('listitem').map((item) => item.textContent);
    expect(leaves).toHaveLength(2);
    expect(leaves[0]).toMatch(/^[✓✗](Holds:|Does not hold:) \d+ gate hits? on pdfExport in 7d \(needs at least 2\)$/);
    expect(leaves[1]).toMatch(/projects usage is [\d.]+% of the limit \(needs at least 20%\)$/);
    const prompts = own.filter((event) => event.type.startsWith('prompt.'));
    const rows = within(screen.getByRole('region', { name: 'Prompts shown, clicked, dismissed and held out' })).getAllByRole('row');
    expect(rows).toHaveLength(prompts.length + 1);
    expect(rows.slice(1).some((row) => row.textContent?.includes('shownpower-user-pdf'))).toBe(true);
    expect(await axeProblems()).toEqual([]);
  });

  it('says when no events are stored for an id', async () => {
    renderCockpit({ at: '/customers/cus_nobody' });
    await screenLoaded('Customer lookup');
    expect(screen.getByText('No events stored for "cus_nobody"')).toBeTruthy();
    expect(await axeProblems()).toEqual([]);
  });

  it('asks for an id first', async () => {
    renderCockpit({ at: '/customers' });
    await screenLoaded('Customer lookup');
    expect(screen.getByText('Enter a customer id')).toBeTruthy();
  });
});
