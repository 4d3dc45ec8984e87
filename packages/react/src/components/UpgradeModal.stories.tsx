import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { monthly } from '@upgradekit/core';
import { expect, screen, userEvent, waitFor, within } from 'storybook/test';
import { useFormat } from '../context.js';
import { useEntitlement } from '../hooks/useEntitlement.js';
import { useUpgradeKit } from '../hooks/useUpgradeKit.js';
import { componentProps, kitArgs, kitArgTypes, textControls, type KitArgs } from '../stories/fixtures.js';
import { docsPage } from '../stories/docs.js';
import { spokenRows } from '../stories/comparisonRows.js';
import { withTrustedInput } from '../stories/trustedInput.js';
import { UpgradeModal, type UpgradeModalProps } from './UpgradeModal.js';
import { TrialModal } from './TrialModal.js';

type Args = UpgradeModalProps & KitArgs;

const meta = {
  title: 'Components/UpgradeModal',
  component: UpgradeModal,
  parameters: docsPage({
    use: 'The full upgrade offer at a moment of intent: what the recommended plan unlocks and what it adds per month over the current plan, with one CTA. PromptOutlet opens it for `modal` prompts; open it yourself from a locked control.',
    tryIt: 'switch `customerPlan` and `feature` in Controls to see other offers (Free → Pro +$29, Pro → Team +$50).',
    accessibility: [
      'A native `<dialog>` opened with `showModal()`: the page behind is inert and does not scroll; the dialog is named by its title.',
      'Focus moves to its first control (or to content that focuses itself), Tab and Shift+Tab stay inside, and focus returns to the opener on close.',
      'Escape, the Close button (labelled "Close") and a press on the backdrop close it; "Not now" records a dismissal.',
    ],
    framed: 420,
  }),
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

/** A page with the modal's opener, another control that says when it ran, and enough content to scroll. */
function Page(args: Args) {
  const [open, setOpen] = useState(false);
  const [shared, setShared] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Export PDF
      </button>{' '}
      <button type="button" onClick={() => setShared(true)}>
        {shared ? 'Shared' : 'Share'}
      </button>
      <div style={{ height: '200vh' }} />
      <UpgradeModal {...componentProps(args)} open={open} onOpenChange={setOpen} />
    </>
  );
}

/** Focus is never outside the dialog: not on the page behind, and not on <body>, where the browser would hand it to its toolbar. */
const expectFocusIn = (modal: HTMLElement) => waitFor(() => expect(modal).toContainElement(document.activeElement as HTMLElement));

/** Opened from a control: focus moves to the dialog's first control, Escape closes it, and focus returns to the control. */
export const EscapeClosesAndReturnsFocus: Story = {
  args: { defaultOpen: false },
  render: (args) => <Page {...args} />,
  play: withTrustedInput(async ({ canvasElement }, user) => {
    const opener = within(canvasElement).getByRole('button', { name: 'Export PDF' });
    await user.click(opener);
    const modal = await dialog('Upgrade to Pro');
    await waitFor(() => expect(within(modal).getByRole('button', { name: 'Close' })).toHaveFocus());
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(opener).toHaveFocus());
  }),
};

/** Tab and Shift+Tab go round the dialog's controls and never leave it; "Not now" closes it and focus returns. */
export const NotNowAndFocusTrap: Story = {
  ...EscapeClosesAndReturnsFocus,
  play: withTrustedInput(async ({ canvasElement }, user) => {
    const opener = within(canvasElement).getByRole('button', { name: 'Export PDF' });
    await user.click(opener);
    const modal = await dialog('Upgrade to Pro');
    const [close, upgrade, notNow] = ['Close', 'Upgrade to Pro', 'Not now'].map((name) => within(modal).getByRole('button', { name }));
    await waitFor(() => expect(close).toHaveFocus());
    // Real key presses: the browser's own focus navigation, which would leave the dialog after its last control.
    for (const expected of [upgrade, notNow, close, upgrade, notNow, close]) {
      await user.keyboard('{Tab}');
      await expectFocusIn(modal);
      await waitFor(() => expect(expected).toHaveFocus());
    }
    for (const expected of [notNow, upgrade, close, notNow]) {
      await user.keyboard('{Shift>}{Tab}{/Shift}');
      await expectFocusIn(modal);
      await waitFor(() => expect(expected).toHaveFocus());
    }
    await user.click(notNow!);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(opener).toHaveFocus());
  }),
};

/**
 * While it is open the page behind is inert (covered by the backdrop: a click on a
 * page control does not reach it) and does not scroll; a press on the backdrop closes it.
 */
export const BackdropCloses: Story = {
  ...EscapeClosesAndReturnsFocus,
  play: withTrustedInput(async ({ canvasElement }, user) => {
    const canvas = within(canvasElement);
    const opener = canvas.getByRole('button', { name: 'Export PDF' });
    const other = canvas.getByRole('button', { name: 'Share' });
    await user.click(opener);
    const modal = await dialog('Upgrade to Pro');
    await expect(modal.matches(':modal')).toBe(true);
    const { left, top, width, height } = other.getBoundingClientRect();
    await expect(document.elementFromPoint(left + width / 2, top + height / 2)).toBe(modal);
    await expect(getComputedStyle(document.documentElement).overflow).toBe('hidden');
    await user.wheel(modal, { delta: { y: 400 } });
    await expect(document.scrollingElement!.scrollTop).toBe(0);
    // A press inside the dialog keeps it open.
    await user.click(within(modal).getByText('PDF export is included in Pro.'));
    await expect(screen.getByRole('dialog')).toBe(modal);
    // Aimed at the page's button, the press lands on the backdrop: the button's action does not run, and the dialog closes.
    await user.click(other, { force: true });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await expect(other).toHaveTextContent(/^Share$/);
    await waitFor(() => expect(opener).toHaveFocus());
    // Closed, the page works again: the button runs, and the page scrolls (so the still page above was the dialog's doing).
    await user.click(other);
    await expect(other).toHaveTextContent(/^Shared$/);
    await user.wheel(other, { delta: { y: 400 } });
    await waitFor(() => expect(document.scrollingElement!.scrollTop).toBeGreaterThan(0));
    document.scrollingElement!.scrollTop = 0;
  }),
};

/** Content that focuses itself (`autoFocus`) keeps focus, instead of the first control. */
export const ContentThatFocusesItself: Story = {
  render: (args) => (
    <UpgradeModal {...componentProps(args)}>
      <label style={{ display: 'grid', gap: 4, marginBottom: 16 }}>
        Work email for the invoice
        <input type="email" autoFocus />
      </label>
    </UpgradeModal>
  ),
  play: async () => {
    const modal = within(await dialog('Upgrade to Pro'));
    await waitFor(() => expect(modal.getByRole('textbox', { name: 'Work email for the invoice' })).toHaveFocus());
  },
};

/**
 * Two dialogs opened in one render: the later one is on top of the top layer and the
 * other is behind it, inert like the page. Escape closes the top one, and focus goes
 * back to the one below, which Escape then closes too.
 */
export const OnTopOfAnotherDialog: Story = {
  render: (args) => (
    <>
      <UpgradeModal {...componentProps(args)} />
      <TrialModal feature="pdfExport" defaultOpen />
    </>
  ),
  play: withTrustedInput(async (_context, user) => {
    const trial = await dialog('Try PDF export free for 14 days');
    // Behind the top dialog, the first is hidden from assistive technology too.
    const upgrade = screen.getByRole('dialog', { name: 'Upgrade to Pro', hidden: true });
    await waitFor(() => expect(within(trial).getByRole('button', { name: 'Close' })).toHaveFocus());
    const { left, top, width, height } = within(upgrade).getByRole('button', { name: 'Upgrade to Pro', hidden: true }).getBoundingClientRect();
    await expect(trial.contains(document.elementFromPoint(left + width / 2, top + height / 2)) || document.elementFromPoint(left + width / 2, top + height / 2) === trial).toBe(true);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.getAllByRole('dialog')).toEqual([upgrade]));
    await waitFor(() => expect(within(upgrade).getByRole('button', { name: 'Close' })).toHaveFocus());
    await user.keyboard('{Tab}');
    await expect(within(upgrade).getByRole('button', { name: 'Upgrade to Pro' })).toHaveFocus();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  }),
};


/** Free → Pro: the rows that change ("Projects 3 → 20", "PDF export — → ✓"), the feature asked about first, and the monthly difference. */
export const WhatChanges: Story = {
  play: async () => {
    const modal = within(await dialog('Upgrade to Pro'));
    const list = modal.getByRole('list', { name: 'What changes with Pro' });
    await expect(spokenRows(list)).toEqual([
      'PDF export: not included now, included with Pro',
      'API calls: 2,000 now, 10,000 with Pro',
      'Projects: 3 now, 20 with Pro',
      'Seats: 2 now, 5 with Pro',
    ]);
    const projects = within(list).getAllByRole('listitem')[2]!;
    await expect([...projects.querySelectorAll(':scope > [aria-hidden="true"]')].map((part) => part.textContent)).toEqual(['Projects', '3', '→', '20']);
    await expect(modal.getByText('+$29 per month')).toBeVisible();
  },
};

/** Pro → Team for SSO: unlimited projects and API calls, 20 seats, +$50 a month. */
export const ProToTeamWhatChanges: Story = {
  args: { customerPlan: 'pro', feature: 'sso' },
  play: async () => {
    const modal = within(await dialog('Upgrade to Team'));
    await expect(spokenRows(modal.getByRole('list', { name: 'What changes with Team' }))).toEqual([
      'SSO: not included now, included with Team',
      'API calls: 10,000 now, unlimited with Team',
      'Projects: 20 now, unlimited with Team',
      'Seats: 5 now, 20 with Team',
    ]);
    await expect(modal.getByText('+$50 per month')).toBeVisible();
  },
};

/**
 * A Pro customer at the seat limit: Team (+$50) or, cheaper, packs of 5 extra
 * seats on Pro. The stepper chooses how many (arrow keys in the field, or − and +),
 * and the add-on's CTA hands the quantity to checkout.
 */
export const AddOnPath: Story = {
  args: { customerPlan: 'pro', feature: 'seats', seats: 5 },
  play: withTrustedInput(async ({ args }, user) => {
    const modal = within(await dialog('Upgrade to Team'));
    await expect(modal.getByText('+$50 per month')).toBeVisible();
    const addOn = within(modal.getByRole('region', { name: 'Or add 5 extra seats' }));
    await expect(addOn.getByText('+$10 per month')).toBeVisible();
    const quantity = addOn.getByRole('spinbutton', { name: 'Quantity' });
    await user.click(quantity);
    await user.keyboard('{ArrowUp}');
    await waitFor(() => expect(quantity).toHaveValue(2));
    await user.click(addOn.getByRole('button', { name: 'One more' }));
    await expect(quantity).toHaveValue(3);
    await expect(spokenRows(addOn.getByRole('list', { name: 'What changes with 3 × 5 extra seats' }))).toEqual(['Seats: 5 now, 20 with 3 × 5 extra seats']);
    await expect(addOn.getByText('+$30 per month')).toBeVisible();
    await user.click(addOn.getByRole('button', { name: 'Add 3 × 5 extra seats' }));
    await expect(args.onUpgrade).toHaveBeenCalledWith(
      'pro',
      expect.objectContaining({ feature: 'seats', upgrade: expect.objectContaining({ plan: 'pro', addOns: [{ id: 'seats5', quantity: 3 }], mrrDelta: 30 }) }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  }),
};

export const WhatChangesGerman: Story = {
  globals: { locale: 'de-DE' },
  args: { customerPlan: 'pro', feature: 'seats', seats: 5 },
  play: async () => {
    const modal = within(await dialog('Upgrade auf Team'));
    await expect(spokenRows(modal.getByRole('list', { name: 'Was sich mit Team ändert' }))[0]).toBe('Seats: jetzt 5, mit Team 20');
    const addOn = within(modal.getByRole('region', { name: 'Oder 5 extra seats hinzufügen' }));
    await expect(addOn.getByRole('spinbutton', { name: 'Anzahl' })).toHaveValue(1);
    await expect(addOn.getByText('+10 $ pro Monat')).toBeVisible();
  },
};

/** The comparison and the add-on in the dark theme, so the a11y check measures their contrast too. */
export const WhatChangesDark: Story = { ...WhatChanges, globals: { theme: 'dark' } };
export const AddOnPathDark: Story = {
  args: { customerPlan: 'pro', feature: 'seats', seats: 5 },
  globals: { theme: 'dark' },
  play: async () => {
    await expect(within(await dialog('Upgrade to Team')).getByRole('region', { name: 'Or add 5 extra seats' })).toBeVisible();
  },
};
