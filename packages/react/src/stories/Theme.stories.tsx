import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import styles from '../styles.css?raw';
import { DARK, SYSTEM_DARK, themeTokens, variablesOf } from './themeTokens.js';
import { ThemePage } from './ThemePage.js';

const meta = {
  title: 'Foundations/Theme',
  component: ThemePage,
  parameters: {
    docs: {
      description: {
        component: [
          'Every CSS variable of `@upgradekit/react/styles.css`, read from the stylesheet itself, with a live preview in the light and the dark theme. Override any of them for the whole page (`:root { --uk-accent: #7c3aed }`) or under any element.',
          'Dark mode follows `prefers-color-scheme`, or is forced with `data-upgradekit-theme="dark"` (or `"light"`) on `<html>` or any ancestor; set it on `<html>`, since dialogs and popovers render in a portal under `<body>`.',
          '`--uk-font` is `inherit`: the components use the host page\'s font, and no font file ships. (Storybook\'s canvas uses the system font stack.)',
        ].join('\n\n'),
      },
    },
  },
} satisfies Meta<typeof ThemePage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Each row's variable, in the order the page lists them. */
const listed = (canvasElement: HTMLElement) => [...canvasElement.querySelectorAll('tr[data-token]')].map((row) => row.getAttribute('data-token'));
/** The preview in the light (1) or dark (2) column of a token. */
const swatch = (canvasElement: HTMLElement, token: string, column: 1 | 2) =>
  canvasElement.querySelector(`tr[data-token="${token}"] td:nth-of-type(${column}) .theme-swatch`)!;

export const Tokens: Story = {
  play: async ({ canvasElement }) => {
    // Every variable the stylesheet declares anywhere is on the page, once.
    const declared = [...new Set([...styles.matchAll(/(--uk-[\w-]+)\s*:/g)].map(([, name]) => name))];
    await expect([...listed(canvasElement)].sort()).toEqual(declared.sort());
    await expect(within(canvasElement).getByRole('table', { name: 'Theme tokens' })).toBeVisible();
    // The previews are live: a colour the dark theme changes renders differently in its column, one it keeps renders alike.
    for (const { name, light, dark } of themeTokens(styles).filter((token) => CSS.supports('color', token.light) && !token.name.includes('font'))) {
      const [lightColour, darkColour] = ([1, 2] as const).map((column) => getComputedStyle(swatch(canvasElement, name, column)).backgroundColor);
      if (dark === undefined || dark === light) await expect(darkColour).toBe(lightColour);
      else await expect(darkColour).not.toBe(lightColour);
    }
    // Dark mode is the same whether the operating system asks for it or the page forces it.
    await expect(Object.fromEntries(variablesOf(styles, SYSTEM_DARK))).toEqual(Object.fromEntries(variablesOf(styles, DARK)));
  },
};

/** The page in the dark theme (the tables' own chrome follows it; each preview keeps its column's theme). */
export const TokensDark: Story = { ...Tokens, globals: { theme: 'dark' } };
