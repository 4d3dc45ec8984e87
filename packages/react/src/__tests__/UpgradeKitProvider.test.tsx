import { act, render, renderHook, screen } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createUpgradeKit, type Platform } from '@upgradekit/core';
import { createMemoryPlatform } from '@upgradekit/core/testing';
import { FeatureGate, UpgradeKitProvider, useEntitlement, useUpgradeKit, useUsage, UsageMeter } from '../index.js';
import { config, customer } from './helpers.js';

/** A platform that counts the clients created on it (each opens one tab channel) and destroyed (each stops listening for page hide). */
function countingPlatform() {
  const platform = createMemoryPlatform();
  const counts = { created: 0, destroyed: 0 };
  const spied: Platform = {
    ...platform,
    openChannel(name) {
      counts.created++;
      return platform.openChannel(name);
    },
    onHide(listener) {
      const stop = platform.onHide(listener);
      return () => {
        counts.destroyed++;
        stop();
      };
    },
  };
  return { platform: spied, counts };
}

describe('UpgradeKitProvider', () => {
  it('useUpgradeKit() outside the provider throws an error that says what to do', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useUpgradeKit())).toThrow(
      '[upgradekit] useUpgradeKit() must be used inside <UpgradeKitProvider>. Wrap your app (or the part that shows plans and prompts) in <UpgradeKitProvider config={...} customer={...}>.',
    );
  });

  it('creates the client once, across re-renders and Strict Mode, and destroys it on unmount', async () => {
    const { platform, counts } = countingPlatform();
    const app = (label: string) => (
      <StrictMode>
        <UpgradeKitProvider config={config} customer={customer()} platform={platform}>
          <p>{label}</p>
          <UsageMeter feature="apiCalls" />
        </UpgradeKitProvider>
      </StrictMode>
    );
    const { rerender, unmount } = render(app('one'));
    rerender(app('two'));
    await act(async () => {});
    expect(screen.getByText('two')).toBeTruthy();
    expect(counts).toEqual({ created: 1, destroyed: 0 });
    unmount();
    await act(async () => {});
    expect(counts).toEqual({ created: 1, destroyed: 1 });
  });

  it('uses a client the host made, and leaves destroying it to the host', async () => {
    const kit = createUpgradeKit({ config, customer: customer() });
    const destroy = vi.spyOn(kit, 'destroy');
    const { result, unmount } = renderHook(() => useUpgradeKit(), {
      wrapper: ({ children }: { children: ReactNode }) => <UpgradeKitProvider client={kit}>{children}</UpgradeKitProvider>,
    });
    expect(result.current).toBe(kit);
    unmount();
    await act(async () => {});
    expect(destroy).not.toHaveBeenCalled();
  });

  it('applies a new customer object from the host (server truth) with setCustomer', () => {
    const app = (usage: number) => (
      <UpgradeKitProvider config={config} customer={customer({ apiCalls: usage })}>
        <UsageMeter feature="apiCalls" />
      </UpgradeKitProvider>
    );
    const { rerender } = render(app(100));
    expect(screen.getByRole('meter').getAttribute('aria-valuenow')).toBe('100');
    rerender(app(1900));
    expect(screen.getByRole('meter').getAttribute('aria-valuenow')).toBe('1900');
  });

  it('survives an invalid config: logs the readable errors once and degrades per fail mode', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = { ...config, plans: [{ id: 'free', price: { amount: 0, currency: 'USD', interval: 'month' }, grants: { nope: 5 } }] };
    render(
      <StrictMode>
        <UpgradeKitProvider config={broken as never} customer={customer()}>
          <h1>Host app</h1>
          <UsageMeter feature="apiCalls" />
          <FeatureGate feature="sso" fallback={<p>SSO locked</p>}>
            <p>SSO settings</p>
          </FeatureGate>
          <FeatureGate feature="pdfExport" fallback={<p>PDF locked</p>}>
            <p>PDF export</p>
          </FeatureGate>
        </UpgradeKitProvider>
      </StrictMode>,
    );
    expect(screen.getByRole('heading', { name: 'Host app' })).toBeTruthy();
    expect(screen.queryByRole('meter')).toBeNull();
    // sso fails open, pdfExport fails closed (the policy default).
    expect(screen.getByText('SSO settings')).toBeTruthy();
    expect(screen.getByText('PDF locked')).toBeTruthy();
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0]![0])).toContain('[upgradekit] invalid config:\n  - plans[0].grants.nope: feature "nope" is not defined');
  });

  it('hooks read one slice each: useEntitlement and useUsage', () => {
    const kit = createUpgradeKit({ config, customer: customer({ apiCalls: 1700 }) });
    const { result } = renderHook(() => ({ pdf: useEntitlement('pdfExport'), api: useUsage('apiCalls'), strict: useUsage('apiCalls', { critical: 0.85 }) }), {
      wrapper: ({ children }: { children: ReactNode }) => <UpgradeKitProvider client={kit}>{children}</UpgradeKitProvider>,
    });
    expect(result.current.pdf).toMatchObject({ allowed: false, reason: 'not_in_plan', upgrade: { plan: 'pro' } });
    expect(result.current.api).toMatchObject({ allowed: true, usage: 1700, limit: 2000, state: 'warning' });
    expect(result.current.strict.state).toBe('critical');
    const first = result.current.api;
    act(() => kit.track('projects'));
    expect(result.current.api).toBe(first);
  });
});
