import type { ComponentType } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test';
import { componentProps, eventsOf, kitArgs, kitArgTypes, promptConfig, textControls, type KitArgs } from '../stories/fixtures.js';
import { docsPage } from '../stories/docs.js';
import { withTrustedInput } from '../stories/trustedInput.js';
import { LockedFeature, type LockedFeatureProps } from './LockedFeature.js';

type Args = Omit<LockedFeatureProps, 'children'> &
  KitArgs & {
    /** The control's own action: it must not run while the feature is locked. */
    onExport: () => void;
  };

const meta = {
  title: 'Components/LockedFeature',
  // The story supplies the control (the children) itself, so the args table leaves it out.
  component: LockedFeature as unknown as ComponentType<Args>,
  parameters: docsPage({
    use: 'Keeps a premium control visible but locked, and explains what unlocks it in a popover, so customers discover the feature instead of missing it. Using it records a gate hit (which triggers count) instead of running the action.',
    tryIt: 'hover the control, focus it with Tab, or click it; switch `customerPlan` to Pro and the control renders untouched.',
    accessibility: [
      'The control stays an enabled, focusable button (never `disabled` or `aria-disabled`: pressing it does something) that announces its popover with `aria-haspopup="dialog"` and `aria-expanded`, and is described by the popover\'s text through `aria-describedby`, even while the popover is closed.',
      'The popover (`role="dialog"`, named by its title) opens on keyboard focus, hover and click or tap, but not on focus a script moved there; Escape or an outside press closes it.',
      'Tab goes from the control into the popover\'s CTA and on to what follows the control, although the popover renders at the end of `<body>`.',
      'The lock icon is decorative (`aria-hidden`): the description says the same.',
    ],
  }),
  args: { ...kitArgs, feature: 'pdfExport', onExport: fn().mockName('onExport') },
  argTypes: {
    ...kitArgTypes,
    ...textControls('title', 'body', 'className'),
    feature: { control: 'inline-radio', options: ['pdfExport', 'sso'] },
    placement: {
      control: 'select',
      options: ['top', 'top-start', 'top-end', 'bottom', 'bottom-start', 'bottom-end', 'left', 'left-start', 'left-end', 'right', 'right-start', 'right-end'],
    },
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
    await expect(button).toHaveAttribute('aria-haspopup', 'dialog');
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

/** Tab moves from the control into the popover's CTA; Enter opens the checkout and closes the popover, and Escape closes it too. */
export const KeyboardIntoPopover: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.tab();
    const dialog = await popover();
    await userEvent.tab();
    const cta = within(dialog).getByRole('button', { name: 'Upgrade to Pro' });
    await waitFor(() => expect(cta).toHaveFocus());
    await userEvent.keyboard('{Enter}');
    await expect(args.onUpgrade).toHaveBeenCalledWith('pro', expect.objectContaining({ feature: 'pdfExport' }));
    // The CTA closes the popover and gives focus back to the control, which does not reopen it.
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await expect(control(canvasElement)).toHaveFocus();
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

/** Aligned with an edge of the control (`-start`, `-end`) instead of centred on it. */
export const AlignedWithAnEdge: Story = {
  args: { placement: 'bottom-start' },
  // Away from the viewport's edge, which it would otherwise keep 8px from.
  decorators: [(Story) => <div style={{ paddingLeft: 120 }}>{Story()}</div>],
  play: async ({ canvasElement }) => {
    const button = control(canvasElement);
    await userEvent.hover(button);
    const dialog = await popover();
    const anchor = button.getBoundingClientRect();
    const box = dialog.getBoundingClientRect();
    await expect(box.top - anchor.bottom).toBeCloseTo(8, 0);
    await expect(box.left).toBeCloseTo(anchor.left, 0);
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
    await expect(button).not.toHaveAttribute('aria-haspopup');
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

/** Lets React and Floating UI finish what a focus change started: a popover that was going to open has opened. */
const nextFrames = async () => {
  for (let frame = 0; frame < 3; frame++) await new Promise(requestAnimationFrame);
};

/** The control between two others, for focus order. */
const inPage: Story['render'] = ({ onExport, ...args }) => (
  <>
    <button type="button" className="uk-button">
      Before
    </button>{' '}
    <LockedFeature {...componentProps(args)}>
      <button type="button" className="uk-button" onClick={onExport}>
        Export PDF
      </button>
    </LockedFeature>{' '}
    <button type="button" className="uk-button">
      After
    </button>
  </>
);

/**
 * Keyboard focus opens it; focus a script moves to the control after a pointer press
 * (a modal closing and returning focus) does not. The browser tells them apart
 * (`:focus-visible`) only from real input.
 */
export const OpensOnKeyboardFocusOnly: Story = {
  render: inPage,
  play: withTrustedInput(async ({ canvasElement }, user) => {
    const canvas = within(canvasElement);
    const button = control(canvasElement);
    await user.click(canvas.getByRole('button', { name: 'After' }));
    button.focus();
    await nextFrames();
    await expect(button).toHaveFocus();
    await expect(screen.queryByRole('dialog')).toBeNull();
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    await expect(canvas.getByRole('button', { name: 'Before' })).toHaveFocus();
    await user.keyboard('{Tab}');
    await expect(button).toHaveFocus();
    await expect(await popover()).toHaveAccessibleName('PDF export is a Pro feature');
  }),
};

/**
 * Tab order as if the popover followed the control, although it renders at the end of
 * <body>: control, the popover's CTA, then what comes after the control, which closes it.
 * After the CTA, focus is back on the control and the popover stays closed.
 */
export const TabOrderFollowsTheControl: Story = {
  render: inPage,
  play: withTrustedInput(async ({ canvasElement, args }, user) => {
    const canvas = within(canvasElement);
    const button = control(canvasElement);
    await user.click(canvas.getByRole('button', { name: 'Before' }));
    await user.keyboard('{Tab}');
    await expect(button).toHaveFocus();
    const cta = within(await popover()).getByRole('button', { name: 'Upgrade to Pro' });
    await user.keyboard('{Tab}');
    await expect(cta).toHaveFocus();
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    await expect(button).toHaveFocus();
    await expect(screen.getByRole('dialog')).toBeVisible();
    await user.keyboard('{Tab}');
    await expect(cta).toHaveFocus();
    await user.keyboard('{Tab}');
    await expect(canvas.getByRole('button', { name: 'After' })).toHaveFocus();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await user.keyboard('{Shift>}{Tab}{/Shift}');
    await expect(button).toHaveFocus();
    await user.keyboard('{Tab}');
    await expect(within(await popover()).getByRole('button', { name: 'Upgrade to Pro' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await expect(args.onUpgrade).toHaveBeenCalledWith('pro', expect.objectContaining({ feature: 'pdfExport' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await nextFrames();
    await expect(button).toHaveFocus();
    await expect(screen.queryByRole('dialog')).toBeNull();
  }),
};

/**
 * In a sidebar that scrolls (a fixed height, `overflow: auto`), the popover stays
 * beside the control as the sidebar scrolls, and reaches outside the sidebar
 * instead of being clipped by it.
 */
export const InScrollingSidebar: Story = {
  args: { placement: 'right' },
  render: ({ onExport, ...args }) => (
    <nav aria-label="Sidebar" style={{ width: 180, height: 160, overflow: 'auto', border: '1px solid var(--uk-border)' }}>
      <div style={{ height: 100 }} />
      <LockedFeature {...componentProps(args)}>
        <button type="button" className="uk-button" onClick={onExport}>
          Export PDF
        </button>
      </LockedFeature>
      <div style={{ height: 400 }} />
    </nav>
  ),
  play: async ({ canvasElement }) => {
    const sidebar = within(canvasElement).getByRole('navigation', { name: 'Sidebar' });
    const button = control(canvasElement);
    await userEvent.click(button);
    const dialog = await popover();
    /** Where the popover is relative to the control: 8px to its right, and some way down. */
    const relative = () => {
      const anchor = button.getBoundingClientRect();
      const box = dialog.getBoundingClientRect();
      return { gap: box.left - anchor.right, top: box.top - anchor.top, anchorTop: anchor.top };
    };
    await waitFor(() => expect(relative().gap).toBeCloseTo(8, 0));
    const before = relative();
    sidebar.scrollTop = 60;
    await waitFor(() => expect(relative().anchorTop).toBeCloseTo(before.anchorTop - 60, 0));
    await waitFor(() => {
      const after = relative();
      expect(Math.abs(after.gap - 8)).toBeLessThan(2);
      expect(Math.abs(after.top - before.top)).toBeLessThan(2);
    });
    // Not clipped: part of it lies outside the sidebar, and that part is what the page shows there.
    const box = dialog.getBoundingClientRect();
    const bounds = sidebar.getBoundingClientRect();
    await expect(box.right).toBeGreaterThan(bounds.right + 20);
    await expect(dialog.contains(document.elementFromPoint(bounds.right + 10, box.top + box.height / 2))).toBe(true);
    await expect(sidebar.contains(dialog)).toBe(false);
  },
};

/** Inside a transformed ancestor (moved and scaled), the popover still opens right next to the control. */
export const InTransformedAncestor: Story = {
  args: { placement: 'bottom' },
  render: ({ onExport, ...args }) => (
    <div style={{ transform: 'translateX(40px) scale(0.9)', transformOrigin: '0 0', paddingLeft: 160 }}>
      <LockedFeature {...componentProps(args)}>
        <button type="button" className="uk-button" onClick={onExport}>
          Export PDF
        </button>
      </LockedFeature>
    </div>
  ),
  play: async ({ canvasElement }) => {
    const button = control(canvasElement);
    await userEvent.click(button);
    const dialog = await popover();
    await waitFor(() => {
      const anchor = button.getBoundingClientRect();
      const box = dialog.getBoundingClientRect();
      expect(Math.abs(box.top - anchor.bottom - 8)).toBeLessThan(1.5);
      expect(Math.abs(box.left + box.width / 2 - (anchor.left + anchor.width / 2))).toBeLessThan(1.5);
    });
  },
};

