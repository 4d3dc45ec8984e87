import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryPlatform, createMemoryStorage } from '@upgradekit/core/testing';
import { defineConfig } from '@upgradekit/core';
import { ANNOUNCE_DELAY_MS } from '../focus.js';
import { LimitBanner, PromptOutlet } from '../index.js';
import { config as base, customer, expectNoAxeViolations, NOW, renderWithKit, settle, user } from './helpers.js';

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
    const region = screen.getByRole('status');
    expect(region.textContent).toContain("You've used 85%");
    await user().click(screen.getByRole('button', { name: 'Hide' }));
    expect(screen.queryByRole('complementary')).toBeNull();
    expect(region.textContent).toBe('');
  });

  it("shows a trigger's copy while the limit is near, and its own exceeded copy once it is reached", () => {
    const config = defineConfig({
      ...base,
      triggers: [
        {
          id: 'api-low',
          when: { usage: { feature: 'apiCalls', atLeast: 0.8 } },
          prompt: { kind: 'banner', feature: 'apiCalls', title: 'Your integrations will pause soon.', body: "You've used most of this month's API calls." },
        },
      ],
    });
    const { kit } = renderWithKit(<PromptOutlet />, { config, customer: customer({ apiCalls: 1700 }) });
    const region = screen.getByRole('status');
    expect(region.textContent).toBe("Your integrations will pause soon. You've used most of this month's API calls.");
    act(() => kit.track('apiCalls', 300));
    expect(document.querySelector('.uk-banner')!.getAttribute('data-state')).toBe('exceeded');
    expect(region.textContent).toBe("You've reached your API calls limit. Upgrade to Pro for 10,000 API calls.");
  });

  it('after a dismissal keeps focus near the banner (a focusable container, else the next control) and says until when it is hidden', async () => {
    const u = user();
    const first = renderWithKit(
      <main tabIndex={-1}>
        <LimitBanner feature="apiCalls" snoozeFor={864e5} />
      </main>,
      { customer: customer({ apiCalls: 1700 }) },
    );
    await u.click(screen.getByRole('button', { name: 'Dismiss' }));
    await u.click(screen.getByRole('button', { name: 'Remind me later' }));
    await settle(ANNOUNCE_DELAY_MS);
    expect(document.activeElement).toBe(screen.getByRole('main'));
    expect(document.querySelector('[data-uk-announcer]')!.textContent).toBe('Hidden until Nov 21.');
    first.unmount();

    renderWithKit(
      <div>
        <LimitBanner feature="apiCalls" />
        <button type="button">Run import</button>
      </div>,
      { customer: customer({ apiCalls: 1700 }), platform: createMemoryPlatform() },
    );
    await u.click(screen.getByRole('button', { name: 'Dismiss' }));
    await u.click(screen.getByRole('button', { name: "Don't show again" }));
    await settle(ANNOUNCE_DELAY_MS);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Run import' }));
    expect(document.querySelector('[data-uk-announcer]')!.textContent).toBe("Hidden. It won't be shown again.");
  });

  it("says a governed banner's own snooze, and leaves focus alone when the customer moved on", async () => {
    const config = defineConfig({
      ...base,
      triggers: [{ id: 'api-low', when: { usage: { feature: 'apiCalls', atLeast: 0.8 } }, prompt: { kind: 'banner', feature: 'apiCalls' }, snooze: '3d' }],
    });
    const { events } = renderWithKit(
      <>
        <PromptOutlet />
        <input aria-label="Search" />
      </>,
      { config, customer: customer({ apiCalls: 1700 }) },
    );
    const u = user();
    await u.click(screen.getByRole('button', { name: 'Dismiss' }));
    await u.click(screen.getByRole('button', { name: 'Too expensive' }));
    screen.getByRole('textbox', { name: 'Search' }).focus();
    await settle(ANNOUNCE_DELAY_MS);
    expect(events.filter((event) => event.type === 'prompt.dismissed')).toMatchObject([{ triggerId: 'api-low', reason: 'too_expensive' }]);
    expect(document.querySelector('[data-uk-announcer]')!.textContent).toBe('Hidden until Nov 23.');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Search' }));
  });
});
