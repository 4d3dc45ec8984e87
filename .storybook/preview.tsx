import type { Decorator, Preview } from '@storybook/react-vite';
import '../packages/react/src/styles.css';
import './preview.css';
import { withKit } from '../packages/react/src/stories/fixtures.js';
import { argsFromDefaults, readablePropTypes } from './argTypes.js';

/**
 * Dialogs and popovers render in a portal under <body>, so the theme goes on
 * <html>, as the README tells hosts to do. Set before the story renders, so the
 * first paint (and the a11y check's contrast) already uses it. A docs page renders
 * many stories at once, some in the dark theme: there each story carries its theme
 * on its own block and the page is left alone.
 */
const withTheme: Decorator = (Story, { globals, viewMode }) => {
  const theme = globals.theme === 'dark' ? 'dark' : 'light';
  if (viewMode === 'docs') {
    return (
      <div className="story-theme" data-upgradekit-theme={theme}>
        <Story />
      </div>
    );
  }
  document.documentElement.setAttribute('data-upgradekit-theme', theme);
  return <Story />;
};

const preview: Preview = {
  // The theme wraps the kit, so both are in place before any component renders.
  decorators: [withKit, withTheme],
  // Every component gets a docs page (stories that are not about one component opt out with `!autodocs`).
  tags: ['autodocs'],
  argTypesEnhancers: [readablePropTypes],
  argsEnhancers: [argsFromDefaults],
  globalTypes: {
    // Set by the "Story clock" tool (manager.tsx); the kit decorator advances the story's clock by each change.
    clock: { description: 'How far the story clock has been advanced, in ms' },
    theme: {
      description: 'UpgradeKit theme (data-upgradekit-theme on <html>)',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Locale for numbers, currency, dates and copy',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en-US', title: 'English (en-US)' },
          { value: 'de-DE', title: 'Deutsch (de-DE)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en-US', clock: 0 },
  parameters: {
    layout: 'padded',
    controls: { expanded: true, sort: 'requiredFirst' },
    // Stories double as tests: an axe violation fails the story's test, not just a warning in the panel.
    a11y: { test: 'error' },
  },
};

export default preview;
