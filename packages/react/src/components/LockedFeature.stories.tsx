import type { ComponentType } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test';
import { componentProps, eventsOf, kitArgs, kitArgTypes, promptConfig, textControls, type KitArgs } from '../stories/fixtures.js';
import { LockedFeature, type LockedFeatureProps } from './LockedFeature.js';

type Args = Omit<LockedFeatureProps, 'children'> &
  KitArgs & {
    /** The control's own action: it must not run while the feature is locked. */
    onExport: () => void;
  };

/**
 * A premium control shown locked instead of hidden. Hover it, focus it with Tab,
 * or click it: a popover names the plan that unlocks it. Switch `customerPlan`
 * to Pro and the control renders untouched.
 */
const meta = {
  title: 'Components/LockedFeature',
  // The story supplies the control (the children) itself, so the args table leaves it out.
  component: LockedFeature as unknown as ComponentType<Args>,
  args: { ...kitArgs, feature: 'pdfExport', onExport: fn().mockName('onExport') },
  argTypes: {
    ...kitArgTypes,
    ...textControls('title', 'body', 'className'),
    feature: { control: 'inline-radio', options: ['pdfExport', 'sso'] },
    placement: { control: 'select', options: ['top', 'bottom', 'left', 'right'] },
    onExport: { table: { category: 'Host callbacks' } },
  },
  // Room above and below the control for the popover.
  decorators: [(Story) => <div style={{ padding: '96px 0 24px' }}>{Story()}</div>],
  render: ({ onExport, ...args }) => (
    <LockedFeature {...componentProps(args)}>
      <button type="button" className="uk-button" onClick={onExport}>
        Export PDF
      </button>
    </LockedFeature>
  ),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

const control = (canvasElement: HTMLElement) => within(canvasElement).getByRole('button', { name: 'Export PDF' });
/** The popover renders in a portal under <body>. */
const popover = () => screen.findByRole('dialog');

/** Keyboard first: Tab to the control and the popover names the plan and offers the upgrade. */
export const Locked: Story = {
  play: async ({ canvasElement }) => {
    const button = control(canvasElement);
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    // The explanation is read with the control even while the popover is closed.
    await expect(button).toHaveAccessibleDescription('PDF export is a Pro feature Upgrade to unlock it.');
    await userEvent.tab();
    await expect(button).toHaveFocus();
    const dialog = await popover();
    await expect(dialog).toHaveAccessibleName('PDF export is a Pro feature');
    await expect(within(dialog).getByText('Upgrade to unlock it.')).toBeVisible();
    await expect(within(dialog).getByRole('button', { name: 'Upgrade to Pro' })).toBeVisible();
  },
};

/** Clicking the locked control records a gate hit (which triggers count) instead of running its action. */
export const ClickRecordsGateHit: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.click(control(canvasElement));
    await expect(args.onExport).not.toHaveBeenCalled();
    await expect(eventsOf(args.onEvent, 'gate.hit')).toEqual([expect.objectContaining({ feature: 'pdfExport' })]);
    await expect(await popover()).toBeVisible();
  },
};

/** Tab moves from the control into the popover's CTA, Enter opens the checkout; Escape closes the popover. */
export const KeyboardIntoPopover: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.tab();
    const dialog = await popover();
    await userEvent.tab();
    const cta = within(dialog).getByRole('button', { name: 'Upgrade to Pro' });
    await waitFor(() => expect(cta).toHaveFocus());
    await userEvent.keyboard('{Enter}');
    await expect(args.onUpgrade).toHaveBeenCalledWith('pro', expect.objectContaining({ feature: 'pdfExport' }));
    await userEvent.click(control(canvasElement));
    await popover();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await expect(control(canvasElement)).toHaveFocus();
  },
};

/** Where it opens: 8px off the `placement` side, centred on the control unless that would leave the viewport. */
export const PlacedBesideTheControl: Story = {
  args: { placement: 'bottom' },
  play: async ({ canvasElement }) => {
    const button = control(canvasElement);
    await userEvent.hover(button);
    const dialog = await popover();
    const anchor = button.getBoundingClientRect();
    const box = dialog.getBoundingClientRect();
    await expect(box.top - anchor.bottom).toBeCloseTo(8, 0);
    // The control sits at the left of the canvas: centring would cut the popover off, so it keeps 8px from the edge.
    await expect(box.left).toBeCloseTo(Math.max(8, anchor.left + anchor.width / 2 - box.width / 2), 0);
  },
};

/** No room on the `placement` side: it opens on the opposite one. */
export const FlipsWhenThereIsNoRoom: Story = {
  args: { placement: 'left' },
  play: async ({ canvasElement }) => {
    const button = control(canvasElement);
    await userEvent.hover(button);
    const dialog = await popover();
    await expect(dialog.getBoundingClientRect().left - button.getBoundingClientRect().right).toBeCloseTo(8, 0);
  },
};

/** On a plan that includes it, the control renders as given and its action runs. */
export const Allowed: Story = {
  args: { customerPlan: 'pro' },
  play: async ({ canvasElement, args }) => {
    const button = control(canvasElement);
    await expect(button).not.toHaveAttribute('aria-disabled');
    await userEvent.click(button);
    await expect(args.onExport).toHaveBeenCalledOnce();
    await expect(screen.queryByRole('dialog')).toBeNull();
  },
};

/** A `tooltip` prompt from a trigger supplies the copy and the CTA label. */
export const FromTrigger: Story = {
  parameters: { upgradekit: { config: promptConfig } },
  play: async ({ canvasElement }) => {
    await userEvent.hover(control(canvasElement));
    const dialog = await popover();
    await expect(dialog).toHaveAccessibleName('Send polished PDF reports');
    await expect(within(dialog).getByText('PDF export is part of Pro.')).toBeVisible();
    await expect(within(dialog).getByRole('button', { name: 'See Pro' })).toBeVisible();
  },
};

export const German: Story = {
  globals: { locale: 'de-DE' },
  play: async ({ canvasElement }) => {
    await userEvent.tab();
    await expect(control(canvasElement)).toHaveFocus();
    const dialog = await popover();
    await expect(dialog).toHaveAccessibleName('PDF export ist eine Pro-Funktion');
    await expect(within(dialog).getByRole('button', { name: 'Auf Pro upgraden' })).toBeVisible();
  },
};
