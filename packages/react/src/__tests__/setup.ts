import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { NOW } from './helpers.js';
import { installModalDialog } from './modalDialog.js';

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(cleanup);
// The live region announcements go through belongs to the document (like a portal's target): each test starts without one.
afterEach(() => document.querySelector('[data-uk-announcer]')?.remove());

// Testing Library drains pending work with a setTimeout(0) that it advances only
// for Jest's fake timers (it looks for a global `jest`); give it Vitest's, so
// user-event works under vi.useFakeTimers() without real waiting.
Object.assign(globalThis, { jest: { advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms) } });

// jsdom lacks showModal() and close(): a stand-in (modalDialog.ts). Each test starts with no dialog open.
const topLayer = installModalDialog();
afterEach(() => {
  topLayer.length = 0;
});

// jsdom reports Safari's vendor, which makes Floating UI give its focus guards role="button" for
// VoiceOver; report Chromium's, whose markup the Storybook tests check in a real browser too.
Object.defineProperty(navigator, 'vendor', { value: 'Google Inc.', configurable: true });

// Every test runs on a fixed clock that only advances when told to.
beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});
