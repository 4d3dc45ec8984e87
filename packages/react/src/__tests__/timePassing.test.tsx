import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LimitBanner, useTrial } from '../index.js';
import { customer, NOW, renderWithKit, user } from './helpers.js';

/* What changes with time alone, with nothing else happening on the page, shows without a reload. */

const DAY = 864e5;

function TrialBadge() {
  const trial = useTrial({ plan: 'team' });
  return <p>{trial.state === 'active' ? `${trial.daysLeft} ${trial.daysLeft === 1 ? 'day' : 'days'} left` : trial.state}</p>;
}

describe('time passing on an open page', () => {
  it('counts a trial down day by day, and says it ended when it ends', () => {
    renderWithKit(<TrialBadge />, { customer: customer(undefined, { trials: [{ plan: 'team', startedAt: NOW - DAY, endsAt: NOW + 2.5 * DAY }] }) });
    expect(screen.getByText('3 days left')).toBeTruthy();
    act(() => void vi.advanceTimersByTime(0.5 * DAY));
    expect(screen.getByText('2 days left')).toBeTruthy();
    act(() => void vi.advanceTimersByTime(DAY));
    expect(screen.getByText('1 day left')).toBeTruthy();
    act(() => void vi.advanceTimersByTime(DAY));
    expect(screen.getByText('expired')).toBeTruthy();
  });

  it('brings a snoozed banner back when its snooze ends', async () => {
    const { container } = renderWithKit(<LimitBanner feature="apiCalls" snoozeFor={DAY} />, { customer: customer({ apiCalls: 1700 }) });
    const banner = () => container.querySelector('.uk-banner')!.getAttribute('data-state');
    await user().click(screen.getByRole('button', { name: 'Dismiss' }));
    await user().click(screen.getByRole('button', { name: 'Remind me later' }));
    expect(banner()).toBe('hidden');
    act(() => void vi.advanceTimersByTime(DAY - 60_000));
    expect(banner()).toBe('hidden');
    act(() => void vi.advanceTimersByTime(2 * 60_000));
    expect(banner()).toBe('warning');
  });
});
