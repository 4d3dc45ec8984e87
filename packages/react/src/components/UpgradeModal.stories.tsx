import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { monthly } from '@upgradekit/core';
import { expect, screen, userEvent, waitFor, within } from 'storybook/test';
import { useFormat } from '../context.js';
import { useEntitlement } from '../hooks/useEntitlement.js';
import { useUpgradeKit } from '../hooks/useUpgradeKit.js';
import { componentProps, kitArgs, kitArgTypes, textControls, type KitArgs } from '../stories/fixtures.js';
import { UpgradeModal, type UpgradeModalProps } from './UpgradeModal.js';

type Args = UpgradeModalProps & KitArgs;

/**
 * The full upgrade offer: what the recommended plan unlocks and what it adds per
 * month over the customer's current plan. Switch `customerPlan` and `feature` in
 * Controls to see other offers (Free → Pro +$29, Pro → Team +$50).
 */
const meta = {
  title: 'Components/UpgradeModal',
  component: UpgradeModal,
  args: { ...kitArgs, feature: 'pdfExport', defaultOpen: true },
  argTypes: {
    ...kitArgTypes,
    ...textControls('title', 'body', 'className'),
    feature: { control: 'inline-radio', options: ['pdfExport', 'sso', 'apiCalls', 'projects', 'seats'] },
    plan: { control: 'inline-radio', options: [undefined, 'pro', 'team'] },
    open: { control: false },
    prompt: { control: false },
    children: { control: false },
  },
  render: (args) => <UpgradeModal {...componentProps(args)} />,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The dialog renders in a portal under <body>, outside the story's canvas. */
const dialog = (name: string) => screen.findByRole('dialog', { name });

/** Free customer, PDF export: the cheapest plan that has it is Pro. */
export const FreeToPro: Story = {
  play: async () => {
    const modal = within(await dialog('Upgrade to Pro'));
    await expect(modal.getByText('PDF export is included in Pro.')).toBeVisible();
    await expect(modal.getByText('+$29 per month')).toBeVisible();
    await expect(modal.getByRole('button', { name: 'Upgrade to Pro' })).toBeVisible();
  },
};

/** The CTA hands the plan and the upgrade path to the host's checkout (`onUpgrade`), and closes the modal. */
export const UpgradeOpensCheckout: Story = {
  play: async ({ args }) => {
    const modal = within(await dialog('Upgrade to Pro'));
    await userEvent.click(modal.getByRole('button', { name: 'Upgrade to Pro' }));
    await expect(args.onUpgrade).toHaveBeenCalledWith(
      'pro',
      expect.objectContaining({ feature: 'pdfExport', upgrade: expect.objectContaining({ plan: 'pro', mrrDelta: 29 }) }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  },
};

/** A Pro customer asking for SSO: Team, for the difference between the two plans. */
export const ProToTeam: Story = {
  args: { customerPlan: 'pro', feature: 'sso' },
  play: async () => {
    const modal = within(await dialog('Upgrade to Team'));
    await expect(modal.getByText('SSO is included in Team.')).toBeVisible();
    await expect(modal.getByText('+$50 per month')).toBeVisible();
  },
};

/** The host recommends a bigger plan than the cheapest path: the price is the difference to that plan. */
export const RecommendedPlan: Story = {
  args: { plan: 'team' },
  play: async () => {
    const modal = within(await dialog('Upgrade to Team'));
    await expect(modal.getByText('+$79 per month')).toBeVisible();
    await expect(modal.getByRole('button', { name: 'Upgrade to Team' })).toBeVisible();
  },
};

/** Current plan next to the recommended one, through the modal's `children` slot. */
function PlanComparison({ feature }: { feature: string }) {
  const kit = useUpgradeKit();
  const [, format] = useFormat(undefined, '<PlanComparison>');
  const target = useEntitlement(feature).upgrade?.plan;
  const current = kit.getSnapshot().customer.plan;
  const rows = kit.config.plans.filter((plan) => plan.id === current || plan.id === target);
  return (
    <table style={{ width: '100%', marginBottom: 16, borderCollapse: 'collapse' }}>
      <caption style={{ textAlign: 'start', fontWeight: 600, marginBottom: 4 }}>Your plan and the one you need</caption>
      <thead>
        <tr>
          <th scope="col" style={{ textAlign: 'start' }}>
            Plan
          </th>
          <th scope="col" style={{ textAlign: 'end' }}>
            Per month
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((plan) => (
          <tr key={plan.id} aria-current={plan.id === current || undefined}>
            <th scope="row" style={{ textAlign: 'start', fontWeight: 400 }}>
              {plan.name} {plan.id === current ? '(current)' : '(recommended)'}
            </th>
            <td style={{ textAlign: 'end' }}>{format.currency(monthly(plan.price), plan.price.currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export const CurrentVersusRecommended: Story = {
  args: { customerPlan: 'pro', feature: 'sso' },
  render: (args) => (
    <UpgradeModal {...componentProps(args)}>
      <PlanComparison feature={args.feature ?? 'sso'} />
    </UpgradeModal>
  ),
  play: async () => {
    const modal = within(await dialog('Upgrade to Team'));
    const rows = modal.getAllByRole('row').slice(1);
    await expect(rows.map((row) => row.textContent)).toEqual(['Pro (current)$29', 'Team (recommended)$79']);
    await expect(modal.getByText('+$50 per month')).toBeVisible();
  },
};

export const CustomCopy: Story = {
  args: { title: 'Export to PDF with Pro', body: 'Send polished reports to clients. Pro also raises your limit to 20 projects.' },
  play: async () => {
    const modal = within(await dialog('Export to PDF with Pro'));
    await expect(modal.getByText('Send polished reports to clients. Pro also raises your limit to 20 projects.')).toBeVisible();
  },
};

export const German: Story = {
  globals: { locale: 'de-DE' },
  play: async () => {
    const modal = within(await dialog('Upgrade auf Pro'));
    await expect(modal.getByText('+29 $ pro Monat')).toBeVisible();
    await expect(modal.getByRole('button', { name: 'Nicht jetzt' })).toBeVisible();
  },
};

/** Opened from a control: focus moves into the dialog, Escape closes it, and focus returns to the control. */
export const EscapeClosesAndReturnsFocus: Story = {
  args: { defaultOpen: false },
  render: function Render(args) {
    const [open, setOpen] = useState(false);
    return (
      <>
        <button type="button" onClick={() => setOpen(true)}>
          Export PDF
        </button>
        <UpgradeModal {...componentProps(args)} open={open} onOpenChange={setOpen} />
      </>
    );
  },
  play: async ({ canvasElement }) => {
    const opener = within(canvasElement).getByRole('button', { name: 'Export PDF' });
    await userEvent.click(opener);
    const modal = await dialog('Upgrade to Pro');
    await waitFor(() => expect(modal).toContainElement(document.activeElement as HTMLElement));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(opener).toHaveFocus());
  },
};

/** "Not now" closes it too, and Tab stays inside the dialog while it is open. */
export const NotNowAndFocusTrap: Story = {
  ...EscapeClosesAndReturnsFocus,
  play: async ({ canvasElement }) => {
    const opener = within(canvasElement).getByRole('button', { name: 'Export PDF' });
    await userEvent.click(opener);
    const modal = await dialog('Upgrade to Pro');
    await waitFor(() => expect(modal).toContainElement(document.activeElement as HTMLElement));
    // Past the last control, Tab wraps back to the first.
    for (let index = 0; index < 6; index++) {
      await userEvent.tab();
      await waitFor(() => expect(modal).toContainElement(document.activeElement as HTMLElement));
    }
    await userEvent.click(within(modal).getByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(opener).toHaveFocus());
  },
};

/** A press on the backdrop closes it; while it is open the page behind is inert and does not scroll. */
export const BackdropCloses: Story = {
  ...EscapeClosesAndReturnsFocus,
  play: async ({ canvasElement }) => {
    const opener = within(canvasElement).getByRole('button', { name: 'Export PDF' });
    await userEvent.click(opener);
    const modal = await dialog('Upgrade to Pro');
    await expect(canvasElement.closest('[inert]')).not.toBeNull();
    await expect(getComputedStyle(document.documentElement).overflow).toBe('hidden');
    await userEvent.click(modal);
    await expect(screen.getByRole('dialog')).toBe(modal);
    await userEvent.click(modal.parentElement!);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await expect(canvasElement.closest('[inert]')).toBeNull();
    await waitFor(() => expect(opener).toHaveFocus());
  },
};
