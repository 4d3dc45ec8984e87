import { useCallback, useEffect, useState } from 'react';
import { createBrowserPlatform, createPromptEngine } from '@upgradekit/core';
import { LimitBanner, PromptOutlet, UpgradeKitProvider, type UpgradeContext } from '@upgradekit/react';
import { loadAccount, resetDemo, toCustomer } from './backend';
import { Checkout, type CheckoutRequest } from './components/Checkout';
import { EventsPanel } from './components/EventsPanel';
import { Header } from './components/Header';
import { ProjectsSection } from './components/ProjectsSection';
import { ReportPanel } from './components/ReportPanel';
import { UsageSection } from './components/UsageSection';
import { WhyPanel } from './components/WhyPanel';
import { config } from './config';
import { eventLog } from './eventLog';

// What the backend embeds in the page: read once, so the provider keeps one client.
const account = loadAccount();
const customer = toCustomer(account);
const platform = createBrowserPlatform();


export function App() {
  const [checkout, setCheckout] = useState<CheckoutRequest | null>(null);
  const [notice, setNotice] = useState('');
  const onUpgrade = useCallback((plan: string, context: UpgradeContext) => setCheckout({ plan, context }), []);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(''), 5000);
    return () => clearTimeout(timer);
  }, [notice]);

  return (
    <UpgradeKitProvider
      config={config}
      customer={customer}
      platform={platform}
      prompts={createPromptEngine}
      onEvent={eventLog.add}
      onUpgrade={onUpgrade}
      locale="en-US"
    >
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header workspace={account.workspace} />
      <div className="shell">
        <main id="main" className="workspace" tabIndex={-1}>
          <div className="alerts">
            <PromptOutlet />
            <LimitBanner feature="projects" />
          </div>
          <ProjectsSection account={account} onNotice={setNotice} />
          <UsageSection onNotice={setNotice} />
          <p role="status" className={notice ? 'toast' : 'toast toast--empty'}>
            {notice}
          </p>
        </main>
        <aside className="simulator" aria-labelledby="simulator-title">
          <div className="simulator__head">
            <div>
              <p className="eyebrow">PM simulator</p>
              <h2 id="simulator-title">Behind the scenes</h2>
            </div>
            <button
              type="button"
              className="btn btn--ghost btn--small"
              onClick={() => {
                resetDemo();
                location.reload();
              }}
            >
              Reset demo
            </button>
          </div>
          <WhyPanel />
          <EventsPanel />
        </aside>
        <ReportPanel />
      </div>
      <footer className="footer">
        <p>Acme Projects · Plans: Free, Pro $29/month, Team $948/year · Test mode: no card is ever charged.</p>
      </footer>
      <Checkout request={checkout} account={account} onClose={() => setCheckout(null)} onDone={setNotice} />
    </UpgradeKitProvider>
  );
}
