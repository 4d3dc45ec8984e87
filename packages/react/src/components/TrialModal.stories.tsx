import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, screen, userEvent, waitFor, within } from 'storybook/test';
import { componentProps, DAY, eventsOf, kitArgs, kitArgTypes, NOW, textControls, type KitArgs } from '../stories/fixtures.js';
import { docsPage } from '../stories/docs.js';
import { spokenRows } from '../stories/comparisonRows.js';
import { withTrustedInput } from '../stories/trustedInput.js';
import { TrialModal, type TrialModalProps } from './TrialModal.js';

type Args = TrialModalProps & KitArgs;

const meta = {
  title: 'Components/TrialModal',
  component: TrialModal,
  parameters: docsPage({
    use: 'The trial lifecycle of a feature or plan in one modal: the offer (started in place), the trial running, ending soon and ended, the last two with the upgrade that keeps it. Renders nothing when no trial is available.',
    tryIt: 'the `trial` control sets the customer\'s trial of this story\'s feature: none (the offer), active, ending (2 days left) or expired. "Today" is Nov 20, 2026; the toolbar\'s Story clock moves it.',
    accessibility: [
      'The same native `<dialog>` as UpgradeModal: inert page, named by its title, focus moved in and returned, Escape and backdrop close.',
      'A trial that cannot start says so in a `role="alert"` message inside the dialog.',
      '`data-state` (`eligible`, `active`, `ending`, `expired`) is for styling; the title and body say the state in words.',
    ],
    framed: 420,
  }),
  args: { ...kitArgs, feature: 'pdfExport', defaultOpen: true },
  argTypes: {
    ...kitArgTypes,
    ...textControls('title', 'body', 'className'),
    feature: { control: 'inline-radio', options: [undefined, 'pdfExport'] },
    plan: { control: 'inline-radio', options: [undefined, 'team'] },
    endingDays: { control: { type: 'number', min: 0, max: 14 } },
    open: { control: false },
    prompt: { control: false },
  },
  render: (args) => <TrialModal {...componentProps(args)} />,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

const dialog = (name: string) => screen.findByRole('dialog', { name });

export const Offer: Story = {
  play: async () => {
    const modal = await dialog('Try PDF export free for 14 days');
    await expect(modal).toHaveAttribute('data-state', 'eligible');
    await expect(within(modal).getByText('Nothing changes on your plan unless you upgrade.')).toBeVisible();
    await expect(within(modal).getByRole('button', { name: 'Start free trial' })).toBeVisible();
  },
};

/** "Start free trial" starts it in place: the same dialog now says it is running, and focus moves to its one action. */
export const StartTrial: Story = {
  play: async ({ args }) => {
    const modal = await dialog('Try PDF export free for 14 days');
    await userEvent.click(within(modal).getByRole('button', { name: 'Start free trial' }));
    await expect(eventsOf(args.onEvent, 'trial.started')).toEqual([expect.objectContaining({ feature: 'pdfExport', endsAt: NOW + 14 * DAY })]);
    const active = await dialog('Your PDF export trial is active');
    await expect(active).toHaveAttribute('data-state', 'active');
    await expect(within(active).getByText('14 days left. Your trial ends Dec 4.')).toBeVisible();
    // The dialog's remaining action: not the ✕ a modal dialog's own focus fixup would pick, nor <body>.
    await waitFor(() => expect(document.activeElement).toBe(active.querySelector('.uk-dialog__actions [data-cta="dismiss"]')));
  },
};

export const PlanOffer: Story = {
  args: { feature: undefined, plan: 'team' },
  play: async () => {
    await expect(await dialog('Try Team free for 7 days')).toHaveAttribute('data-state', 'eligible');
  },
};

export const Active: Story = {
  args: { trial: 'active' },
  play: async () => {
    const modal = await dialog('Your PDF export trial is active');
    await expect(modal).toHaveAttribute('data-state', 'active');
    await expect(within(modal).getByText('12 days left. Your trial ends Dec 2.')).toBeVisible();
    // Nothing to sell yet: only a way out.
    await expect(within(modal).queryByRole('button', { name: /Upgrade/ })).toBeNull();
  },
};

export const Ending: Story = {
  args: { trial: 'ending' },
  play: async () => {
    const modal = await dialog('Your PDF export trial ends in 2 days');
    await expect(modal).toHaveAttribute('data-state', 'ending');
    await expect(within(modal).getByText('Upgrade to Pro to keep it.')).toBeVisible();
    await expect(within(modal).getByRole('button', { name: 'Upgrade to Pro' })).toBeVisible();
  },
};

export const Expired: Story = {
  args: { trial: 'expired' },
  play: async () => {
    const modal = await dialog('Your PDF export trial has ended');
    await expect(modal).toHaveAttribute('data-state', 'expired');
    await expect(within(modal).getByText('Upgrade to Pro to keep using it.')).toBeVisible();
    await expect(within(modal).getByRole('button', { name: 'Upgrade to Pro' })).toBeVisible();
  },
};

export const EndingGerman: Story = {
  args: { trial: 'ending' },
  globals: { locale: 'de-DE' },
  play: async () => {
    const modal = await dialog('Ihre Testphase für PDF export endet bald: noch 2 Tage');
    await expect(within(modal).getByRole('button', { name: 'Auf Pro upgraden' })).toBeVisible();
  },
};

/** Pro already includes PDF export: no trial to offer, so nothing renders. */
export const Unavailable: Story = {
  args: { customerPlan: 'pro' },
  play: async ({ canvasElement }) => {
    await expect(screen.queryByRole('dialog')).toBeNull();
    await expect(canvasElement).toBeEmptyDOMElement();
  },
};

/** Escape closes it (the browser's own, which ignores a synthetic key press) without starting the trial. */
export const EscapeCloses: Story = {
  play: withTrustedInput(async ({ args }, user) => {
    await dialog('Try PDF export free for 14 days');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await expect(eventsOf(args.onEvent, 'trial.started')).toEqual([]);
  }),
};


/** Ending soon: what upgrading to Pro keeps and adds ("PDF export — → ✓", "Projects 3 → 20"), and what it costs a month. */
export const EndingWhatChanges: Story = {
  args: { trial: 'ending' },
  play: async () => {
    const modal = within(await dialog('Your PDF export trial ends in 2 days'));
    const rows = spokenRows(modal.getByRole('list', { name: 'What changes with Pro' }));
    // The trial's feature first: it is what the customer keeps.
    await expect(rows[0]).toBe('PDF export: not included now, included with Pro');
    await expect(rows).toContain('Projects: 3 now, 20 with Pro');
    await expect(modal.getByText('+$29 per month')).toBeVisible();
  },
};

/** A plan trial's offer: what the trial unlocks, and what the plan would cost after it, only if the customer upgrades. */
export const PlanOfferWhatChanges: Story = {
  args: { feature: undefined, plan: 'team' },
  play: async () => {
    const modal = within(await dialog('Try Team free for 7 days'));
    await expect(spokenRows(modal.getByRole('list', { name: 'What changes with Team' }))).toContain('SSO: not included now, included with Team');
    await expect(modal.getByText('After the trial: +$79 per month, only if you upgrade')).toBeVisible();
  },
};

export const EndingWhatChangesDark: Story = { ...EndingWhatChanges, globals: { theme: 'dark' } };
