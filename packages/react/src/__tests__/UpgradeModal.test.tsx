import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UpgradeModal } from '../index.js';
import { customer, expectNoAxeViolations, NOW, renderWithKit, settle } from './helpers.js';

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

const user = () => userEvent.setup({ advanceTimers: vi.advanceTimersByTime });

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
});
