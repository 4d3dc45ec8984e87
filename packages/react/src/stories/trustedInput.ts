import type { UserEvent } from 'vitest/browser';

/**
 * Input the browser trusts as a person's: Playwright's keyboard and mouse, which
 * Vitest's browser mode exposes when the stories run as tests. Browsers ignore the
 * synthetic events that `userEvent` from storybook/test dispatches for some of
 * their own behaviour: Escape on a modal `<dialog>`, Tab moving focus, and the
 * input modality behind `:focus-visible`.
 */
type TrustedInput = UserEvent;

type Play<Context> = (context: Context, user: TrustedInput) => Promise<void>;

/**
 * A play function that needs trusted input. In the Storybook UI there is no
 * Playwright to give it, so there the story renders and the play function is
 * skipped; `npx vitest run --project storybook` runs it in Chromium.
 */
export function withTrustedInput<Context>(play: Play<Context>): (context: Context) => Promise<void> {
  return async (context) => {
    if (!(globalThis as { __vitest_browser__?: boolean }).__vitest_browser__) return;
    const { userEvent } = await import('vitest/browser');
    await play(context, userEvent);
  };
}
