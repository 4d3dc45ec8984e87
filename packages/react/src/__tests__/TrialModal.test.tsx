import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { TrialModal } from '../index.js';
import { spokenRows } from '../stories/comparisonRows.js';
import { customer, expectNoAxeViolations, NOW, renderWithKit, settle, user } from './helpers.js';

const DAY = 864e5;
const withTrial = (startedAt: number, endsAt: number) => customer({}, { trials: [{ feature: 'pdfExport', startedAt, endsAt }] });

describe('TrialModal', () => {
  it('offers an eligible trial and starts it in place', async () => {
    const { events } = renderWithKit(<TrialModal feature="pdfExport" defaultOpen />);
    await settle();
    const dialog = screen.getByRole('dialog', { name: 'Try PDF export free for 14 days' });
    expect(dialog.getAttribute('data-state')).toBe('eligible');
    await expectNoAxeViolations();
    await user().click(screen.getByRole('button', { name: 'Start free trial' }));
    expect(events.some((event) => event.type === 'trial.started')).toBe(true);
    expect(screen.getByRole('dialog', { name: 'Your PDF export trial is active' }).getAttribute('data-state')).toBe('active');
    expect(screen.getByText('14 days left. Your trial ends Dec 4.')).toBeTruthy();
    await expectNoAxeViolations();
  });

  it('offers a plan trial', async () => {
    renderWithKit(<TrialModal plan="team" defaultOpen />);
    await settle();
    expect(screen.getByRole('dialog', { name: 'Try Team free for 7 days' })).toBeTruthy();
  });

  it('shows a trial ending within 3 days as "ending", with the upgrade CTA', async () => {
    renderWithKit(<TrialModal feature="pdfExport" defaultOpen />, { customer: withTrial(NOW - 12 * DAY, NOW + 2 * DAY) });
    await settle();
    const dialog = screen.getByRole('dialog', { name: 'Your PDF export trial ends in 2 days' });
    expect(dialog.getAttribute('data-state')).toBe('ending');
    expect(screen.getByText('Upgrade to Pro to keep it.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Upgrade to Pro' })).toBeTruthy();
    await expectNoAxeViolations();
  });

  it('shows what upgrading keeps and costs once the trial ends soon; not while it runs or in a feature trial offer', async () => {
    const { unmount } = renderWithKit(<TrialModal feature="pdfExport" defaultOpen />, { customer: withTrial(NOW - 12 * DAY, NOW + 2 * DAY) });
    await settle();
    expect(spokenRows(screen.getByRole('list', { name: 'What changes with Pro' }))).toContain('PDF export: not included now, included with Pro');
    expect(screen.getByText('+$29 per month')).toBeTruthy();
    unmount();
    for (const who of [withTrial(NOW - 2 * DAY, NOW + 12 * DAY), customer()]) {
      const { unmount: next } = renderWithKit(<TrialModal feature="pdfExport" defaultOpen />, { customer: who });
      await settle();
      expect(screen.getByRole('dialog')).toBeTruthy();
      expect(screen.queryByRole('list')).toBeNull();
      next();
    }
  });

  it('offers a plan trial with what the plan unlocks and what it would cost after', async () => {
    renderWithKit(<TrialModal plan="team" defaultOpen />);
    await settle();
    expect(spokenRows(screen.getByRole('list', { name: 'What changes with Team' }))).toContain('SSO: not included now, included with Team');
    expect(screen.getByText('After the trial: +$79 per month, only if you upgrade')).toBeTruthy();
    await expectNoAxeViolations();
  });

  it('says "1 day", not "1 days"', async () => {
    renderWithKit(<TrialModal feature="pdfExport" defaultOpen />, { customer: withTrial(NOW - 13 * DAY, NOW + DAY / 2) });
    await settle();
    expect(screen.getByRole('dialog', { name: 'Your PDF export trial ends in 1 day' })).toBeTruthy();
  });

  it('shows an expired trial with the upgrade CTA', async () => {
    renderWithKit(<TrialModal feature="pdfExport" defaultOpen />, { customer: withTrial(NOW - 20 * DAY, NOW - 6 * DAY) });
    await settle();
    expect(screen.getByRole('dialog', { name: 'Your PDF export trial has ended' }).getAttribute('data-state')).toBe('expired');
    expect(screen.getByRole('button', { name: 'Upgrade to Pro' })).toBeTruthy();
    await expectNoAxeViolations();
  });

  it('renders nothing when no trial is available', () => {
    const { container } = renderWithKit(<TrialModal feature="pdfExport" defaultOpen />, { customer: customer({}, { plan: 'pro' }) });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(container.innerHTML).toBe('');
  });

  it('closes on Escape', async () => {
    const onOpenChange = vi.fn();
    renderWithKit(<TrialModal feature="pdfExport" defaultOpen onOpenChange={onOpenChange} />);
    await settle();
    await user().keyboard('{Escape}');
    await settle();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onOpenChange).toHaveBeenCalledWith(false);
  });
});
