import { fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { defineConfig, type ConfigInput } from '@upgradekit/core';
import { TrialModal, UpgradeModal } from '../index.js';
import { spokenRows } from '../stories/comparisonRows.js';
import { config as base, customer, expectNoAxeViolations, renderWithKit, settle, user } from './helpers.js';

/** The rows of a comparison as screen readers get them (the signs beside them are hidden from them). */
const comparisonRows = (name: string) => spokenRows(screen.getByRole('list', { name }));
/** The test model with 5 extra seats for Pro, up to four packs. */
const withSeats = defineConfig({
  ...base,
  addOns: [{ id: 'seats5', name: '5 extra seats', price: { amount: 10, currency: 'USD', interval: 'month' }, grants: { seats: 5 }, plans: ['pro'], maxQuantity: 4 }],
} as ConfigInput);

function Host() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button onClick={() => setOpen(true)}>Export PDF</button>
      <UpgradeModal feature="pdfExport" open={open} onOpenChange={setOpen} className="mine" />
    </>
  );
}

describe('UpgradeModal', () => {
  it('renders nothing while closed', () => {
    renderWithKit(<UpgradeModal feature="pdfExport" />);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('is a labelled modal dialog with the plan, its price and the CTA', async () => {
    const { onUpgrade, kit } = renderWithKit(<Host />);
    await user().click(screen.getByRole('button', { name: 'Export PDF' }));
    await settle();
    const dialog = screen.getByRole('dialog', { name: 'Upgrade to Pro' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.getAttribute('data-state')).toBe('open');
    expect(dialog.classList.contains('mine')).toBe(true);
    expect(screen.getByText('PDF export is included in Pro.')).toBeTruthy();
    expect(screen.getByText('+$29 per month')).toBeTruthy();
    expect(dialog.contains(document.activeElement)).toBe(true);
    await expectNoAxeViolations();

    await user().click(screen.getByRole('button', { name: 'Upgrade to Pro' }));
    expect(onUpgrade).toHaveBeenCalledWith('pro', {
      feature: 'pdfExport',
      upgrade: expect.objectContaining({ plan: 'pro', mrrDelta: 29 }),
      checkoutContext: kit.checkoutContext(),
    });
    await settle();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('closes on Escape and returns focus to the opener', async () => {
    renderWithKit(<Host />);
    const u = user();
    await u.tab();
    const opener = screen.getByRole('button', { name: 'Export PDF' });
    expect(document.activeElement).toBe(opener);
    await u.keyboard('{Enter}');
    await settle();
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect(document.activeElement).not.toBe(opener);
    await u.keyboard('{Escape}');
    await settle();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('closed by the browser itself (a form with method="dialog" in its content), it closes for React too', async () => {
    renderWithKit(<Host />);
    await user().click(screen.getByRole('button', { name: 'Export PDF' }));
    await settle();
    (screen.getByRole('dialog') as HTMLDialogElement).close();
    await settle();
    // Not merely hidden: the open state is false, so the dialog is gone.
    expect(document.querySelector('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Export PDF' }));
  });

  it('"Not now" closes it (uncontrolled)', async () => {
    renderWithKit(<UpgradeModal feature="pdfExport" defaultOpen title="Export your reports" body="Send polished PDFs to clients." />);
    await settle();
    expect(screen.getByRole('dialog', { name: 'Export your reports' })).toBeTruthy();
    expect(screen.getByText('Send polished PDFs to clients.')).toBeTruthy();
    await user().click(screen.getByRole('button', { name: 'Not now' }));
    await settle();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('offers an add-on when that is the cheapest path', async () => {
    renderWithKit(<UpgradeModal feature="seats" defaultOpen />, {
      customer: customer({ seats: 5 }, { plan: 'pro' }),
      config: {
        ...(await import('./helpers')).config,
        addOns: [{ id: 'seats5', name: '5 more seats', price: { amount: 10, currency: 'USD', interval: 'month' }, grants: { seats: 5 } }],
      },
    });
    await settle();
    expect(screen.getByRole('button', { name: 'Add 5 more seats' })).toBeTruthy();
    expect(screen.getByText('+$10 per month')).toBeTruthy();
  });

  it('lists what changes with the recommended plan, the feature asked about first, beside the monthly difference', async () => {
    renderWithKit(<UpgradeModal feature="pdfExport" defaultOpen />);
    await settle();
    expect(comparisonRows('What changes with Pro')).toEqual([
      'PDF export: not included now, included with Pro',
      'API calls: 2,000 now, 10,000 with Pro',
      'Projects: 3 now, 20 with Pro',
      'Seats: 2 now, 5 with Pro',
    ]);
    // For the eye: "Projects 3 → 20", "PDF export — → ✓".
    const rows = within(screen.getByRole('list')).getAllByRole('listitem');
    const shown = rows.map((row) => [...row.querySelectorAll('[aria-hidden="true"]')].filter((part) => part.parentElement === row).map((part) => part.textContent));
    expect(shown[0]).toEqual(['PDF export', '—not included', '→', '✓included']);
    expect(shown[2]).toEqual(['Projects', '3', '→', '20']);
    expect(screen.getByText('+$29 per month')).toBeTruthy();
    await expectNoAxeViolations();
  });

  it('compares Pro with Team for a Pro customer, and shows no list with comparison={false}', async () => {
    const { unmount } = renderWithKit(<UpgradeModal feature="sso" defaultOpen />, { customer: customer({}, { plan: 'pro' }) });
    await settle();
    expect(comparisonRows('What changes with Team')).toEqual([
      'SSO: not included now, included with Team',
      'API calls: 10,000 now, unlimited with Team',
      'Projects: 20 now, unlimited with Team',
      'Seats: 5 now, 20 with Team',
    ]);
    expect(screen.getByText('+$50 per month')).toBeTruthy();
    unmount();
    renderWithKit(<UpgradeModal feature="sso" defaultOpen comparison={false} />, { customer: customer({}, { plan: 'pro' }) });
    await settle();
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.getByText('+$50 per month')).toBeTruthy();
  });

  it('offers seats as an add-on beside the plan when cheaper: a stepper chooses how many, and checkout gets the quantity', async () => {
    const { onUpgrade } = renderWithKit(<UpgradeModal feature="seats" defaultOpen />, { config: withSeats, customer: customer({ seats: 5 }, { plan: 'pro' }) });
    await settle();
    expect(screen.getByRole('dialog', { name: 'Upgrade to Team' })).toBeTruthy();
    expect(comparisonRows('What changes with Team')[0]).toBe('Seats: 5 now, 20 with Team');
    const addOn = within(screen.getByRole('region', { name: 'Or add 5 extra seats' }));
    const quantity = addOn.getByRole('spinbutton', { name: 'Quantity' }) as HTMLInputElement;
    expect(quantity.value).toBe('1');
    expect(addOn.getByText('+$10 per month')).toBeTruthy();
    expect(addOn.getByRole('button', { name: 'One fewer' }).getAttribute('aria-disabled')).toBe('true');
    await user().click(addOn.getByRole('button', { name: 'One more' }));
    expect(quantity.value).toBe('2');
    expect(comparisonRows('What changes with 2 × 5 extra seats')).toEqual(['Seats: 5 now, 15 with 2 × 5 extra seats']);
    expect(addOn.getByText('+$20 per month')).toBeTruthy();
    await expectNoAxeViolations();

    // Typed: a number in range counts; one out of range does not, and leaving the field shows the quantity in force.
    fireEvent.change(quantity, { target: { value: '4' } });
    expect(addOn.getByText('+$40 per month')).toBeTruthy();
    expect(addOn.getByRole('button', { name: 'One more' }).getAttribute('aria-disabled')).toBe('true');
    await user().click(addOn.getByRole('button', { name: 'One more' }));
    fireEvent.change(quantity, { target: { value: '9' } });
    fireEvent.blur(quantity);
    expect(quantity.value).toBe('4');
    fireEvent.change(quantity, { target: { value: '3' } });

    await user().click(addOn.getByRole('button', { name: 'Add 3 × 5 extra seats' }));
    expect(onUpgrade).toHaveBeenCalledWith('pro', expect.objectContaining({ feature: 'seats', upgrade: { plan: 'pro', addOns: [{ id: 'seats5', quantity: 3 }], limit: 20, mrrDelta: 30, currency: 'USD' } }));
    await settle();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('offers only the add-on when no plan alone would raise the limit', async () => {
    const { onUpgrade } = renderWithKit(<UpgradeModal feature="seats" defaultOpen />, {
      config: defineConfig({ ...withSeats, addOns: [{ ...withSeats.addOns![0]!, plans: ['team'] }] } as ConfigInput),
      customer: customer({ seats: 20 }, { plan: 'team' }),
    });
    await settle();
    const addOn = within(screen.getByRole('region', { name: 'Add 5 extra seats' }));
    expect(comparisonRows('What changes with 5 extra seats')).toEqual(['Seats: 20 now, 25 with 5 extra seats']);
    // One CTA: the add-on's, besides "Not now".
    expect(screen.getAllByRole('button', { name: /^(Add|Upgrade)/ }).map((button) => button.textContent)).toEqual(['Add 5 extra seats']);
    await user().click(addOn.getByRole('button', { name: 'Add 5 extra seats' }));
    expect(onUpgrade).toHaveBeenCalledWith('team', expect.objectContaining({ upgrade: expect.objectContaining({ addOns: [{ id: 'seats5', quantity: 1 }], mrrDelta: 10 }) }));
  });

  it('keeps Tab inside while open: past the last control to the first, and Shift+Tab back', async () => {
    renderWithKit(<Host />);
    const u = user();
    await u.click(screen.getByRole('button', { name: 'Export PDF' }));
    await settle();
    const close = screen.getByRole('button', { name: 'Close' });
    const notNow = screen.getByRole('button', { name: 'Not now' });
    expect(document.activeElement).toBe(close);
    // Floating UI moves focus on from its guards at the dialog's ends in the next frame: settle() runs it.
    await u.tab({ shift: true });
    await settle();
    expect(document.activeElement).toBe(notNow);
    await u.tab();
    await settle();
    expect(document.activeElement).toBe(close);
    await u.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Upgrade to Pro' }));
    await u.tab();
    await u.tab();
    await settle();
    expect(document.activeElement).toBe(close);
  });

  it('closes on a press on the backdrop (not inside the dialog) and returns focus to the opener', async () => {
    renderWithKit(<Host />);
    const u = user();
    const opener = screen.getByRole('button', { name: 'Export PDF' });
    await u.click(opener);
    await settle();
    const dialog = screen.getByRole('dialog');
    // jsdom has no layout: the dialog's box is given, and the presses say where they are.
    vi.spyOn(dialog, 'getBoundingClientRect').mockReturnValue(new DOMRect(100, 100, 400, 300));
    await u.click(screen.getByText('PDF export is included in Pro.'));
    // The dialog's own padding is the dialog, not the backdrop.
    await u.pointer({ keys: '[MouseLeft]', target: dialog, coords: { clientX: 110, clientY: 110 } });
    await settle();
    expect(screen.getByRole('dialog')).toBe(dialog);
    // The ::backdrop is the dialog element too, outside its box.
    await u.pointer({ keys: '[MouseLeft]', target: dialog, coords: { clientX: 20, clientY: 20 } });
    await settle();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('opens as a modal dialog (the browser makes the page behind inert), and leaves the page as it was when it closes', async () => {
    const showModal = vi.spyOn(HTMLDialogElement.prototype, 'showModal');
    const hostInert = document.body.appendChild(document.createElement('div'));
    hostInert.setAttribute('inert', '');
    const live = document.body.appendChild(document.createElement('div'));
    live.setAttribute('aria-live', 'polite');
    document.body.style.overflow = 'clip';
    try {
      const { container } = renderWithKit(<Host />);
      await user().click(screen.getByRole('button', { name: 'Export PDF' }));
      await settle();
      const dialog = screen.getByRole('dialog');
      // The inert page, the top layer and the scroll lock come with showModal() and the styles: the stories check them in Chromium.
      expect(showModal.mock.contexts).toEqual([dialog]);
      expect(dialog.hasAttribute('open')).toBe(true);
      // Assistive technology is told the same, except for live regions.
      expect(container.getAttribute('aria-hidden')).toBe('true');
      expect(live.hasAttribute('aria-hidden')).toBe(false);

      await user().keyboard('{Escape}');
      await settle();
      expect(screen.queryByRole('dialog')).toBeNull();
      expect(container.hasAttribute('aria-hidden')).toBe(false);
      expect(hostInert.hasAttribute('inert')).toBe(true);
      expect(document.body.style.overflow).toBe('clip');
    } finally {
      hostInert.remove();
      live.remove();
      document.body.style.overflow = '';
    }
  });

  it('with two dialogs open, Escape closes the one on top, and the page comes back when the last closes', async () => {
    const { container } = renderWithKit(
      <>
        <UpgradeModal feature="pdfExport" defaultOpen />
        <TrialModal feature="pdfExport" defaultOpen />
      </>,
    );
    await settle();
    const [upgrade, trial] = screen.getAllByRole('dialog');
    // Opened last, so on top of the top layer; the page behind them is hidden.
    expect(trial!.contains(document.activeElement)).toBe(true);
    expect(container.getAttribute('aria-hidden')).toBe('true');
    await user().keyboard('{Escape}');
    await settle();
    expect(screen.getAllByRole('dialog')).toEqual([upgrade]);
    expect(upgrade!.hasAttribute('open')).toBe(true);
    await user().click(screen.getByRole('button', { name: 'Not now' }));
    await settle();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(container.hasAttribute('aria-hidden')).toBe(false);
  });
});
