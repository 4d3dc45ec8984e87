import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LockedFeature } from '../index.js';
import { customer, expectNoAxeViolations, renderWithKit, settle, user } from './helpers.js';

function App({ onExport }: { onExport: () => void }) {
  return (
    <>
      <button>Before</button>
      <LockedFeature feature="pdfExport" className="mine">
        <button onClick={onExport}>Export PDF</button>
      </LockedFeature>
      <button>After</button>
    </>
  );
}

describe('LockedFeature', () => {
  it('leaves the control untouched when the feature is allowed', async () => {
    const onExport = vi.fn();
    renderWithKit(<App onExport={onExport} />, { customer: customer({}, { plan: 'pro' }) });
    const control = screen.getByRole('button', { name: 'Export PDF' });
    expect(control.getAttribute('aria-disabled')).toBeNull();
    await user().click(control);
    expect(onExport).toHaveBeenCalledTimes(1);
    expect(document.querySelector('.uk-locked')).toBeNull();
  });

  it('keeps the control an enabled button that opens a dialog, and describes why it is locked, even while closed', async () => {
    const { container } = renderWithKit(<App onExport={() => {}} />);
    const control = screen.getByRole('button', { name: 'Export PDF' });
    // Pressing it does something (a gate hit, the popover): disabled semantics would say it does nothing.
    expect(control.getAttribute('aria-disabled')).toBeNull();
    expect(control.getAttribute('aria-haspopup')).toBe('dialog');
    expect(control.getAttribute('aria-expanded')).toBe('false');
    expect(document.getElementById(control.getAttribute('aria-describedby')!)!.textContent).toBe('PDF export is a Pro feature Upgrade to unlock it.');
    expect(screen.queryByRole('dialog')).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('shows its popover when tabbed onto, lets Tab reach the CTA, and closes on Escape', async () => {
    renderWithKit(<App onExport={() => {}} />);
    const u = user();
    await u.tab();
    await u.tab();
    const control = screen.getByRole('button', { name: 'Export PDF' });
    expect(document.activeElement).toBe(control);
    await settle();
    const popover = screen.getByRole('dialog', { name: 'PDF export is a Pro feature' });
    expect(popover.classList.contains('mine')).toBe(true);
    expect(control.getAttribute('aria-expanded')).toBe('true');
    expect(control.getAttribute('aria-controls')).toBe(popover.id);
    // Opening on focus must not steal focus from the control.
    expect(document.activeElement).toBe(control);
    await expectNoAxeViolations();

    await u.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Upgrade to Pro' }));
    await u.keyboard('{Escape}');
    await settle();
    expect(screen.queryByRole('dialog')).toBeNull();
    // Focus goes back to the control, which does not reopen the popover.
    expect(document.activeElement).toBe(control);
    expect(control.getAttribute('aria-expanded')).toBe('false');
  });

  it('continues Tab order after the control when Tab leaves the popover; Shift+Tab goes back to the control', async () => {
    renderWithKit(<App onExport={() => {}} />);
    const u = user();
    await u.tab();
    await u.tab();
    await settle();
    const control = screen.getByRole('button', { name: 'Export PDF' });
    const cta = screen.getByRole('button', { name: 'Upgrade to Pro' });
    await u.tab();
    expect(document.activeElement).toBe(cta);
    await u.tab({ shift: true });
    expect(document.activeElement).toBe(control);
    expect(screen.getByRole('dialog')).toBeTruthy();
    await u.tab();
    await u.tab();
    await settle();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'After' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('opens on hover', async () => {
    renderWithKit(<App onExport={() => {}} />);
    await user().hover(screen.getByRole('button', { name: 'Export PDF' }));
    await settle();
    expect(screen.getByRole('dialog', { name: 'PDF export is a Pro feature' })).toBeTruthy();
  });

  it('stays open while the pointer crosses from the control into the popover, and closes soon after it leaves both', async () => {
    renderWithKit(<App onExport={() => {}} />);
    const u = user();
    await u.hover(screen.getByRole('button', { name: 'Export PDF' }));
    await settle();
    const popover = screen.getByRole('dialog');
    await u.hover(popover);
    await settle(1000);
    expect(screen.getByRole('dialog')).toBe(popover);
    await u.unhover(popover);
    await settle(50);
    expect(screen.getByRole('dialog')).toBe(popover);
    await settle(100);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('closes on a press outside the control and the popover', async () => {
    renderWithKit(<App onExport={() => {}} />);
    const control = screen.getByRole('button', { name: 'Export PDF' });
    await user().click(control);
    await settle();
    expect(document.activeElement).toBe(control);
    fireEvent.pointerDown(screen.getByText('Upgrade to unlock it.'));
    await settle();
    expect(screen.getByRole('dialog')).toBeTruthy();
    // Only the press: focus stays on the control, so this is not a blur closing it.
    fireEvent.pointerDown(screen.getByRole('button', { name: 'Before' }));
    await settle();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('a second click closes what a click opened, even with the pointer still on the control', async () => {
    renderWithKit(<App onExport={() => {}} />);
    const u = user();
    const control = screen.getByRole('button', { name: 'Export PDF' });
    await u.click(control);
    await settle(500);
    expect(screen.getByRole('dialog')).toBeTruthy();
    await u.click(control);
    await settle();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('a tap opens it (touch has no hover to open it first), and the next tap closes it', async () => {
    const { events } = renderWithKit(<App onExport={() => {}} />);
    const u = user();
    const control = screen.getByRole('button', { name: 'Export PDF' });
    await u.pointer({ keys: '[TouchA]', target: control });
    await settle(500);
    expect(screen.getByRole('dialog', { name: 'PDF export is a Pro feature' })).toBeTruthy();
    await u.pointer({ keys: '[TouchA]', target: control });
    await settle();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(events.filter((event) => event.type === 'gate.hit')).toHaveLength(2);
  });

  it('on click or tap: opens, records a gate hit, and does not run the locked action', async () => {
    const onExport = vi.fn();
    const { events, onUpgrade } = renderWithKit(<App onExport={onExport} />);
    await user().click(screen.getByRole('button', { name: 'Export PDF' }));
    await settle();
    expect(onExport).not.toHaveBeenCalled();
    expect(events.filter((event) => event.type === 'gate.hit')).toHaveLength(1);
    await user().click(screen.getByRole('button', { name: 'Upgrade to Pro' }));
    expect(onUpgrade).toHaveBeenCalledWith('pro', expect.objectContaining({ feature: 'pdfExport' }));
  });

  // Keyboard focus only, not focus a script gives after a pointer press (a modal closing), is told by `:focus-visible`,
  // which jsdom lacks (Floating UI counts all focus as visible there): the OpensOnKeyboardFocusOnly story tests it in Chromium.

  it('stays closed after its CTA is used, although focus returns to the control', async () => {
    renderWithKit(<App onExport={() => {}} />);
    const u = user();
    await u.tab();
    await u.tab();
    await settle();
    await u.tab();
    await u.keyboard('{Enter}');
    await settle();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Export PDF' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
