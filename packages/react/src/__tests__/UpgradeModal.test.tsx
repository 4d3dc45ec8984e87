import { screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { TrialModal, UpgradeModal } from '../index.js';
import { customer, expectNoAxeViolations, renderWithKit, settle, user } from './helpers.js';

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
