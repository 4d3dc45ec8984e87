import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, screen, userEvent, waitFor, within } from 'storybook/test';
import { labConfig, oneTrigger, type LabTriggerId } from './config.js';
import { kitArgs, kitArgTypes, type KitArgs } from './fixtures.js';
import { TriggerLab } from './lab/TriggerLab.js';

type Args = KitArgs & { trigger: LabTriggerId };

/**
 * One trigger of `labConfig` (stories/config.ts) at a time: choose it in Controls,
 * feed it with the buttons (each goes through the client, as the app would), move
 * time with the toolbar's Story clock or the clock bar, and watch the engine's
 * explanation and the prompt PromptOutlet renders.
 */
const meta = {
  title: 'Lab/Trigger lab',
  tags: ['!autodocs'],
  parameters: { upgradekit: { config: (args: Record<string, unknown>) => oneTrigger(args.trigger as LabTriggerId), about: { feature: 'pdfExport' } } },
  args: { ...kitArgs, trigger: 'power-user-pdf', projects: 2, seats: 2 },
  argTypes: {
    ...kitArgTypes,
    trigger: { control: 'select', options: labConfig.triggers.map((trigger) => trigger.id), description: 'The trigger under test (its config is in stories/config.ts).' },
  },
  render: (args) => <TriggerLab triggerId={args.trigger} />,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

// `hidden`: the panels are read while a modal prompt makes the page behind it inert, as a sighted user still sees them.
const panel = (canvasElement: HTMLElement, name: RegExp) => within(within(canvasElement).getByRole('region', { name, hidden: true }));
const why = (canvasElement: HTMLElement) => panel(canvasElement, /^Why:/);
const press = (canvasElement: HTMLElement, name: string) => userEvent.click(within(canvasElement).getByRole('button', { name }));
/** Whether each leaf of the condition holds, in order. (By selector: behind a modal the list's name is hidden too.) */
const leavesHeld = (canvasElement: HTMLElement) =>
  [...canvasElement.querySelectorAll('.lab-leaves > li')].map((leaf) => leaf.getAttribute('data-held'));

/** Opens on the first trigger: two projects of three in use, no gate hits yet. */
export const Lab: Story = {
  play: async ({ canvasElement }) => {
    await expect(why(canvasElement).getByText('Not fired: its condition does not hold')).toBeVisible();
    await expect(leavesHeld(canvasElement)).toEqual(['false', 'true']);
  },
};

/**
 * Three tries of the locked PDF export fire `power-user-pdf`, and its modal opens.
 * "Not now" snoozes it for a day and starts its 3-day cooldown, which the
 * explanation names with the moment each ends; after a week the gate hits have
 * left their window and the trigger no longer fires.
 */
export const GateHitsFireTheModal: Story = {
  play: async ({ canvasElement }) => {
    for (let attempt = 0; attempt < 3; attempt++) await press(canvasElement, 'Export PDF');
    const modal = await screen.findByRole('dialog', { name: 'Export to PDF with Pro' });
    await expect(leavesHeld(canvasElement)).toEqual(['true', 'true']);
    await expect(why(canvasElement).getByText('Shown')).toBeInTheDocument();
    await userEvent.click(within(modal).getByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Export to PDF with Pro' })).toBeNull());
    const holds = () => why(canvasElement).getByRole('list', { name: 'Held back by' });
    // The engine names the rule that holds the prompt now; once the snooze ends, the cooldown still does.
    await expect([...holds().children].map((hold) => hold.textContent)).toEqual(['Snoozed after a dismissal until 2026-11-21 12:00 UTC, in 1 d']);
    await press(canvasElement, '+1 day');
    await expect([...holds().children].map((hold) => [hold.getAttribute('data-rule'), hold.textContent])).toEqual([['cooldown', 'Cooling down until 2026-11-23 12:00 UTC (3d between impressions), in 2 d']]);
    await expect(screen.queryByRole('dialog')).toBeNull();
    await press(canvasElement, '+7 days');
    await expect(why(canvasElement).getByText('Not fired: its condition does not hold')).toBeVisible();
    await expect(leavesHeld(canvasElement)).toEqual(['false', 'true']);
  },
};

/**
 * Product events: two invitations with every seat taken offer Team as a trial.
 * Closing the offer snoozes it (the policy's 3 days); eight days on, the
 * invitations have left the 7-day window and the trigger no longer fires.
 */
export const EventsOfferATrial: Story = {
  args: { trigger: 'growing-team' },
  play: async ({ canvasElement }) => {
    await press(canvasElement, 'Record “member.invited”');
    await expect(leavesHeld(canvasElement)).toEqual(['false', 'true', 'true']);
    await press(canvasElement, 'Record “member.invited”');
    const modal = await screen.findByRole('dialog', { name: 'Try Team free for 7 days' });
    await userEvent.click(within(modal).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await press(canvasElement, '+1 day');
    await expect(why(canvasElement).getByText(/^Snoozed after a dismissal until 2026-11-23 12:00 UTC, in /)).toBeVisible();
    await press(canvasElement, '+7 days');
    await expect(leavesHeld(canvasElement)).toEqual(['false', 'true', 'true']);
    await expect(screen.queryByRole('dialog')).toBeNull();
  },
};

/** Usage: API calls past 80% of the month's 2,000 bring the banner, which is not interrupting, so it sits in the page. */
export const UsageBringsTheBanner: Story = {
  args: { trigger: 'api-pressure' },
  play: async ({ canvasElement }) => {
    const prompt = panel(canvasElement, /^The prompt$/);
    for (let press100 = 0; press100 < 3; press100++) await press(canvasElement, 'Use 100 API calls');
    await expect(prompt.queryByRole('status')).toBeNull();
    await press(canvasElement, 'Use 100 API calls');
    await expect(await prompt.findByRole('status')).toHaveTextContent('Your integrations will pause soon. Pro includes 10,000 API calls a month.');
    await expect(why(canvasElement).getByText('Shown')).toBeInTheDocument();
  },
};

/** The same lab in the dark theme, so axe checks its contrast there too. */
export const LabDark: Story = { ...Lab, globals: { theme: 'dark' } };
