import { act, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { defineConfig, type ConfigInput } from '@upgradekit/core';
import { PlanPicker, usePrompt, type PlanDetails } from '../index.js';
import { germanMessages } from '../stories/germanMessages.js';
import { config as base, customer, expectNoAxeViolations, renderWithKit, user } from './helpers.js';

/** The test model with yearly prices, a seats add-on on Pro, and an Enterprise plan sold by sales. */
const config = defineConfig({
  ...base,
  plans: [
    base.plans[0],
    { ...base.plans[1], price: { amount: 29, currency: 'USD', interval: 'month', yearly: 290 } },
    { ...base.plans[2], price: { amount: 79, currency: 'USD', interval: 'month', yearly: 790 } },
    { id: 'enterprise', name: 'Enterprise', price: { amount: 299, currency: 'USD', interval: 'month' }, grants: { ...base.plans[2].grants, seats: 'unlimited' } },
  ],
  addOns: [{ id: 'seats5', name: '5 extra seats', price: { amount: 10, currency: 'USD', interval: 'month' }, grants: { seats: 5 }, plans: ['pro'], maxQuantity: 4 }],
  triggers: [{ id: 'sso-wanted', when: { plan: { in: ['pro'] } }, prompt: { kind: 'banner', feature: 'sso', title: 'Sign in with SSO' } }],
} as ConfigInput);
const ENTERPRISE: PlanDetails = { id: 'enterprise', cta: 'contact_sales', priceLabel: 'Custom', ctaLabel: 'Talk to sales' };

const table = () => screen.getByRole('table', { name: 'Compare plans' });
/** What a screen reader gets of an element: its text without what is hidden from it. */
function spoken(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return copy.textContent!.trim();
}
/** The cells of a feature's row, one a plan, as screen readers get them. */
const rowOf = (name: string) => within(screen.getByRole('rowheader', { name }).closest('tr')!).getAllByRole('cell').map(spoken);
const columnHeaders = () => within(table()).getAllByRole('columnheader').map(spoken);

describe('PlanPicker', () => {
  it('is a table of plans: a named column each, the current and recommended marked, limits, ✓ and — as words', async () => {
    const { container } = renderWithKit(<PlanPicker feature="pdfExport" plans={['free', 'pro', 'team', ENTERPRISE]} />, { config });
    expect(columnHeaders()).toEqual(['Free Current plan', 'Pro Recommended', 'Team', 'Enterprise']);
    expect(screen.getByRole('columnheader', { name: 'Pro Recommended' }).getAttribute('data-state')).toBe('recommended');
    expect(rowOf('Price')).toEqual(['$0 per month', '$29 per month', '$79 per month', 'Custom']);
    expect(rowOf('Projects')).toEqual(['3', '20', 'Unlimited', 'Unlimited']);
    // The signs are for the eye; screen readers get the words.
    const pdf = within(screen.getByRole('rowheader', { name: 'PDF export' }).closest('tr')!).getAllByRole('cell');
    expect(pdf.map((cell) => cell.textContent)).toEqual(['PDF export—not included', 'PDF export✓included', 'PDF export✓included', 'PDF export✓included']);
    expect(rowOf('PDF export')).toEqual(['not included', 'included', 'included', 'included']);
    expect(rowOf('Add-ons')).toEqual(['not included', '5 extra seats: +$10 per month', 'not included', 'not included']);
    await expectNoAxeViolations(container);
  });

  it('has a CTA per plan above the current one, which opens checkout with the path, the feature and the billing period', async () => {
    const { onUpgrade, kit } = renderWithKit(<PlanPicker feature="pdfExport" />, { config, customer: customer({}, { plan: 'pro' }) });
    expect(screen.queryByRole('button', { name: 'Upgrade to Free' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Upgrade to Pro' })).toBeNull();
    const toTeam = screen.getByRole('button', { name: 'Upgrade to Team' });
    // Each CTA is described by its plan's header.
    // PDF export is in Pro already: as for prompts, the next plan up is recommended.
    expect(toTeam.getAttribute('aria-describedby')).toBe(screen.getByRole('columnheader', { name: 'Team Recommended' }).id);
    await user().click(toTeam);
    expect(onUpgrade).toHaveBeenCalledWith('team', {
      feature: 'pdfExport',
      upgrade: expect.objectContaining({ plan: 'team', addOns: [], mrrDelta: 50 }),
      billing: 'month',
      checkoutContext: kit.checkoutContext(),
    });
  });

  // Arrow keys between the radios are the browser's: the Storybook stories press them in Chromium.
  it('switches to yearly prices with the saving, and hands the period to checkout', async () => {
    const onBillingChange = vi.fn();
    const { onUpgrade, container } = renderWithKit(<PlanPicker feature="pdfExport" onBillingChange={onBillingChange} />, { config });
    const billing = screen.getByRole('group', { name: 'Billing' });
    const monthly = within(billing).getByRole('radio', { name: 'Monthly' });
    expect(monthly).toHaveProperty('checked', true);
    const u = user();
    await u.click(within(billing).getByRole('radio', { name: 'Yearly' }));
    expect(within(billing).getByRole('radio', { name: 'Yearly' })).toHaveProperty('checked', true);
    expect(onBillingChange).toHaveBeenCalledWith('year');
    expect(screen.getByRole('table').closest('.uk-plans')!.getAttribute('data-state')).toBe('year');
    // Enterprise has no yearly price: it stays monthly.
    expect(rowOf('Price')).toEqual(['$0 per year', '$290 per year Save $58 a year', '$790 per year Save $158 a year', '$299 per month']);
    await expectNoAxeViolations(container);
    await u.click(screen.getByRole('button', { name: 'Upgrade to Pro' }));
    expect(onUpgrade).toHaveBeenCalledWith('pro', expect.objectContaining({ billing: 'year' }));
    await u.click(screen.getByRole('button', { name: 'Upgrade to Enterprise' }));
    expect(onUpgrade).toHaveBeenLastCalledWith('enterprise', expect.objectContaining({ billing: 'month' }));
  });

  it('follows a controlled billing period, and shows no toggle when no plan is billed both ways', () => {
    function Controlled() {
      const [billing, setBilling] = useState<'month' | 'year'>('year');
      return <PlanPicker billing={billing} onBillingChange={setBilling} plans={['free', 'pro']} />;
    }
    const { unmount } = renderWithKit(<Controlled />, { config });
    expect(screen.getByRole('radio', { name: 'Yearly' })).toHaveProperty('checked', true);
    expect(rowOf('Price')).toEqual(['$0 per year', '$290 per year Save $58 a year']);
    unmount();
    renderWithKit(<PlanPicker />);
    expect(screen.queryByRole('group', { name: 'Billing' })).toBeNull();
  });

  it('shows the plans asked for, in that order, with copy of their own; unknown ids are warned about and left out', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    renderWithKit(
      <PlanPicker
        plans={['team', { id: 'pro', name: 'Professional', description: 'For growing teams', ctaLabel: 'Go Professional' }, 'platinum']}
        features={['seats', 'sso', 'storage']}
        caption="Pick a plan"
      />,
      { config },
    );
    expect(within(screen.getByRole('table', { name: 'Pick a plan' })).getAllByRole('columnheader').map((header) => header.textContent)).toEqual([
      'Team',
      'Professional Recommended',
    ]);
    expect(screen.getAllByRole('rowheader').map((header) => header.textContent)).toEqual(['Price', 'Seats', 'SSO', 'Add-ons', 'Choose a plan']);
    expect(rowOf('Price')).toEqual(['$79 per month', '$29 per month For growing teams']);
    expect(screen.getByRole('button', { name: 'Go Professional' })).toBeTruthy();
    expect(warn.mock.calls.map((call) => call[0])).toEqual([
      '[upgradekit] plans lists plan "platinum", which is not in the config (defined: free, pro, team, enterprise); it is left out',
      '[upgradekit] features lists feature "storage", which is not in the config (defined: apiCalls, projects, seats, pdfExport, sso); it is left out',
    ]);
  });

  it('routes a contact-sales plan to its URL, or to onContactSales with the path and the trigger', async () => {
    const onContactSales = vi.fn();
    const { unmount } = renderWithKit(<PlanPicker plans={['pro', { ...ENTERPRISE, url: 'https://example.com/sales' }]} />, { config, provider: { onContactSales } });
    expect(screen.getByRole('link', { name: 'Talk to sales' }).getAttribute('href')).toBe('https://example.com/sales');
    unmount();
    const { kit, onUpgrade } = renderWithKit(<PlanPicker feature="sso" plans={['pro', ENTERPRISE]} />, { config, provider: { onContactSales } });
    await user().click(screen.getByRole('button', { name: 'Talk to sales' }));
    expect(onContactSales).toHaveBeenCalledWith({
      feature: 'sso',
      upgrade: expect.objectContaining({ plan: 'enterprise', mrrDelta: 299 }),
      billing: 'month',
      checkoutContext: kit.checkoutContext(),
    });
    expect(onUpgrade).not.toHaveBeenCalled();
  });

  it("shown for a prompt: recommends for the prompt's feature, counts the impression and credits the click to its trigger", async () => {
    function ForPrompt() {
      const prompt = usePrompt();
      return prompt && <PlanPicker prompt={prompt} />;
    }
    const { events, onUpgrade } = renderWithKit(<ForPrompt />, { config, customer: customer({}, { plan: 'pro' }) });
    expect(screen.getByRole('columnheader', { name: 'Team Recommended' })).toBeTruthy();
    expect(events.filter((event) => event.type === 'prompt.shown')).toMatchObject([{ triggerId: 'sso-wanted' }]);
    await user().click(screen.getByRole('button', { name: 'Upgrade to Team' }));
    expect(events.filter((event) => event.type === 'prompt.clicked')).toMatchObject([{ triggerId: 'sso-wanted', cta: 'upgrade' }]);
    expect(onUpgrade).toHaveBeenCalledWith('team', expect.objectContaining({ triggerId: 'sso-wanted', feature: 'sso' }));
  });

  it('follows the customer: a new plan moves the current mark, the CTAs and the recommendation', () => {
    const { kit } = renderWithKit(<PlanPicker feature="pdfExport" plans={['free', 'pro', 'team']} />, { config });
    expect(columnHeaders()).toEqual(['Free Current plan', 'Pro Recommended', 'Team']);
    act(() => kit.setCustomer({ id: 'c1', plan: 'pro', usage: {} }));
    expect(columnHeaders()).toEqual(['Free', 'Pro Current plan', 'Team Recommended']);
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual(['Upgrade to Team']);
  });

  it('formats prices and numbers for the locale through Intl: German', () => {
    const euroConfig = defineConfig({
      ...config,
      plans: config.plans.map((plan) => ({ ...plan, price: { ...plan.price, currency: 'EUR' } })),
      addOns: config.addOns!.map((addOn) => ({ ...addOn, price: { ...addOn.price, currency: 'EUR' } })),
    } as ConfigInput);
    renderWithKit(<PlanPicker feature="pdfExport" plans={['free', 'pro', 'team']} defaultBilling="year" />, {
      config: euroConfig,
      provider: { locale: 'de-DE', messages: germanMessages },
    });
    const table = screen.getByRole('table', { name: 'Tarife vergleichen' });
    // German puts the sign after the amount, behind a no-break space, and groups thousands with a dot.
    const euro = (amount: string) => `${amount}\u00a0€`;
    expect(rowOf('Preis')).toEqual([
      `${euro('0')} pro Jahr`,
      `${euro('290')} pro Jahr Sie sparen ${euro('58')} im Jahr`,
      `${euro('790')} pro Jahr Sie sparen ${euro('158')} im Jahr`,
    ]);
    expect(rowOf('API calls')).toEqual(['2.000', '10.000', 'Unbegrenzt']);
    expect(within(table).getAllByRole('columnheader').map(spoken)).toEqual(['Free Aktueller Tarif', 'Pro Empfohlen', 'Team']);
    expect(within(table).getByRole('button', { name: 'Auf Pro upgraden' })).toBeTruthy();
  });

  it('renders nothing when every plan asked for is unknown', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { container } = renderWithKit(<PlanPicker plans={['gold']} />, { config });
    expect(console.warn).toHaveBeenCalledTimes(1);
    expect(container.innerHTML).toBe('');
  });
});
