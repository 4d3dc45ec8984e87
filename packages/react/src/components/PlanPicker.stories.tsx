import type { Meta, StoryObj } from '@storybook/react-vite';
import { defineConfig, type ConfigInput } from '@upgradekit/core';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { PlanDetails } from '../hooks/usePlans.js';
import { componentProps, kitArgs, kitArgTypes, storyConfig, textControls, type KitArgs } from '../stories/fixtures.js';
import { docsPage } from '../stories/docs.js';
import { withTrustedInput } from '../stories/trustedInput.js';
import { PlanPicker, type PlanPickerProps } from './PlanPicker.js';

type Args = PlanPickerProps & KitArgs;

/** The stories' model with yearly prices (two months free) and an Enterprise plan that sales closes. */
const planConfig = defineConfig({
  ...storyConfig,
  plans: [
    ...storyConfig.plans.map((plan) => (plan.price.amount > 0 ? { ...plan, price: { ...plan.price, yearly: plan.price.amount * 10 } } : plan)),
    {
      id: 'enterprise',
      name: 'Enterprise',
      price: { amount: 299, currency: 'USD', interval: 'month' },
      grants: { apiCalls: 'unlimited', projects: 'unlimited', seats: 'unlimited', pdfExport: true, sso: true },
    },
  ],
} as ConfigInput);

const ENTERPRISE: PlanDetails = {
  id: 'enterprise',
  cta: 'contact_sales',
  priceLabel: 'Custom pricing',
  ctaLabel: 'Talk to sales',
  description: 'Unlimited seats, invoicing, a named contact',
};

/**
 * The plans side by side, each with its price, its grants and its CTA; stacked
 * in a narrow container. Switch `customerPlan` and `feature` in Controls to move
 * the current and the recommended plan; the toggle shows yearly prices.
 */
const meta = {
  title: 'Components/PlanPicker',
  component: PlanPicker,
  args: { ...kitArgs, feature: 'pdfExport', plans: ['free', 'pro', 'team', ENTERPRISE] },
  argTypes: {
    ...kitArgTypes,
    ...textControls('caption', 'className'),
    feature: { control: 'inline-radio', options: [undefined, 'pdfExport', 'sso', 'apiCalls', 'projects', 'seats'] },
    plan: { control: 'inline-radio', options: [undefined, 'pro', 'team'] },
    defaultBilling: { control: 'inline-radio', options: ['month', 'year'] },
    billing: { control: false },
    prompt: { control: false },
    plans: { control: 'object' },
    features: { control: 'object' },
  },
  parameters: {
    upgradekit: { config: planConfig },
    ...docsPage({
      use: 'The plans side by side, for a pricing page or inside an upgrade flow: each plan with its price, what it grants and one CTA, the current plan and the recommended one (the cheapest that unlocks what the prompt is about) marked. `usePlans()` gives the same data for your own markup.',
      tryIt: 'switch `customerPlan` and `feature` in Controls to move the current and the recommended plan; choose Yearly to see yearly prices and the saving.',
      accessibility: [
        'A `<table>` captioned "Compare plans": one column per plan, whose header names the plan and says "Current plan" or "Recommended"; each grant is a row header.',
        'Monthly / Yearly is a native radio group: arrow keys move between them.',
        'Each CTA is a button named for its plan ("Upgrade to Pro", "Talk to sales"); the current plan and the plans below it have none.',
        'Below 36rem of container width it stacks into one card per plan and keeps its table semantics.',
      ],
    }),
  },
  render: (args) => <PlanPicker {...componentProps(args)} />,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

const tableOf = (canvasElement: HTMLElement, name = 'Compare plans') => within(within(canvasElement).getByRole('table', { name }));
/** A plan's column header, by the name screen readers give it. */
const header = (canvasElement: HTMLElement, name: string) => tableOf(canvasElement).getByRole('columnheader', { name });
const cellsOf = (canvasElement: HTMLElement, row: string, table?: string) =>
  within(tableOf(canvasElement, table).getByRole('rowheader', { name: row }).closest('tr')!).getAllByRole('cell');

/** A free customer who wants PDF export: Pro is the cheapest plan with it. */
export const FreeToPro: Story = {
  play: async ({ canvasElement, args }) => {
    await expect(header(canvasElement, 'Free Current plan')).toHaveAttribute('data-state', 'current');
    await expect(header(canvasElement, 'Pro Recommended')).toHaveAttribute('data-state', 'recommended');
    await expect(cellsOf(canvasElement, 'Projects').map((cell) => cell.textContent)).toEqual(['Projects3', 'Projects20', 'ProjectsUnlimited', 'ProjectsUnlimited']);
    await expect(cellsOf(canvasElement, 'PDF export')[0]).toHaveTextContent('not included');
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Upgrade to Pro' }));
    await expect(args.onUpgrade).toHaveBeenCalledWith(
      'pro',
      expect.objectContaining({ feature: 'pdfExport', billing: 'month', upgrade: expect.objectContaining({ plan: 'pro', mrrDelta: 29 }) }),
    );
  },
};

/** A Pro customer who wants SSO: Team. No CTA on the current plan or below it. */
export const ProToTeam: Story = {
  args: { customerPlan: 'pro', feature: 'sso' },
  play: async ({ canvasElement, args }) => {
    await expect(header(canvasElement, 'Pro Current plan')).toBeVisible();
    await expect(header(canvasElement, 'Team Recommended')).toBeVisible();
    const ctas = within(canvasElement).getAllByRole('button');
    await expect(ctas.map((button) => button.textContent)).toEqual(['Upgrade to Team', 'Talk to sales']);
    await userEvent.click(ctas[0]!);
    await expect(args.onUpgrade).toHaveBeenCalledWith('team', expect.objectContaining({ feature: 'sso', upgrade: expect.objectContaining({ mrrDelta: 50 }) }));
  },
};

/**
 * Yearly prices by keyboard: the toggle is a radio group (arrow keys switch it),
 * the saving shows per plan, and Enter on a CTA hands the yearly period to checkout.
 */
export const YearlyToggle: Story = {
  play: withTrustedInput(async ({ canvasElement, args }, user) => {
    const canvas = within(canvasElement);
    await user.keyboard('{Tab}');
    await waitFor(() => expect(canvas.getByRole('radio', { name: 'Monthly' })).toHaveFocus());
    await user.keyboard('{ArrowRight}');
    await waitFor(() => expect(canvas.getByRole('radio', { name: 'Yearly' })).toBeChecked());
    await expect(cellsOf(canvasElement, 'Price').map((cell) => cell.textContent)).toEqual([
      '$0 per year',
      '$290 per year Save $58 a year',
      '$790 per year Save $158 a year',
      'Custom pricing Unlimited seats, invoicing, a named contact',
    ]);
    const upgrade = canvas.getByRole('button', { name: 'Upgrade to Pro' });
    while (document.activeElement !== upgrade) await user.keyboard('{Tab}');
    await user.keyboard('{Enter}');
    await expect(args.onUpgrade).toHaveBeenCalledWith('pro', expect.objectContaining({ billing: 'year' }));
  }),
};

/** A Pro customer at the seat limit: Team has more seats, and Pro sells them as an add-on (UpgradeModal offers both). */
export const AddOnPath: Story = {
  args: { customerPlan: 'pro', feature: 'seats', seats: 5 },
  play: async ({ canvasElement }) => {
    await expect(header(canvasElement, 'Team Recommended')).toBeVisible();
    await expect(cellsOf(canvasElement, 'Add-ons')[1]).toHaveTextContent('5 extra seats: +$10 per month');
    await expect(cellsOf(canvasElement, 'Seats').map((cell) => cell.textContent)).toEqual(['Seats2', 'Seats5', 'Seats20', 'SeatsUnlimited']);
  },
};

/** Enterprise is sold by sales: its own price text, and a CTA that calls the host's `onContactSales` with the context. */
export const ContactSales: Story = {
  args: { customerPlan: 'team', feature: 'seats', seats: 20 },
  play: async ({ canvasElement, args }) => {
    await expect(header(canvasElement, 'Enterprise Recommended')).toBeVisible();
    await expect(cellsOf(canvasElement, 'Price')[3]).toHaveTextContent('Custom pricing');
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Talk to sales' }));
    await expect(args.onContactSales).toHaveBeenCalledWith(expect.objectContaining({ feature: 'seats', upgrade: expect.objectContaining({ plan: 'enterprise' }) }));
    await expect(args.onUpgrade).not.toHaveBeenCalled();
  },
};

/** Only the plans asked for, in that order, with copy of their own, and the rows chosen. */
export const HiddenAndReordered: Story = {
  args: {
    plans: ['team', { id: 'pro', name: 'Professional', description: 'For small teams', ctaLabel: 'Start with Professional' }],
    features: ['seats', 'sso', 'projects'],
    caption: 'Pick your plan',
  },
  play: async ({ canvasElement }) => {
    const table = tableOf(canvasElement, 'Pick your plan');
    await expect(table.getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Team', 'Professional Recommended']);
    await expect(table.getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['Price', 'Seats', 'SSO', 'Projects', 'Add-ons', 'Choose a plan']);
    await expect(table.getByRole('button', { name: 'Start with Professional' })).toBeVisible();
  },
};

/** Given room, the plans stand side by side: every header on one line, every price beside the others. */
export const SideBySide: Story = {
  decorators: [(Story) => <div style={{ width: '52rem' }}>{Story()}</div>],
  play: async ({ canvasElement }) => {
    const tops = tableOf(canvasElement).getAllByRole('columnheader').map((cell) => Math.round(cell.getBoundingClientRect().top));
    await expect(new Set(tops).size).toBe(1);
    const [free, pro] = cellsOf(canvasElement, 'Price').map((cell) => cell.getBoundingClientRect());
    await expect(pro!.left).toBeGreaterThanOrEqual(free!.right - 1);
    // The row headers label the rows on screen, and no cell repeats them.
    await expect(tableOf(canvasElement).getByRole('rowheader', { name: 'Projects' })).toBeVisible();
    await expect(canvasElement.querySelector('.uk-plans__label')).not.toBeVisible();
  },
};

/** In a narrow container the plans stack: each plan's cells one under the other, each value with its feature's name. */
export const Stacked: Story = {
  decorators: [(Story) => <div style={{ width: '20rem' }}>{Story()}</div>],
  play: async ({ canvasElement }) => {
    const [free, pro] = tableOf(canvasElement).getAllByRole('columnheader');
    const freeCta = cellsOf(canvasElement, 'Choose a plan')[0]!;
    // Pro starts below everything of Free's, its CTA included.
    await expect(pro!.getBoundingClientRect().top).toBeGreaterThanOrEqual(freeCta.getBoundingClientRect().bottom - 1);
    await expect(free!.getBoundingClientRect().top).toBeLessThan(cellsOf(canvasElement, 'Projects')[0]!.getBoundingClientRect().top);
    await expect(within(cellsOf(canvasElement, 'Projects')[1]!).getByText('Projects')).toBeVisible();
    // Still a table to assistive technology: the cells keep their headers.
    await expect(tableOf(canvasElement).getAllByRole('rowheader')).toHaveLength(8);
  },
};

export const German: Story = {
  globals: { locale: 'de-DE' },
  args: { defaultBilling: 'year' },
  play: async ({ canvasElement }) => {
    const table = tableOf(canvasElement, 'Tarife vergleichen');
    await expect(table.getByRole('columnheader', { name: 'Pro Empfohlen' })).toBeVisible();
    await expect(cellsOf(canvasElement, 'Preis', 'Tarife vergleichen')[1]).toHaveTextContent('290 $ pro Jahr Sie sparen 58 $ im Jahr');
    await expect(cellsOf(canvasElement, 'API calls', 'Tarife vergleichen')[1]).toHaveTextContent('10.000');
    await expect(table.getByRole('button', { name: 'Auf Pro upgraden' })).toBeVisible();
  },
};

/** The dark theme, so the a11y check measures contrast there too (badges, the recommended column, the toggle). */
export const FreeToProDark: Story = { ...FreeToPro, globals: { theme: 'dark' } };
export const ProToTeamDark: Story = { ...ProToTeam, globals: { theme: 'dark' } };
export const SideBySideDark: Story = { ...SideBySide, args: { defaultBilling: 'year' }, globals: { theme: 'dark' } };
