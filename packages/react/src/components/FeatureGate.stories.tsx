import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { componentProps, kitArgs, kitArgTypes, type KitArgs } from '../stories/fixtures.js';
import { docsPage } from '../stories/docs.js';
import { FeatureGate, type FeatureGateProps } from './FeatureGate.js';
import { UpgradeButton } from './UpgradeButton.js';

type Args = FeatureGateProps & KitArgs;

function PdfSettings() {
  return (
    <section aria-labelledby="pdf-settings" style={{ padding: 16, border: '1px solid var(--uk-border)', borderRadius: 8 }}>
      <h3 id="pdf-settings" style={{ margin: '0 0 8px' }}>
        PDF export
      </h3>
      <label>
        <input type="checkbox" defaultChecked /> Include a cover page
      </label>
    </section>
  );
}

const meta = {
  title: 'Components/FeatureGate',
  component: FeatureGate,
  parameters: docsPage({
    use: 'Renders a feature for customers who may use it and a fallback (nothing by default) for the others. Use LockedFeature instead when the control should stay visible.',
    tryIt: 'switch `customerPlan` between Free and Pro, or give the customer an active `trial`.',
    accessibility: [
      'Adds no markup or ARIA of its own: what is rendered is yours, and what is not rendered is not in the accessibility tree.',
      'A fallback function receives `attempt()`, so a custom locked state can count gate hits from a real button.',
    ],
  }),
  args: { ...kitArgs, feature: 'pdfExport', children: <PdfSettings /> },
  argTypes: {
    ...kitArgTypes,
    feature: { control: 'inline-radio', options: ['pdfExport', 'sso'] },
    children: { control: false },
    fallback: { control: false },
  },
  render: (args) => <FeatureGate {...componentProps(args)} />,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

const settings = (canvasElement: HTMLElement) => within(canvasElement).queryByRole('region', { name: 'PDF export' });

export const Allowed: Story = {
  args: { customerPlan: 'pro' },
  play: async ({ canvasElement }) => {
    await expect(settings(canvasElement)).toBeVisible();
  },
};

/** Without a fallback, a locked feature renders nothing. */
export const LockedWithoutFallback: Story = {
  play: async ({ canvasElement }) => {
    await expect(settings(canvasElement)).toBeNull();
    await expect(canvasElement).toBeEmptyDOMElement();
  },
};

export const LockedWithFallback: Story = {
  args: { fallback: <p>PDF export is part of Pro.</p> },
  play: async ({ canvasElement }) => {
    await expect(settings(canvasElement)).toBeNull();
    await expect(within(canvasElement).getByText('PDF export is part of Pro.')).toBeVisible();
  },
};

/** A fallback function gets the gate: its reason, the upgrade path for a CTA, and `attempt()` to record a gate hit. */
export const CustomFallback: Story = {
  args: {
    fallback: (gate) => (
      <div style={{ display: 'grid', gap: 8, justifyItems: 'start', padding: 16, border: '1px dashed var(--uk-border)', borderRadius: 8 }}>
        <p style={{ margin: 0 }}>
          PDF export is locked (<code>{gate.reason}</code>).
        </p>
        <button type="button" onClick={() => gate.attempt()}>
          Try exporting anyway
        </button>
        <UpgradeButton feature="pdfExport" upgrade={gate.upgradePath} />
      </div>
    ),
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('not_in_plan')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Try exporting anyway' }));
    await expect(args.onEvent).toHaveBeenCalledWith(expect.objectContaining({ type: 'gate.hit', feature: 'pdfExport' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Upgrade to Pro' }));
    await expect(args.onUpgrade).toHaveBeenCalledWith('pro', expect.objectContaining({ feature: 'pdfExport' }));
  },
};

/** A trial opens the gate like a plan does. */
export const AllowedByTrial: Story = {
  args: { trial: 'active' },
  play: async ({ canvasElement }) => {
    await expect(settings(canvasElement)).toBeVisible();
  },
};
