import { act } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPromptEngine, defineConfig, type CustomerInput } from '@upgradekit/core';
import { createMemoryPlatform } from '@upgradekit/core/testing';
import {
  FeatureGate,
  LimitBanner,
  LockedFeature,
  PlanPicker,
  PromptOutlet,
  TrialModal,
  UpgradeButton,
  UpgradeKitProvider,
  UpgradeModal,
  UsageMeter,
} from '../../packages/react/src/index';

const NOW = Date.UTC(2026, 10, 20, 12);

// Plain react-dom (no Testing Library), so tell React that `act` drives this environment.
Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true });

const config = defineConfig({
  features: {
    apiCalls: { type: 'metered', name: 'API calls', unit: 'API calls', reset: 'month' },
    pdfExport: { type: 'boolean', name: 'PDF export' },
  },
  plans: [
    { id: 'free', name: 'Free', price: { amount: 0, currency: 'USD', interval: 'month' }, grants: { apiCalls: 2000 } },
    { id: 'pro', name: 'Pro', price: { amount: 29, currency: 'USD', interval: 'month', yearly: 290 }, grants: { apiCalls: 10000, pdfExport: true } },
  ],
  trials: [{ feature: 'pdfExport', duration: '14d' }],
  triggers: [{ id: 'api-banner', when: { usage: { feature: 'apiCalls', atLeast: 0.8 } }, prompt: { kind: 'banner', title: 'Running low on API calls' } }],
});

/** The bootstrap customer: what the server fetched and also embedded in the page for hydration. */
const bootstrap: CustomerInput = { id: 'c1', plan: 'free', usage: { apiCalls: 1700 }, usageAsOf: NOW - 1000 };

// Server and browser each create their own client from the same bootstrap customer.
const App = () => (
  <UpgradeKitProvider config={config} customer={bootstrap} platform={createMemoryPlatform()} prompts={createPromptEngine} locale="en-US">
    <main>
      <h1>Dashboard</h1>
      <UsageMeter feature="apiCalls" />
      <LimitBanner feature="apiCalls" />
      <FeatureGate feature="pdfExport" fallback={<UpgradeButton feature="pdfExport" />}>
        <p>PDF export</p>
      </FeatureGate>
      <LockedFeature feature="pdfExport">
        <button>Export PDF</button>
      </LockedFeature>
      <PromptOutlet />
      <UpgradeModal feature="pdfExport" defaultOpen />
      <TrialModal feature="pdfExport" />
      <PlanPicker feature="pdfExport" />
    </main>
  </UpgradeKitProvider>
);

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('server rendering and hydration', () => {
  it('renders on the server from the bootstrap customer and hydrates without a warning', async () => {
    const html = renderToString(<App />);
    expect(html).toContain('1,700 of 2,000 API calls · resets Dec 1');
    expect(html).toContain('role="meter"');
    expect(html).toContain('Upgrade to Pro');
    // The plan picker is on the page from the first byte: its table, the billing toggle and the recommended plan.
    expect(html).toContain('<caption class="uk-plans__caption">Compare plans</caption>');
    expect(html).toMatch(/<input type="radio" name="[^"]+" checked="" value="month"\/>Monthly/);
    expect(html).toMatch(/<span class="uk-plans__name">Pro<\/span> <span class="uk-plans__badge">Recommended<\/span>/);
    // Prompts are client-only (the server cannot know this browser's snoozes and caps).
    expect(html).not.toContain('Running low on API calls');

    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);
    const errors = vi.spyOn(console, 'error');
    const warnings = vi.spyOn(console, 'warn');
    const onRecoverableError = vi.fn();
    let root: ReturnType<typeof hydrateRoot> | undefined;
    await act(async () => {
      root = hydrateRoot(container, <App />, { onRecoverableError });
      await vi.advanceTimersByTimeAsync(50);
    });

    expect(errors).not.toHaveBeenCalled();
    expect(warnings).not.toHaveBeenCalled();
    expect(onRecoverableError).not.toHaveBeenCalled();
    // Hydrated and live: the prompt appears after hydration, the modal opens in its portal.
    expect(container.textContent).toContain('Running low on API calls');
    expect(document.querySelector('dialog[open]')?.textContent).toContain('Upgrade to Pro');
    // The picker's ids (radio group, headers the CTAs point at) survived hydration: the yearly toggle works.
    const yearly = container.querySelector<HTMLInputElement>('input[value="year"]')!;
    const cta = container.querySelector('.uk-plans [data-cta="upgrade"]')!;
    expect(document.getElementById(cta.getAttribute('aria-describedby')!)?.textContent).toBe('Pro Recommended');
    act(() => yearly.click());
    expect(container.querySelector('.uk-plans')?.getAttribute('data-state')).toBe('year');
    expect(container.textContent).toContain('$290 per year');
    act(() => root!.unmount());
    container.remove();
  });

  it('renders nothing, instead of failing the whole page, for components outside a provider and render props that throw', () => {
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const page = renderToString(
      <main>
        <h1>Host page</h1>
        <UsageMeter feature="apiCalls" />
        <LimitBanner feature="apiCalls" />
        <UpgradeButton feature="pdfExport" />
        <PromptOutlet />
        <FeatureGate feature="pdfExport" fallback={<p>Locked</p>} />
        <PlanPicker feature="pdfExport" />
      </main>,
    );
    expect(page).toBe('<main><h1>Host page</h1><p>Locked</p></main>');
    expect(warnings.mock.calls.map((call) => String(call[0]))).toEqual(
      ['<UsageMeter>', '<LimitBanner>', '<UpgradeButton>', '<PromptOutlet>', '<FeatureGate>', '<PlanPicker>'].map((name) => expect.stringContaining(`${name} must be used inside <UpgradeKitProvider>`)),
    );
    const boom = (): never => {
      throw new Error('host render prop failed');
    };
    const withThrowingRenderProps = renderToString(
      <UpgradeKitProvider config={config} customer={bootstrap} platform={createMemoryPlatform()} locale="en-US">
        <h1>Dashboard</h1>
        <UsageMeter feature="apiCalls">{boom}</UsageMeter>
        <LimitBanner feature="apiCalls">{boom}</LimitBanner>
      </UpgradeKitProvider>,
    );
    expect(withThrowingRenderProps).toContain('<h1>Dashboard</h1>');
    expect(withThrowingRenderProps).not.toContain('host render prop failed');
    expect(errors.mock.calls.some((call) => String(call[0]).includes('<UsageMeter> render prop failed'))).toBe(true);
  });
});
