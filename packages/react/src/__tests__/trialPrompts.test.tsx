import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { defineConfig } from '@upgradekit/core';
import { ANNOUNCE_DELAY_MS } from '../focus.js';
import { FeatureGate, LockedFeature, PromptOutlet, TrialModal } from '../index.js';
import { config as base, customer, expectNoAxeViolations, renderWithKit, settle, user } from './helpers.js';

const DAY = 864e5;

/** The helpers' plans, with a 7-day Team trial offered in place, and prompts as it ends and once it ended. */
const config = defineConfig({
  ...base,
  trials: [{ plan: 'team', duration: '7d' }],
  triggers: [
    {
      id: 'offer',
      when: { all: [{ gateHits: { feature: 'pdfExport', atLeast: 1, within: '1d' } }, { trial: { plan: 'team', state: 'eligible' } }] },
      prompt: { kind: 'trial', plan: 'team', cta: 'trial' },
    },
    { id: 'ending', when: { trial: { plan: 'team', state: 'ending', within: '2d' } }, prompt: { kind: 'trial', plan: 'team', cta: 'upgrade' }, maxImpressions: 1 },
    {
      id: 'expired',
      when: { all: [{ trial: { plan: 'team', state: 'expired' } }, { plan: { in: ['free'] } }] },
      prompt: { kind: 'trial', feature: 'pdfExport', title: 'Your trial ended — keep PDF export with Pro', cta: 'upgrade' },
    },
  ],
  policy: { caps: { perDay: 3, perWeek: 9 } },
});

function App() {
  return (
    <main tabIndex={-1}>
      <div>
        <FeatureGate
          feature="pdfExport"
          fallback={
            <LockedFeature feature="pdfExport">
              <button type="button">Export PDF</button>
            </LockedFeature>
          }
        >
          <button type="button">Export PDF</button>
        </FeatureGate>
      </div>
      <PromptOutlet />
    </main>
  );
}

const advance = (ms: number) => act(() => vi.advanceTimersByTime(ms));

describe('trial prompts', () => {
  it('after "Start free trial", focus goes to the control that replaced the locked one, and the trial is announced', async () => {
    const { kit, events } = renderWithKit(<App />, { config, customer: customer({}) });
    const u = user();
    await u.click(screen.getByRole('button', { name: 'Export PDF' }));
    const offer = screen.getByRole('dialog', { name: 'Try Team free for 7 days' });
    await u.click(screen.getByRole('button', { name: 'Start free trial' }));
    expect(kit.getTrial({ plan: 'team' }).state).toBe('active');
    expect(offer.isConnected).toBe(false);
    await settle(ANNOUNCE_DELAY_MS);
    const unlocked = screen.getByRole('button', { name: 'Export PDF' });
    expect(unlocked.getAttribute('aria-haspopup')).toBeNull();
    expect(document.activeElement).toBe(unlocked);
    expect(document.querySelector('[data-uk-announcer]')!.textContent).toBe('Your Team trial has started: 7 days left.');
    expect(events.find((event) => event.type === 'trial.started')).toMatchObject({ plan: 'team', triggerId: 'offer' });
  });

  it('used on its own, stays open on the running trial after the start, with focus kept inside and the start announced', async () => {
    renderWithKit(<TrialModal plan="team" defaultOpen />, { config, customer: customer({}) });
    await user().click(screen.getByRole('button', { name: 'Start free trial' }));
    await settle(ANNOUNCE_DELAY_MS);
    expect(screen.getByRole('dialog', { name: 'Your Team trial is active' })).toBeTruthy();
    // The start button is gone: focus stays in the dialog (on a control of its own), not on <body>.
    expect(screen.getByRole('dialog').contains(document.activeElement)).toBe(true);
    expect(document.activeElement!.tagName).toBe('BUTTON');
    expect(document.querySelector('[data-uk-announcer]')!.textContent).toBe('Your Team trial has started: 7 days left.');
  });

  it('shows the ending state two days before the end, about that trial, with the upgrade that keeps it', async () => {
    const { kit, events, onUpgrade } = renderWithKit(<App />, {
      config,
      customer: customer({}),
      provider: { messages: { trialEndingTitle: '{days} left in your {feature} trial' } },
    });
    act(() => void kit.startTrial({ plan: 'team' }));
    advance(4 * DAY);
    expect(screen.queryByRole('dialog')).toBeNull();
    advance(DAY + 36e5);
    const ending = screen.getByRole('dialog', { name: '2 days left in your Team trial' });
    expect(ending.getAttribute('data-state')).toBe('ending');
    expect(ending.textContent).toContain('Upgrade to Team to keep it.');
    await expectNoAxeViolations();
    await user().click(screen.getByRole('button', { name: 'Upgrade to Team' }));
    expect(onUpgrade).toHaveBeenCalledWith('team', expect.objectContaining({ triggerId: 'ending' }));
    expect(events.filter((event) => event.type === 'prompt.clicked')).toMatchObject([{ triggerId: 'ending', cta: 'upgrade' }]);
  });

  it('shows the expired state with the copy its trigger wrote for it, offering the plan that keeps the feature', async () => {
    const { kit, onUpgrade } = renderWithKit(<App />, { config, customer: customer({}) });
    act(() => void kit.startTrial({ plan: 'team' }));
    advance(5 * DAY + 36e5);
    await user().click(screen.getByRole('button', { name: 'Not now' }));
    advance(2 * DAY);
    const expired = screen.getByRole('dialog', { name: 'Your trial ended — keep PDF export with Pro' });
    expect(expired.getAttribute('data-state')).toBe('expired');
    expect(expired.textContent).toContain('Upgrade to Pro to keep using it.');
    await user().click(screen.getByRole('button', { name: 'Upgrade to Pro' }));
    expect(onUpgrade).toHaveBeenCalledWith('pro', expect.objectContaining({ triggerId: 'expired', feature: 'pdfExport' }));
  });
});
