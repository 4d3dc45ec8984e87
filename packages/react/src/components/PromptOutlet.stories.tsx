import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, screen, userEvent, waitFor, within } from 'storybook/test';
import { componentProps, eventsOf, kitArgs, kitArgTypes, promptConfig, textControls, type KitArgs } from '../stories/fixtures.js';
import { docsPage } from '../stories/docs.js';
import { withTrustedInput } from '../stories/trustedInput.js';
import { PromptOutlet, type PromptOutletProps } from './PromptOutlet.js';

type Args = PromptOutletProps & KitArgs;

const meta = {
  title: 'Components/PromptOutlet',
  component: PromptOutlet,
  parameters: {
    ...docsPage({
      use: 'Put one near the root (or one per placement): it renders whatever prompt the arbiter allows now, with the component of its kind (meter, banner, modal, trial). Tooltip prompts attach to their LockedFeature instead.',
      tryIt: 'these stories use a config with triggers that fire from the customer\'s usage: `projects-full` (modal, placement `projects`: all 3 projects of Free in use), `team-trial` (trial, placement `members`: every seat taken), `api-banner` (banner, placement `billing`: 80% of the API calls). Lower the usage in Controls and the prompt goes away.',
      accessibility: [
        'Adds no markup of its own: each prompt has the accessibility of its component (a live-region banner, a native modal dialog).',
        'Renders nothing when nothing is allowed, so no empty landmark or focus stop is left behind.',
      ],
      framed: 420,
    }),
    upgradekit: { config: promptConfig },
  },
  args: { ...kitArgs },
  argTypes: {
    ...kitArgTypes,
    ...textControls('className'),
    placement: { control: 'inline-radio', options: [undefined, 'projects', 'members', 'billing'] },
    children: { control: false },
  },
  render: (args) => <PromptOutlet {...componentProps(args)} />,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

const dialog = (name: string) => screen.findByRole('dialog', { name });

export const ModalPrompt: Story = {
  args: { placement: 'projects', projects: 3 },
  play: async ({ args }) => {
    const modal = within(await dialog("You've used all your projects"));
    await expect(modal.getByText('Pro raises your limit to 20 projects and adds PDF export.')).toBeVisible();
    await expect(modal.getByText('+$29 per month')).toBeVisible();
    await expect(modal.getByRole('button', { name: 'Upgrade to Pro' })).toBeVisible();
    // Once per display, Strict Mode's double effects included.
    await expect(eventsOf(args.onEvent, 'prompt.shown')).toEqual([expect.objectContaining({ triggerId: 'projects-full', kind: 'modal' })]);
  },
};

/** Escape (the browser's, which ignores a synthetic key press) dismisses the prompt: recorded against its trigger, and the arbiter snoozes it. */
export const ModalPromptEscape: Story = {
  ...ModalPrompt,
  play: withTrustedInput(async ({ args }, user) => {
    await dialog("You've used all your projects");
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await expect(args.onEvent).toHaveBeenCalledWith(expect.objectContaining({ type: 'prompt.dismissed', triggerId: 'projects-full' }));
  }),
};

/** The CTA is credited to the trigger and opens the host's checkout with the prompt's context. */
export const ModalPromptUpgrade: Story = {
  ...ModalPrompt,
  play: async ({ args }) => {
    const modal = within(await dialog("You've used all your projects"));
    await userEvent.click(modal.getByRole('button', { name: 'Upgrade to Pro' }));
    await expect(args.onEvent).toHaveBeenCalledWith(expect.objectContaining({ type: 'prompt.clicked', triggerId: 'projects-full', cta: 'upgrade' }));
    await expect(args.onUpgrade).toHaveBeenCalledWith('pro', expect.objectContaining({ triggerId: 'projects-full', checkoutContext: expect.stringMatching(/./) }));
  },
};

export const TrialPrompt: Story = {
  args: { placement: 'members', seats: 2 },
  play: async ({ args }) => {
    const modal = await dialog('Try Team free for 7 days');
    await expect(modal).toHaveAttribute('data-state', 'eligible');
    await expect(within(modal).getByText(/Invite up to 20 people/)).toBeVisible();
    await expect(eventsOf(args.onEvent, 'prompt.shown')).toEqual([expect.objectContaining({ triggerId: 'team-trial', kind: 'trial' })]);
  },
};

/** "Start free trial" starts Team in place, credited to the trigger. */
export const TrialPromptStart: Story = {
  ...TrialPrompt,
  play: async ({ args }) => {
    const modal = await dialog('Try Team free for 7 days');
    await userEvent.click(within(modal).getByRole('button', { name: 'Start free trial' }));
    await expect(args.onEvent).toHaveBeenCalledWith(expect.objectContaining({ type: 'prompt.clicked', triggerId: 'team-trial', cta: 'trial' }));
    await expect(eventsOf(args.onEvent, 'trial.started')).toEqual([expect.objectContaining({ plan: 'team', triggerId: 'team-trial' })]);
  },
};

export const BannerPrompt: Story = {
  args: { placement: 'billing', apiCalls: 1700 },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('status')).toHaveTextContent('Your integrations will pause soon. Pro includes 10,000 API calls a month.');
  },
};

/** Nothing fired at this placement: the outlet renders nothing. */
export const NothingToShow: Story = {
  args: { placement: 'projects', projects: 1 },
  play: async ({ canvasElement, args }) => {
    await expect(canvasElement).toBeEmptyDOMElement();
    await expect(args.onEvent).not.toHaveBeenCalledWith(expect.objectContaining({ type: 'prompt.shown' }));
  },
};

/** The host renders a kind its own way and leaves the rest (`undefined`) to the default components. */
export const CustomRender: Story = {
  args: {
    placement: 'billing',
    apiCalls: 1700,
    children: (prompt) =>
      prompt.kind === 'banner' ? (
        <aside aria-label="Offer" style={{ padding: 12, border: '2px dashed currentColor', borderRadius: 8 }}>
          <strong>{prompt.title}</strong> {prompt.body}
        </aside>
      ) : undefined,
  },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('complementary', { name: 'Offer' })).toHaveTextContent('Your integrations will pause soon.');
  },
};
