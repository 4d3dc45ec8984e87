import { act, render, screen } from '@testing-library/react';
import { Component, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { UpgradeKit } from '@upgradekit/core';
import { FeatureGate, LimitBanner, LockedFeature, PromptOutlet, UpgradeButton, UpgradeKitProvider, UsageMeter } from '../index.js';
import { customer, renderWithKit, user } from './helpers.js';

describe('FeatureGate', () => {
  it('renders children when allowed', () => {
    renderWithKit(
      <FeatureGate feature="apiCalls" fallback={<p>Locked</p>}>
        <p>API console</p>
      </FeatureGate>,
    );
    expect(screen.getByText('API console')).toBeTruthy();
    expect(screen.queryByText('Locked')).toBeNull();
  });

  it('renders the fallback when denied; a function fallback gets the gate, and attempt() records a gate hit', async () => {
    const { events } = renderWithKit(
      <FeatureGate
        feature="pdfExport"
        fallback={(gate) => (
          <button onClick={() => gate.attempt()}>
            {gate.reason} · {gate.upgradePath?.plan}
          </button>
        )}
      >
        <p>PDF export</p>
      </FeatureGate>,
    );
    await user().click(screen.getByRole('button', { name: 'not_in_plan · pro' }));
    expect(events.filter((event) => event.type === 'gate.hit')).toMatchObject([{ feature: 'pdfExport' }]);
  });

  it('switches when the customer changes plan', () => {
    const { kit } = renderWithKit(
      <FeatureGate feature="pdfExport" fallback={<p>Locked</p>}>
        <p>PDF export</p>
      </FeatureGate>,
    );
    expect(screen.getByText('Locked')).toBeTruthy();
    act(() => kit.setCustomer(customer({}, { plan: 'pro' })));
    expect(screen.getByText('PDF export')).toBeTruthy();
  });
});

class HostBoundary extends Component<{ children: ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };
  static getDerivedStateFromError(error: Error) {
    return { error: error.message };
  }
  override render() {
    return this.state.error ? <p>Host caught: {this.state.error}</p> : this.props.children;
  }
}

describe('failures never take the host app down', () => {
  it('a throwing client degrades each component per fail mode', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { kit } = renderWithKit(<p>placeholder</p>);
    vi.spyOn(kit, 'check').mockImplementation(() => {
      throw new Error('core bug');
    });
    render(
      <HostBoundary>
        <h1>Host app</h1>
        <UsageMeter feature="apiCalls" />
        <LimitBanner feature="apiCalls" />
        <PromptOutlet />
        <FeatureGate feature="sso" fallback={<p>SSO locked</p>}>
          <p>SSO settings</p>
        </FeatureGate>
        <FeatureGate feature="pdfExport" fallback={<p>PDF locked</p>}>
          <p>PDF export</p>
        </FeatureGate>
        <LockedFeature feature="pdfExport">
          <button>Export</button>
        </LockedFeature>
      </HostBoundary>,
      { wrapper: ({ children }) => <ProviderFor kit={kit}>{children}</ProviderFor> },
    );
    expect(screen.getByRole('heading', { name: 'Host app' })).toBeTruthy();
    expect(screen.queryByRole('meter')).toBeNull();
    expect(screen.getByText('SSO settings')).toBeTruthy();
    expect(screen.getByText('PDF locked')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Export' }).getAttribute('aria-haspopup')).toBe('dialog');
    expect(error.mock.calls.some((call) => String(call[0]).includes('[upgradekit] check("apiCalls") failed'))).toBe(true);
  });

  it('a component that fails while rendering is replaced by its fallback; the host stays', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { kit } = renderWithKit(<p>placeholder</p>);
    // A malformed result (a core bug) breaks the meter's render, not the page.
    vi.spyOn(kit, 'check').mockReturnValue(null as never);
    render(
      <HostBoundary>
        <h1>Host app</h1>
        <UsageMeter feature="apiCalls" />
        <UpgradeButton feature="pdfExport" />
      </HostBoundary>,
      { wrapper: ({ children }) => <ProviderFor kit={kit}>{children}</ProviderFor> },
    );
    expect(screen.getByRole('heading', { name: 'Host app' })).toBeTruthy();
    expect(screen.queryByText(/Host caught/)).toBeNull();
    expect(error.mock.calls.some((call) => String(call[0]).includes('[upgradekit] <UsageMeter> failed'))).toBe(true);
  });

  it("FeatureGate does not swallow the host's own errors: they reach the host's boundary", () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const Broken = () => {
      throw new Error('host bug');
    };
    renderWithKit(
      <HostBoundary>
        <FeatureGate feature="apiCalls">
          <Broken />
        </FeatureGate>
      </HostBoundary>,
    );
    expect(screen.getByText('Host caught: host bug')).toBeTruthy();
  });

  it('components outside the provider render nothing (or the fallback) instead of throwing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(
      <>
        <h1>Host app</h1>
        <UsageMeter feature="apiCalls" />
        <FeatureGate feature="pdfExport" fallback={<p>PDF locked</p>}>
          <p>PDF export</p>
        </FeatureGate>
      </>,
    );
    expect(screen.getByRole('heading', { name: 'Host app' })).toBeTruthy();
    expect(screen.getByText('PDF locked')).toBeTruthy();
    expect(warn.mock.calls.some((call) => String(call[0]).includes('<FeatureGate> must be used inside <UpgradeKitProvider>'))).toBe(true);
  });
});

function ProviderFor({ kit, children }: { kit: UpgradeKit; children: ReactNode }) {
  return <UpgradeKitProvider client={kit}>{children}</UpgradeKitProvider>;
}
