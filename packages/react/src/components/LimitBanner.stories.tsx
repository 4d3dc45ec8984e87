import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { usePrompts } from '../hooks/usePrompt.js';
import { componentProps, currentKit, DAY, eventsOf, kitArgs, kitArgTypes, NOW, promptConfig, textControls, type KitArgs } from '../stories/fixtures.js';
import { docsPage } from '../stories/docs.js';
import { LimitBanner, type LimitBannerProps } from './LimitBanner.js';

type Args = LimitBannerProps & KitArgs;

const meta = {
  title: 'Components/LimitBanner',
  component: LimitBanner,
  parameters: docsPage({
    use: 'Announces a limit that is near or reached, with the upgrade that lifts it and a way to dismiss it that asks why (the reasons feed the conversion report). Shown from `showFrom` on, or whenever a trigger\'s banner prompt is passed in.',
    tryIt: 'Free allows 2,000 API calls a month: drag `apiCalls`; open Dismiss to see the reasons.',
    accessibility: [
      'The message sits in a polite live region (`role="status"`) that stays mounted while the banner is hidden, so screen readers announce it when it appears.',
      'Dismiss is a disclosure button (`aria-expanded`, `aria-controls`) for a group of reason buttons named "Dismiss".',
      'The state is in the words ("You\'ve reached your API calls limit") and an icon, not only in the border colour.',
      'With the render prop the live region stays, so custom markup is announced too.',
    ],
  }),
  args: { ...kitArgs, feature: 'apiCalls', apiCalls: 1700 },
  argTypes: {
    ...kitArgTypes,
    ...textControls('title', 'body', 'className'),
    feature: { control: 'inline-radio', options: ['apiCalls', 'projects', 'seats'] },
    showFrom: { control: 'inline-radio', options: ['warning', 'critical', 'exceeded'] },
    children: { control: false },
    prompt: { control: false },
  },
  render: (args) => <LimitBanner {...componentProps(args)} />,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

const bannerOf = (canvasElement: HTMLElement) => canvasElement.querySelector('.uk-banner');

export const Warning: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(bannerOf(canvasElement)).toHaveAttribute('data-state', 'warning');
    await expect(canvas.getByRole('status')).toHaveTextContent("You've used 85% of your API calls. Upgrade to Pro for 10,000 API calls.");
    await expect(canvas.getByRole('button', { name: 'Upgrade to Pro' })).toBeVisible();
  },
};

export const Critical: Story = {
  args: { apiCalls: 1950 },
  play: async ({ canvasElement }) => {
    await expect(bannerOf(canvasElement)).toHaveAttribute('data-state', 'critical');
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent("You've used 98% of your API calls.");
  },
};

export const Exceeded: Story = {
  args: { apiCalls: 2150 },
  play: async ({ canvasElement }) => {
    await expect(bannerOf(canvasElement)).toHaveAttribute('data-state', 'exceeded');
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent("You've reached your API calls limit. Upgrade to Pro for 10,000 API calls.");
  },
};

/** Only from `critical` on: at 85% the banner is hidden, but its (empty) live region stays mounted to announce it later. */
export const HiddenBelowShowFrom: Story = {
  args: { showFrom: 'critical' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(bannerOf(canvasElement)).toHaveAttribute('data-state', 'hidden');
    await expect(canvas.getByRole('status')).toBeEmptyDOMElement();
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

/** Copy from the host (or a trigger) replaces the defaults. */
export const CustomCopy: Story = {
  args: { title: 'Your integrations will pause soon.', body: 'Pro includes 10,000 API calls a month.' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Your integrations will pause soon. Pro includes 10,000 API calls a month.');
  },
};

/** "Dismiss" asks why: the menu of reasons, open. */
export const DismissMenu: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const dismiss = canvas.getByRole('button', { name: 'Dismiss' });
    await expect(dismiss).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(dismiss);
    await expect(dismiss).toHaveAttribute('aria-expanded', 'true');
    const reasons = within(canvas.getByRole('group', { name: 'Dismiss' })).getAllByRole('button');
    await expect(reasons.map((reason) => reason.textContent)).toEqual(['Remind me later', 'Too expensive', "I don't need this", "Don't show again"]);
  },
};

/** "Remind me later" hides the banner and snoozes it for 3 days, in the platform's storage. */
export const DismissRemindMeLater: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Dismiss' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Remind me later' }));
    await expect(bannerOf(canvasElement)).toHaveAttribute('data-state', 'hidden');
    await expect(canvas.getByRole('status')).toBeEmptyDOMElement();
    // Snoozed with the rest of governance, so it holds across reloads and tabs.
    await expect(currentKit().prompts?.snoozedUntil('banner:apiCalls:warning')).toBe(NOW + 3 * DAY);
  },
};

/** A banner a trigger fired (what PromptOutlet renders): the reason goes into the conversion report. */
function PromptedBanner(props: LimitBannerProps) {
  const prompt = usePrompts('billing').find((candidate) => candidate.kind === 'banner');
  return prompt ? <LimitBanner {...props} prompt={prompt} /> : null;
}

export const FromTrigger: Story = {
  parameters: { upgradekit: { config: promptConfig } },
  render: (args) => <PromptedBanner {...componentProps(args)} />,
  play: async ({ canvasElement, args }) => {
    await expect(await within(canvasElement).findByRole('status')).toHaveTextContent('Your integrations will pause soon. Pro includes 10,000 API calls a month.');
    await expect(eventsOf(args.onEvent, 'prompt.shown')).toEqual([expect.objectContaining({ triggerId: 'api-banner', kind: 'banner' })]);
  },
};

export const FromTriggerDismissedTooExpensive: Story = {
  ...FromTrigger,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Dismiss' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Too expensive' }));
    await expect(eventsOf(args.onEvent, 'prompt.dismissed')).toEqual([expect.objectContaining({ triggerId: 'api-banner', reason: 'too_expensive' })]);
    // The arbiter snoozes the prompt, so the banner goes away.
    await expect(canvas.queryByRole('status')).toBeNull();
  },
};

/** The unstyled path: the host's own alert, with the library's live region kept for screen readers. */
export const RenderProp: Story = {
  args: {
    children: (banner) =>
      banner.state !== 'hidden' && (
        <div style={{ display: 'flex', gap: 12, alignItems: 'center', padding: 12, border: '2px dashed currentColor' }}>
          <span>{banner.title}</span>
          <button type="button" onClick={() => banner.dismiss('not_now')}>
            Hide
          </button>
        </div>
      ),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("You've used 85% of your API calls.", { selector: 'span' })).toBeVisible();
    // The library's region still announces the message.
    await expect(canvas.getByRole('status')).toHaveTextContent("You've used 85% of your API calls. Upgrade to Pro for 10,000 API calls.");
  },
};
