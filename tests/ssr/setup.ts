import { installModalDialog } from '../../packages/react/src/__tests__/modalDialog.js';

// jsdom lacks showModal() and close(), which the modals call once hydrated.
installModalDialog();
