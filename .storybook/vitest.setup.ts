import './frameworkOptions.js';
import { setProjectAnnotations } from '@storybook/react-vite';
import * as a11yAddonAnnotations from '@storybook/addon-a11y/preview';
import * as projectAnnotations from './preview.js';

// The same annotations Storybook applies (decorators, globals, the a11y check), so each story runs as it does in the UI.
setProjectAnnotations([a11yAddonAnnotations, projectAnnotations]);
