import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { UpgradeButton } from '../index.js';
import { customer, expectNoAxeViolations, NOW, renderWithKit, user } from './helpers.js';

describe('UpgradeButton', () => {
  it('opens the host checkout with the plan and a context carrying attribution', async () => {
    const { onUpgrade, kit, container } = renderWithKit(<UpgradeButton feature="pdfExport" className="mine" />);
    const button = screen.getByRole('button', { name: 'Upgrade to Pro' });
    expect(button.classList.contains('mine')).toBe(true);
    expect(button.getAttribute('data-cta')).toBe('upgrade');
    await user().click(button);
    expect(onUpgrade).toHaveBeenCalledWith('pro', { feature: 'pdfExport', upgrade: expect.objectContaining({ plan: 'pro' }), checkoutContext: kit.checkoutContext() });
    await expectNoAxeViolations(container);
  });

  it('warns when there is no onUpgrade to call', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    renderWithKit(<UpgradeButton plan="team">Go Team</UpgradeButton>, { provider: { onUpgrade: undefined } as never });
    await user().click(screen.getByRole('button', { name: 'Go Team' }));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('[upgradekit] an upgrade CTA was clicked, but <UpgradeKitProvider> has no onUpgrade'));
  });

  it('offers the next plan up when the feature is far from its limit', () => {
    const { onUpgrade } = renderWithKit(<UpgradeButton feature="apiCalls" />);
    fireEvent.click(screen.getByRole('button', { name: 'Upgrade to Pro' }));
    // The same offer prompts make: the next plan up, with what it adds to MRR.
    expect(onUpgrade).toHaveBeenCalledWith('pro', expect.objectContaining({ feature: 'apiCalls', upgrade: expect.objectContaining({ plan: 'pro', mrrDelta: 29 }) }));
  });

  it('during a Team trial offers keeping Team, never Pro, which has fewer projects than the customer has now', () => {
    const onTrial = customer({ apiCalls: 1234, projects: 8 }, { trials: [{ plan: 'team', startedAt: NOW - 864e5, endsAt: NOW + 6 * 864e5 }] });
    renderWithKit(
      <>
        <UpgradeButton />
        <UpgradeButton feature="projects" />
      </>,
      { customer: onTrial },
    );
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual(['Upgrade to Team', 'Upgrade to Team']);
  });

  it('renders nothing on the top plan, where there is nothing to upgrade to', () => {
    const { container } = renderWithKit(<UpgradeButton feature="apiCalls" />, { customer: customer(undefined, { plan: 'team' }) });
    expect(container.innerHTML).toBe('');
  });

  it('renders http(s) URLs as links', () => {
    renderWithKit(<UpgradeButton cta="learn_more" url="https://example.com/pricing" />);
    expect(screen.getByRole('link', { name: 'Learn more' }).getAttribute('href')).toBe('https://example.com/pricing');
  });

  it.each(['javascript:alert(document.cookie)', ' JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', '//evil.example'])(
    'refuses %j with a warning and renders no link',
    (url) => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const { container } = renderWithKit(<UpgradeButton cta="learn_more" url={url} />);
      expect(screen.queryByRole('link')).toBeNull();
      expect(container.querySelector('[href]')).toBeNull();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining(`[upgradekit] refused CTA URL "${url}"`));
    },
  );

  it('contact sales: falls back to onContactSales when its URL is refused', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const onContactSales = vi.fn();
    renderWithKit(<UpgradeButton cta="contact_sales" url="javascript:void 0" feature="sso" />, { provider: { onContactSales } });
    await user().click(screen.getByRole('button', { name: 'Contact sales' }));
    expect(onContactSales).toHaveBeenCalledWith(expect.objectContaining({ feature: 'sso' }));
  });

  it('starts a trial in place', async () => {
    const { events } = renderWithKit(<UpgradeButton cta="trial" feature="pdfExport" />);
    await user().click(screen.getByRole('button', { name: 'Start free trial' }));
    expect(events.find((event) => event.type === 'trial.started')).toMatchObject({ feature: 'pdfExport' });
  });
});
