import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { componentProps, kitArgs, kitArgTypes, StoryKit, textControls, type KitArgs } from '../stories/fixtures.js';
import { docsPage } from '../stories/docs.js';
import { UsageMeter, type UsageMeterProps } from './UsageMeter.js';

type Args = UsageMeterProps & KitArgs;

const meta = {
  title: 'Components/UsageMeter',
  component: UsageMeter,
  parameters: docsPage({
    use: 'Shows a metered or seats feature against its limit, and offers the cheapest upgrade once the customer is close to it. Put one wherever usage is managed (billing, settings, beside the thing being counted).',
    tryIt: 'drag `apiCalls` in Controls (Free allows 2,000 a month) to walk through ok → warning (80%) → critical (95%) → exceeded; switch `customerPlan` to Team for unlimited.',
    accessibility: [
      'A `role="meter"` named by its label, with `aria-valuemin`, `aria-valuemax` and `aria-valuenow`; `aria-valuetext` reads the numbers as the text shows them ("1,234 of 2,000 API calls · resets Dec 1") and the state.',
      'From `warning` on, the state is said in words beside an icon ("Nearing your limit", "Limit reached"): colour is never the only cue; critical and exceeded bars are also striped.',
      'Over the limit the bar stays full and the text carries the real number; without a limit there is no meter, only the text.',
      'The inline CTA is a real button (or, for an add-on, names the add-on).',
    ],
  }),
  args: { ...kitArgs, feature: 'apiCalls' },
  argTypes: {
    ...kitArgTypes,
    ...textControls('label', 'className'),
    feature: { control: 'inline-radio', options: ['apiCalls', 'projects', 'seats'] },
    children: { control: false },
    prompt: { control: false },
  },
  render: (args) => <UsageMeter {...componentProps(args)} />,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

const meterOf = (canvasElement: HTMLElement, name = 'API calls') => within(canvasElement).getByRole('meter', { name });
const rootOf = (canvasElement: HTMLElement) => canvasElement.querySelector('.uk-meter');

export const Ok: Story = {
  args: { apiCalls: 1234 },
  play: async ({ canvasElement }) => {
    const meter = meterOf(canvasElement);
    await expect(meter).toHaveAttribute('aria-valuenow', '1234');
    await expect(meter).toHaveAttribute('aria-valuemax', '2000');
    await expect(meter).toHaveAttribute('aria-valuetext', '1,234 of 2,000 API calls · resets Dec 1');
    await expect(rootOf(canvasElement)).toHaveAttribute('data-state', 'ok');
    // Nothing to sell while usage is comfortable.
    await expect(within(canvasElement).queryByRole('button')).toBeNull();
  },
};

export const Warning: Story = {
  args: { apiCalls: 1700 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(rootOf(canvasElement)).toHaveAttribute('data-state', 'warning');
    // The state in words, not only in colour.
    await expect(canvas.getByText('Nearing your limit')).toBeVisible();
    await expect(meterOf(canvasElement)).toHaveAttribute('aria-valuetext', '1,700 of 2,000 API calls · resets Dec 1. Nearing your limit');
    await expect(canvas.getByRole('button', { name: 'Upgrade to Pro' })).toBeVisible();
  },
};

/** The inline CTA hands the cheapest plan with more API calls to the host's checkout. */
export const WarningUpgradeClick: Story = {
  args: { apiCalls: 1700 },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Upgrade to Pro' }));
    await expect(args.onUpgrade).toHaveBeenCalledWith('pro', expect.objectContaining({ feature: 'apiCalls', upgrade: expect.objectContaining({ limit: 10000 }) }));
  },
};

export const Critical: Story = {
  args: { apiCalls: 1950 },
  play: async ({ canvasElement }) => {
    await expect(rootOf(canvasElement)).toHaveAttribute('data-state', 'critical');
    await expect(within(canvasElement).getByText('Almost at your limit')).toBeVisible();
  },
};

export const Exceeded: Story = {
  args: { apiCalls: 2150 },
  play: async ({ canvasElement }) => {
    const meter = meterOf(canvasElement);
    await expect(rootOf(canvasElement)).toHaveAttribute('data-state', 'exceeded');
    // The bar is full; the text carries the real number.
    await expect(meter).toHaveAttribute('aria-valuenow', '2000');
    await expect(within(canvasElement).getByText('2,150 of 2,000 API calls · resets Dec 1')).toBeVisible();
    await expect(within(canvasElement).getByText('Limit reached')).toBeVisible();
  },
};

export const Unlimited: Story = {
  args: { customerPlan: 'team', apiCalls: 48210 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(rootOf(canvasElement)).toHaveAttribute('data-state', 'unlimited');
    await expect(canvas.getByText('48,210 API calls · unlimited')).toBeVisible();
    // No limit, so no bar to fill.
    await expect(canvas.queryByRole('meter')).toBeNull();
  },
};

/** Per-meter thresholds (else the config's `policy.thresholds`, else 80% / 95%): here warning at 50%, critical at 60%. */
export const CustomThresholds: Story = {
  args: { apiCalls: 1100, thresholds: { warning: 0.5, critical: 0.6 } },
  play: async ({ canvasElement }) => {
    await expect(rootOf(canvasElement)).toHaveAttribute('data-state', 'warning');
    await expect(within(canvasElement).getByText('Nearing your limit')).toBeVisible();
  },
};

/** A feature that never resets: no reset date. */
export const Projects: Story = {
  args: { feature: 'projects', projects: 2 },
  play: async ({ canvasElement }) => {
    await expect(meterOf(canvasElement, 'Projects')).toHaveAttribute('aria-valuetext', '2 of 3 projects');
  },
};

/** Every seat of Pro taken: the cheapest way on is an add-on, not a new plan. */
export const SeatsAddOn: Story = {
  args: { feature: 'seats', customerPlan: 'pro', seats: 5 },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Add 5 extra seats' })).toBeVisible();
  },
};

export const CustomLabelWithoutCta: Story = {
  args: { apiCalls: 1950, label: 'Monthly API usage', showUpgrade: false },
  play: async ({ canvasElement }) => {
    await expect(meterOf(canvasElement, 'Monthly API usage')).toBeVisible();
    await expect(within(canvasElement).queryByRole('button')).toBeNull();
  },
};

export const German: Story = {
  args: { apiCalls: 1700 },
  globals: { locale: 'de-DE' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('1.700 von 2.000 API calls · neu ab 1. Dez.')).toBeVisible();
    await expect(within(canvasElement).getByRole('button', { name: 'Auf Pro upgraden' })).toBeVisible();
  },
};

/** The unstyled path: the same data through a render prop, in the host's own markup. */
export const RenderProp: Story = {
  args: {
    apiCalls: 1700,
    children: (meter) => (
      <figure style={{ margin: 0, display: 'grid', gap: 4, maxWidth: 320 }} data-tone={meter.state}>
        <figcaption>
          <b>{meter.name}</b> — {meter.text}
        </figcaption>
        <progress max={100} value={meter.percent} aria-label={`${meter.name} used`} style={{ width: '100%' }} />
        {meter.status && <em>{meter.status}</em>}
      </figure>
    ),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('progressbar', { name: 'API calls used' })).toHaveAttribute('value', '85');
    await expect(canvas.getByText('Nearing your limit')).toBeVisible();
    await expect(canvasElement.querySelector('.uk-meter')).toBeNull();
  },
};

const GALLERY: Array<[string, Partial<KitArgs>, Partial<UsageMeterProps>?]> = [
  ['ok', { apiCalls: 1234 }],
  ['warning', { apiCalls: 1700 }],
  ['critical', { apiCalls: 1950 }],
  ['exceeded', { apiCalls: 2150 }],
  ['unlimited', { customerPlan: 'team', apiCalls: 48210 }],
  ['seats, add-on', { customerPlan: 'pro', seats: 5 }, { feature: 'seats' }],
];

/** Every state side by side, each with its own customer. */
export const Gallery: Story = {
  argTypes: { apiCalls: { table: { disable: true } }, customerPlan: { table: { disable: true } } },
  render: (args, { globals }) => (
    <div style={{ display: 'grid', gap: 24, maxWidth: 480 }}>
      {GALLERY.map(([name, customer, props]) => (
        <section key={name} aria-label={name}>
          <StoryKit {...args} {...customer} locale={globals.locale as string | undefined}>
            <UsageMeter {...componentProps(args)} {...props} />
          </StoryKit>
        </section>
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    const states = [...canvasElement.querySelectorAll('.uk-meter')].map((meter) => meter.getAttribute('data-state'));
    await expect(states).toEqual(['ok', 'warning', 'critical', 'exceeded', 'unlimited', 'exceeded']);
  },
};

/** The gallery in the dark theme, so the a11y check measures contrast there too. */
export const GalleryDark: Story = { ...Gallery, globals: { theme: 'dark' } };
