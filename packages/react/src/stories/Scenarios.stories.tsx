import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, screen, userEvent, waitFor, within } from 'storybook/test';
import { MINUTE } from './clock.js';
import { DAY, NOW, oneTrigger, type LabTriggerId } from './config.js';
import { kitArgs, kitArgTypes, type KitArgs, type KitParameters } from './fixtures.js';
import { seeAndDismiss, tryPdfExport } from './lab/history.js';
import { TriggerLab } from './lab/TriggerLab.js';

type Args = KitArgs & { trigger: LabTriggerId };

/**
 * Moments a designer or PM wants to see without waiting for them: each opens the
 * trigger lab on a customer whose history (played on the story's own clock before
 * it opens) leads there, with the engine's real state. Advance the clock to see
 * what the customer sees next; the story after each scenario does, and checks it.
 */
const meta = {
  title: 'Lab/Scenarios',
  tags: ['!autodocs'],
  args: { ...kitArgs, trigger: 'power-user-pdf', projects: 2 },
  argTypes: { ...kitArgTypes, trigger: { control: false } },
  render: (args) => <TriggerLab triggerId={args.trigger} />,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

const upgradekit = (parameters: KitParameters) => ({ upgradekit: parameters });
const press = (canvasElement: HTMLElement, name: string) => userEvent.click(within(canvasElement).getByRole('button', { name }));
/** The "Held back by" list; read by selector, since a modal prompt hides the page (and its names) from queries by role. */
const heldBy = (canvasElement: HTMLElement) => [...canvasElement.querySelectorAll('.lab-holds > li')].map((hold) => hold.textContent);
const status = (canvasElement: HTMLElement) => canvasElement.querySelector('.lab-status')?.textContent;

const exportPdf = (canvasElement: HTMLElement) => within(canvasElement).getByRole('button', { name: 'Export PDF', hidden: true });

/**
 * Day 13 of a 14-day PDF export trial (started Nov 8, ends Nov 22 at noon): the
 * export works, and `pdf-trial-over` waits for the trial's end.
 */
export const TrialDay13Of14: Story = {
  args: { trigger: 'pdf-trial-over', trial: 'ending' },
  parameters: upgradekit({ config: oneTrigger('pdf-trial-over'), about: { feature: 'pdfExport' } }),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText(/^PDF export trial: active, 2 days left/)).toBeVisible();
    await expect(exportPdf(canvasElement)).not.toHaveAttribute('aria-haspopup');
    await expect(status(canvasElement)).toBe('Not fired: its condition does not hold');
  },
};

/** Two days on, the trial ends at its exact moment: the export locks and the expired-trial offer opens. */
export const TrialEnds: Story = {
  ...TrialDay13Of14,
  play: async (context) => {
    await TrialDay13Of14.play!(context);
    const { canvasElement } = context;
    const canvas = within(canvasElement);
    await press(canvasElement, '+1 day');
    await expect(canvas.getByText(/^PDF export trial: active, 1 day left/)).toBeVisible();
    await expect(screen.queryByRole('dialog')).toBeNull();
    await press(canvasElement, '+1 day');
    const modal = await screen.findByRole('dialog', { name: 'Your PDF export trial has ended' });
    await expect(within(modal).getByRole('button', { name: 'Upgrade to Pro' })).toBeVisible();
    await expect(exportPdf(canvasElement)).toHaveAttribute('aria-haspopup', 'dialog');
    await expect(status(canvasElement)).toBe('Shown');
  },
};

/**
 * `power-user-pdf` (a modal with a 3-day cooldown) was shown 2 days 23 h 20 min
 * ago and answered "Not now"; the customer still tries PDF export. The trigger
 * fires, but its cooldown holds the modal back until 12:40 PM.
 */
export const CooldownAboutToEnd: Story = {
  parameters: upgradekit({
    config: oneTrigger('power-user-pdf'),
    history: {
      from: NOW - 3 * DAY + 40 * MINUTE,
      play(kit) {
        tryPdfExport(kit, 3);
        seeAndDismiss(kit, 'power-user-pdf');
      },
    },
  }),
  play: async ({ canvasElement }) => {
    await expect(status(canvasElement)).toBe('Held back by governance');
    await expect(heldBy(canvasElement)).toEqual(['Cooling down until 2026-11-20 12:40 UTC (3d between impressions), in 40 min']);
    await expect(screen.queryByRole('dialog')).toBeNull();
  },
};

/** An hour on, the cooldown is over and the modal opens. */
export const CooldownEnds: Story = {
  ...CooldownAboutToEnd,
  play: async (context) => {
    await CooldownAboutToEnd.play!(context);
    const { canvasElement } = context;
    await press(canvasElement, '+1 hour');
    await expect(await screen.findByRole('dialog', { name: 'Export to PDF with Pro' })).toBeVisible();
    await waitFor(() => expect(status(canvasElement)).toBe('Shown'));
    await expect(heldBy(canvasElement)).toEqual([]);
  },
};

/**
 * The PDF modal (with a 1-day cooldown here) was shown three times this week, on
 * Nov 14, 16 and 18, and dismissed each time; the customer keeps trying PDF
 * export. Snooze and cooldown are over, but the weekly cap of three interrupting
 * prompts holds it back until the first of those leaves the week, tomorrow at 11:40 AM.
 */
export const WeeklyCapReached: Story = {
  parameters: upgradekit({
    config: oneTrigger('power-user-pdf', { cooldown: '1d' }),
    history: {
      from: NOW - 6 * DAY - 20 * MINUTE,
      play(kit, clock) {
        for (const wait of [0, 2 * DAY, 2 * DAY]) {
          clock.advance(wait);
          tryPdfExport(kit, 3);
          seeAndDismiss(kit, 'power-user-pdf');
        }
      },
    },
  }),
  play: async ({ canvasElement }) => {
    await expect(status(canvasElement)).toBe('Held back by governance');
    await expect(heldBy(canvasElement)).toEqual(['The cap of 3 interrupting prompts a week is reached until 2026-11-21 11:40 UTC, in 23 h 40 min']);
    await expect(screen.queryByRole('dialog')).toBeNull();
  },
};

/** An hour on the cap still holds; a day on, the oldest of the three has left the week and the modal opens. */
export const WeeklyCapFrees: Story = {
  ...WeeklyCapReached,
  play: async (context) => {
    await WeeklyCapReached.play!(context);
    const { canvasElement } = context;
    await press(canvasElement, '+1 hour');
    await expect(screen.queryByRole('dialog')).toBeNull();
    await press(canvasElement, '+1 day');
    await expect(await screen.findByRole('dialog', { name: 'Export to PDF with Pro' })).toBeVisible();
    await waitFor(() => expect(status(canvasElement)).toBe('Shown'));
  },
};

/** The weekly cap in the dark theme, so axe checks the held-back explanation's contrast there too. */
export const WeeklyCapReachedDark: Story = { ...WeeklyCapReached, globals: { theme: 'dark' } };
