import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryPlatform, createMemoryStorage } from '@upgradekit/core/testing';
import { LimitBanner } from '../index.js';
import { customer, expectNoAxeViolations, NOW, renderWithKit, user } from './helpers.js';

describe('LimitBanner', () => {
  it('stays hidden below the threshold, with its live region mounted', async () => {
    const { container } = renderWithKit(<LimitBanner feature="apiCalls" />);
    expect(screen.getByRole('status').textContent).toBe('');
    expect(container.querySelector('.uk-banner')!.getAttribute('data-state')).toBe('hidden');
    expect(screen.queryByRole('button')).toBeNull();
    await expectNoAxeViolations(container);
  });

  it.each([
    ['warning', 1700, "You've used 85% of your API calls. Upgrade to Pro for 10,000 API calls."],
    ['critical', 1950, "You've used 98% of your API calls. Upgrade to Pro for 10,000 API calls."],
    ['exceeded', 2000, "You've reached your API calls limit. Upgrade to Pro for 10,000 API calls."],
  ])('announces the %s state in its live region, with an upgrade CTA', async (state, usage, message) => {
    const { container } = renderWithKit(<LimitBanner feature="apiCalls" />, { customer: customer({ apiCalls: usage }) });
    expect(screen.getByRole('status').textContent).toBe(message);
    expect(container.querySelector('.uk-banner')!.getAttribute('data-state')).toBe(state);
    expect(screen.getByRole('button', { name: 'Upgrade to Pro' })).toBeTruthy();
    await expectNoAxeViolations(container);
  });

  it('announces when usage crosses the threshold (same live region, new text)', () => {
    const { kit } = renderWithKit(<LimitBanner feature="apiCalls" showFrom="exceeded" />, { customer: customer({ apiCalls: 1999 }) });
    const region = screen.getByRole('status');
    expect(region.textContent).toBe('');
    act(() => kit.track('apiCalls'));
    expect(screen.getByRole('status')).toBe(region);
    expect(region.textContent).toContain("You've reached your API calls limit");
  });

  it('dismisses with a reason by keyboard, and stays snoozed across remounts until the snooze ends', async () => {
    const storage = createMemoryStorage();
    const setup = () => renderWithKit(<LimitBanner feature="apiCalls" snoozeFor={864e5} />, {
      customer: customer({ apiCalls: 1700 }),
      platform: createMemoryPlatform({ storage }),
    });
    const first = setup();
    const u = user();
    const dismiss = screen.getByRole('button', { name: 'Dismiss' });
    expect(dismiss.getAttribute('aria-expanded')).toBe('false');
    dismiss.focus();
    await u.keyboard('{Enter}');
    expect(dismiss.getAttribute('aria-expanded')).toBe('true');
    const reasons = screen.getByRole('group', { name: 'Dismiss' });
    await expectNoAxeViolations(first.container);
    expect(reasons.querySelectorAll('button')).toHaveLength(4);
    await u.tab();
    expect(document.activeElement!.textContent).toBe('Remind me later');
    await u.keyboard('{Enter}');
    expect(first.container.querySelector('.uk-banner')!.getAttribute('data-state')).toBe('hidden');
    first.unmount();

    const second = setup();
    expect(second.container.querySelector('.uk-banner')!.getAttribute('data-state')).toBe('hidden');
    second.unmount();

    vi.setSystemTime(NOW + 2 * 864e5);
    const third = setup();
    expect(third.container.querySelector('.uk-banner')!.getAttribute('data-state')).toBe('warning');
  });

  it('"Don\'t show again" hides it for good', async () => {
    const storage = createMemoryStorage();
    const setup = () => renderWithKit(<LimitBanner feature="apiCalls" />, { customer: customer({ apiCalls: 1700 }), platform: createMemoryPlatform({ storage }) });
    const first = setup();
    await user().click(screen.getByRole('button', { name: 'Dismiss' }));
    await user().click(screen.getByRole('button', { name: "Don't show again" }));
    expect(screen.queryByRole('button')).toBeNull();
    first.unmount();
    vi.setSystemTime(NOW + 8 * 864e5);
    const later = setup();
    expect(later.container.querySelector('.uk-banner')!.getAttribute('data-state')).toBe('hidden');
  });

  it('has an unstyled path: a render prop with dismiss, and the live region kept', async () => {
    renderWithKit(
      <LimitBanner feature="apiCalls">
        {(banner) =>
          banner.state === 'hidden' ? null : (
            <aside aria-label="Usage">
              <h2>{banner.title}</h2>
              <button onClick={() => banner.dismiss('too_expensive')}>Hide</button>
            </aside>
          )
        }
      </LimitBanner>,
      { customer: customer({ apiCalls: 1700 }) },
    );
    expect(screen.getByRole('heading', { name: "You've used 85% of your API calls." })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain("You've used 85%");
    await user().click(screen.getByRole('button', { name: 'Hide' }));
    expect(screen.queryByRole('complementary')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('');
  });
});
