import { act, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { defineConfig } from '@upgradekit/core';
import { createMemoryPlatform } from '@upgradekit/core/testing';
import { LockedFeature, PromptOutlet, usePrompt } from '../index.js';
import { config as base, customer, expectNoAxeViolations, renderWithKit, settle, user } from './helpers.js';

const config = defineConfig({
  ...base,
  triggers: [
    {
      id: 'api-banner',
      when: { usage: { feature: 'apiCalls', atLeast: 0.8 } },
      prompt: { kind: 'banner', placement: 'dashboard', feature: 'apiCalls', title: 'Running low on API calls', body: 'Pro has 10,000 a month.' },
    },
    {
      id: 'pdf-modal',
      when: { gateHits: { feature: 'pdfExport', atLeast: 2, within: '7d' } },
      prompt: { kind: 'modal', feature: 'pdfExport', title: 'Export to PDF with Pro', body: 'Send polished reports.' },
      priority: 10,
    },
    {
      id: 'pdf-tooltip',
      when: { plan: { in: ['free'] } },
      prompt: { kind: 'tooltip', feature: 'pdfExport', title: 'Unlock PDF export', body: 'Part of Pro.', ctaLabel: 'See Pro' },
    },
  ],
});

/** A platform where the test decides when an element becomes visible. */
function visibilityPlatform() {
  const pending: Array<() => void> = [];
  const platform = { ...createMemoryPlatform(), observeVisible: (_element: unknown, onVisible: () => void) => (pending.push(onVisible), () => {}) };
  return { platform, reveal: () => act(() => pending.splice(0).forEach((callback) => callback())) };
}

describe('PromptOutlet', () => {
  it('shows a fired banner for its placement, and counts it as shown only once it is visible', async () => {
    const { platform, reveal } = visibilityPlatform();
    const { events, container } = renderWithKit(
      <>
        <PromptOutlet placement="dashboard" />
        <PromptOutlet placement="settings" />
      </>,
      { config, customer: customer({ apiCalls: 1700 }), platform },
    );
    expect(screen.getAllByRole('status')).toHaveLength(1);
    expect(screen.getByRole('status').textContent).toBe('Running low on API calls Pro has 10,000 a month.');
    expect(events.filter((event) => event.type === 'prompt.shown')).toHaveLength(0);
    reveal();
    expect(events.filter((event) => event.type === 'prompt.shown')).toMatchObject([{ triggerId: 'api-banner', kind: 'banner' }]);
    reveal();
    expect(events.filter((event) => event.type === 'prompt.shown')).toHaveLength(1);
    await expectNoAxeViolations(container);
  });

  it('counts one impression per display under Strict Mode too (double effects, same element)', () => {
    const { events } = renderWithKit(
      <StrictMode>
        <PromptOutlet placement="dashboard" />
      </StrictMode>,
      { config, customer: customer({ apiCalls: 1700 }) },
    );
    expect(screen.getByRole('status').textContent).toContain('Running low on API calls');
    expect(events.filter((event) => event.type === 'prompt.shown')).toHaveLength(1);
  });

  it('records a dismissal with its reason, and the arbiter snoozes the prompt', async () => {
    const { events } = renderWithKit(<PromptOutlet placement="dashboard" />, { config, customer: customer({ apiCalls: 1700 }) });
    await user().click(screen.getByRole('button', { name: 'Dismiss' }));
    await user().click(screen.getByRole('button', { name: 'Too expensive' }));
    expect(events.filter((event) => event.type === 'prompt.dismissed')).toMatchObject([{ triggerId: 'api-banner', reason: 'too_expensive' }]);
    expect(document.querySelector('.uk-banner')).toBeNull();
  });

  it('records clicks on the CTA against the trigger', async () => {
    const { events, onUpgrade } = renderWithKit(<PromptOutlet placement="dashboard" />, { config, customer: customer({ apiCalls: 1700 }) });
    await user().click(screen.getByRole('button', { name: 'Upgrade to Pro' }));
    expect(events.filter((event) => event.type === 'prompt.clicked')).toMatchObject([{ triggerId: 'api-banner', cta: 'upgrade' }]);
    expect(onUpgrade).toHaveBeenCalledWith('pro', expect.objectContaining({ triggerId: 'api-banner' }));
  });

  it('opens a modal prompt when its trigger fires; Escape dismisses it', async () => {
    const { kit, events } = renderWithKit(<PromptOutlet />, { config });
    expect(screen.queryByRole('dialog')).toBeNull();
    act(() => {
      kit.check('pdfExport', { attempt: true });
      kit.check('pdfExport', { attempt: true });
    });
    await settle();
    expect(screen.getByRole('dialog', { name: 'Export to PDF with Pro' })).toBeTruthy();
    expect(screen.getByText('+$29 per month')).toBeTruthy();
    expect(events.filter((event) => event.type === 'prompt.shown')).toMatchObject([{ triggerId: 'pdf-modal', kind: 'modal' }]);
    await user().keyboard('{Escape}');
    await settle();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(events.filter((event) => event.type === 'prompt.dismissed')).toMatchObject([{ triggerId: 'pdf-modal' }]);
  });

  it('lets the host render a prompt its own way', () => {
    renderWithKit(
      <PromptOutlet placement="dashboard">
        {(prompt) => (prompt.kind === 'banner' ? <aside aria-label="Offer">{prompt.title}</aside> : undefined)}
      </PromptOutlet>,
      { config, customer: customer({ apiCalls: 1700 }) },
    );
    expect(screen.getByRole('complementary', { name: 'Offer' }).textContent).toBe('Running low on API calls');
  });

  it('usePrompt returns the top prompt', () => {
    const Top = () => <p>{usePrompt('dashboard')?.triggerId ?? 'none'}</p>;
    renderWithKit(<Top />, { config, customer: customer({ apiCalls: 1700 }) });
    expect(screen.getByText('api-banner')).toBeTruthy();
  });

  it('a tooltip prompt gives LockedFeature its copy and counts when opened', async () => {
    const { events } = renderWithKit(
      <LockedFeature feature="pdfExport">
        <button>Export PDF</button>
      </LockedFeature>,
      { config },
    );
    expect(events.filter((event) => event.type === 'prompt.shown')).toHaveLength(0);
    await user().click(screen.getByRole('button', { name: 'Export PDF' }));
    await settle();
    expect(screen.getByRole('dialog', { name: 'Unlock PDF export' })).toBeTruthy();
    expect(events.filter((event) => event.type === 'prompt.shown')).toMatchObject([{ triggerId: 'pdf-tooltip', kind: 'tooltip' }]);
    await user().click(screen.getByRole('button', { name: 'See Pro' }));
    expect(events.filter((event) => event.type === 'prompt.clicked')).toMatchObject([{ triggerId: 'pdf-tooltip' }]);
  });
});
