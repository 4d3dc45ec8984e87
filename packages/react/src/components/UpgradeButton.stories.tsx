import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { componentProps, DAY, kitArgs, kitArgTypes, NOW, textControls, type KitArgs } from '../stories/fixtures.js';
import { docsPage } from '../stories/docs.js';
import { UpgradeButton, type UpgradeButtonProps } from './UpgradeButton.js';

type Args = UpgradeButtonProps & KitArgs;

const meta = {
  title: 'Components/UpgradeButton',
  component: UpgradeButton,
  parameters: docsPage({
    use: 'The one CTA every prompt uses, for your own markup too: `upgrade` calls your checkout (`onUpgrade`) with the plan and a context that credits the prompt, `trial` starts a trial in place, `contact_sales` and `learn_more` link out or call `onContactSales`.',
    tryIt: "switch `cta`, `feature` and `plan` in Controls. The customer has used 85% of Free's API calls, so `upgrade` has a path to offer.",
    accessibility: [
      'A native `<button>`, or an `<a href>` for `learn_more` and `contact_sales` with a URL (only http(s) URLs become links).',
      'Renders nothing rather than a dead CTA when there is nothing to offer.',
      'Its label says where it leads ("Upgrade to Pro", "Add 5 extra seats"); pass `children` for your own.',
    ],
  }),
  args: { ...kitArgs, cta: 'upgrade', feature: 'apiCalls', apiCalls: 1700 },
  argTypes: {
    ...kitArgTypes,
    ...textControls('url', 'className', 'triggerId'),
    cta: { control: 'inline-radio', options: ['upgrade', 'trial', 'contact_sales', 'learn_more'] },
    feature: { control: 'inline-radio', options: [undefined, 'apiCalls', 'seats', 'pdfExport', 'sso'] },
    plan: { control: 'inline-radio', options: [undefined, 'pro', 'team'] },
    upgrade: { control: false },
    children: { control: 'text' },
  },
  render: (args) => <UpgradeButton {...componentProps(args)} />,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

/** `upgrade`: the cheapest plan for the feature, handed to the host's checkout with a context to credit the prompt. */
export const Upgrade: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Upgrade to Pro' }));
    await expect(args.onUpgrade).toHaveBeenCalledWith(
      'pro',
      expect.objectContaining({ feature: 'apiCalls', upgrade: expect.objectContaining({ plan: 'pro' }), checkoutContext: expect.stringMatching(/./) }),
    );
  },
};

/** A named plan instead of the cheapest path. */
export const UpgradeToPlan: Story = {
  args: { plan: 'team' },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Upgrade to Team' }));
    await expect(args.onUpgrade).toHaveBeenCalledWith('team', expect.anything());
  },
};

/** When the current plan only needs an add-on, the CTA sells the add-on. */
export const UpgradeAddOn: Story = {
  args: { feature: 'seats', customerPlan: 'pro', seats: 5 },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Add 5 extra seats' }));
    await expect(args.onUpgrade).toHaveBeenCalledWith('pro', expect.objectContaining({ upgrade: expect.objectContaining({ plan: 'pro' }) }));
  },
};

/** `trial`: starts the trial in place. */
export const Trial: Story = {
  args: { cta: 'trial', feature: 'pdfExport' },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Start free trial' }));
    await expect(args.onEvent).toHaveBeenCalledWith(expect.objectContaining({ type: 'trial.started', feature: 'pdfExport', endsAt: NOW + 14 * DAY }));
  },
};

/** `contact_sales` with a URL: a link (only http(s) URLs become links). */
export const ContactSalesLink: Story = {
  args: { cta: 'contact_sales', feature: undefined, url: 'https://example.com/sales' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('link', { name: 'Contact sales' })).toHaveAttribute('href', 'https://example.com/sales');
  },
};

/** `contact_sales` without a URL: a button that calls the host's `onContactSales` (a chat, a form). */
export const ContactSalesCallback: Story = {
  args: { cta: 'contact_sales', feature: 'sso' },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Contact sales' }));
    await expect(args.onContactSales).toHaveBeenCalledWith(expect.objectContaining({ feature: 'sso' }));
  },
};

export const LearnMore: Story = {
  args: { cta: 'learn_more', feature: undefined, url: 'https://example.com/pricing' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('link', { name: 'Learn more' })).toHaveAttribute('href', 'https://example.com/pricing');
  },
};

/** A `javascript:` or `data:` URL (say, from a tampered remote config) never becomes a link: nothing renders. */
export const UnsafeUrlRefused: Story = {
  args: { cta: 'learn_more', feature: undefined, url: 'javascript:alert(1)' },
  play: async ({ canvasElement }) => {
    await expect(canvasElement).toBeEmptyDOMElement();
  },
};

/** A label of the host's own. */
export const CustomLabel: Story = {
  args: { children: 'See plans' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'See plans' })).toHaveAttribute('data-cta', 'upgrade');
  },
};

/** Nothing to offer (Team has it all): the button renders nothing rather than a dead CTA. */
export const NothingToOffer: Story = {
  args: { customerPlan: 'team' },
  play: async ({ canvasElement }) => {
    await expect(canvasElement).toBeEmptyDOMElement();
  },
};

/** Comfortably under the limit (62%), there is no upgrade path yet: the button offers the next plan up. */
export const FarFromTheLimit: Story = {
  args: { apiCalls: 1234 },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Upgrade to Pro' })).toHaveAttribute('data-cta', 'upgrade');
  },
};

/** Every kind together, as a designer compares them (and in the dark theme in the next story). */
export const AllKinds: Story = {
  render: (args) => (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
      <UpgradeButton {...componentProps(args)} cta="upgrade" feature="apiCalls" />
      <UpgradeButton {...componentProps(args)} cta="trial" feature="pdfExport" />
      <UpgradeButton {...componentProps(args)} cta="contact_sales" feature={undefined} url="https://example.com/sales" />
      <UpgradeButton {...componentProps(args)} cta="learn_more" feature={undefined} url="https://example.com/pricing" />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const kinds = [...canvasElement.querySelectorAll('[data-cta]')].map((element) => element.getAttribute('data-cta'));
    await expect(kinds).toEqual(['upgrade', 'trial', 'contact_sales', 'learn_more']);
  },
};

export const AllKindsDark: Story = { ...AllKinds, globals: { theme: 'dark' } };
