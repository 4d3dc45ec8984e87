import { act, render, type RenderOptions } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import {
  createPromptEngine,
  createUpgradeKit,
  defineConfig,
  type ConfigInput,
  type CustomerInput,
  type Platform,
  type UpgradeKitEvent,
} from '@upgradekit/core';
import { createMemoryPlatform } from '@upgradekit/core/testing';
import { UpgradeKitProvider, type UpgradeKitProviderProps } from '../index.js';

/** Nov 20, 2026, noon UTC: monthly usage resets Dec 1. */
export const NOW = Date.UTC(2026, 10, 20, 12);

export const config = defineConfig({
  features: {
    apiCalls: { type: 'metered', name: 'API calls', unit: 'API calls', reset: 'month' },
    projects: { type: 'metered', name: 'Projects', unit: 'projects', reset: 'never' },
    seats: { type: 'seats', name: 'Seats', unit: 'seats' },
    pdfExport: { type: 'boolean', name: 'PDF export' },
    sso: { type: 'boolean', name: 'SSO', failMode: 'open' },
  },
  plans: [
    { id: 'free', name: 'Free', price: { amount: 0, currency: 'USD', interval: 'month' }, grants: { apiCalls: 2000, projects: 3, seats: 2 } },
    {
      id: 'pro',
      name: 'Pro',
      price: { amount: 29, currency: 'USD', interval: 'month' },
      grants: { apiCalls: 10000, projects: 20, seats: 5, pdfExport: true },
    },
    {
      id: 'team',
      name: 'Team',
      price: { amount: 79, currency: 'USD', interval: 'month' },
      grants: { apiCalls: 'unlimited', projects: 'unlimited', seats: 20, pdfExport: true, sso: true },
    },
  ],
  trials: [
    { feature: 'pdfExport', duration: '14d' },
    { plan: 'team', duration: '7d' },
  ],
});

export const customer = (usage: Record<string, number> = { apiCalls: 1234, projects: 1 }, extra: Partial<CustomerInput> = {}): CustomerInput => ({
  id: 'c1',
  plan: 'free',
  usage,
  ...extra,
});

interface Setup {
  config?: ConfigInput;
  customer?: CustomerInput;
  platform?: Platform;
  provider?: Partial<UpgradeKitProviderProps>;
}

/** A client made by the test (so it can track and spy), under a provider, with every event collected. */
export function renderWithKit(ui: ReactNode, { config: input = config, customer: who = customer(), platform, provider }: Setup = {}, options?: RenderOptions) {
  const events: UpgradeKitEvent[] = [];
  const kit = createUpgradeKit({
    config: input,
    customer: who,
    platform: platform ?? createMemoryPlatform(),
    onEvent: (event) => events.push(event),
    prompts: createPromptEngine,
  });
  const onUpgrade = vi.fn();
  const wrap = (node: ReactNode) => (
    <UpgradeKitProvider client={kit} onUpgrade={onUpgrade} {...(provider as object)}>
      {node}
    </UpgradeKitProvider>
  );
  const result = render(wrap(ui), options);
  return { ...result, kit, events, onUpgrade, rerender: (node: ReactNode) => result.rerender(wrap(node)) };
}

/** A user-event session that drives the fake clock instead of waiting. */
export const user = () => userEvent.setup({ advanceTimers: vi.advanceTimersByTime });

/** Runs the effects and timers an interaction started: focus moves, hover delays, state updates. */
export async function settle(ms = 50) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

/**
 * No axe violations in `root` (default: the whole body, so portaled dialogs count).
 * The `color-contrast` rule is off because jsdom does not compute styles or
 * layout, so axe cannot measure contrast here; the Storybook a11y run in Chromium does.
 */
export async function expectNoAxeViolations(root: Element = document.body) {
  const run = axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
  // axe schedules its checks with timers, which the tests fake.
  await act(async () => {
    await vi.advanceTimersByTimeAsync(1000);
  });
  const { violations } = await run;
  const summary = violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(', ')}`);
  if (summary.length) throw new Error(`axe violations:\n${summary.join('\n')}`);
}
