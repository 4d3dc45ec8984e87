import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { createBrowserPlatform, createPromptEngine } from '@upgradekit/core';
import { PromptOutlet, UpgradeKitProvider, useUpgradeKit, type Messages, type UpgradeContext } from '@upgradekit/react';
import { loadAccount, resetDemo, toCustomer, type Account } from './backend';
import { createCheckout } from './billing';
import { completeCheckout } from './checkoutReturn';
import { createDemoClock } from './clock';
import { collectorSinks } from './collector';
import { ClockControl } from './components/ClockControl';
import { EventsPanel } from './components/EventsPanel';
import { Header } from './components/Header';
import { ProjectsSection } from './components/ProjectsSection';
import { ReportPanel } from './components/ReportPanel';
import { UsageSection } from './components/UsageSection';
import { WhyPanel } from './components/WhyPanel';
import { config } from './config';
import { eventLog } from './eventLog';

// The demo's "now" (the clock control moves it) and what the backend embeds in the page: made once.
const clock = createDemoClock(createBrowserPlatform());
const account = loadAccount(clock.now());
const customer = toCustomer(account);
const sinks = collectorSinks(clock.platform);
// Copy overrides, as a host app words things its own way.
const messages: Messages = { trialEndingTitle: '{days} left in your {feature} trial' };

/** The host's checkout: a session with what the CTA offers, then a real navigation to the checkout page. */
function openCheckout(plan: string, context: UpgradeContext) {
  const addOns = context.upgrade?.plan === plan ? context.upgrade.addOns : [];
  location.assign(createCheckout({ plan, addOns }, context.checkoutContext, new URL(location.href)));
}

/** Applies a return from checkout once the client exists. */
function CheckoutReturn({ account: owner, onNotice }: { account: Account; onNotice: (message: string) => void }) {
  const kit = useUpgradeKit();
  useEffect(() => {
    const message = completeCheckout(kit, owner, new URL(location.href));
    if (message) onNotice(message);
  }, [kit, owner, onNotice]);
  return null;
}

export function App() {
  // Everything that reads the time renders again when the clock moves.
  const clockOffset = useSyncExternalStore(clock.subscribe, clock.getSnapshot, clock.getSnapshot);
  const [notice, setNotice] = useState('');
  const onNotice = useCallback((message: string) => setNotice(message), []);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(''), 8000);
    return () => clearTimeout(timer);
  }, [notice]);

  return (
    <UpgradeKitProvider
      config={config}
      customer={customer}
      platform={clock.platform}
      prompts={createPromptEngine}
      sinks={sinks}
      onEvent={eventLog.add}
      onUpgrade={openCheckout}
      locale="en-US"
      messages={messages}
    >
      <CheckoutReturn account={account} onNotice={onNotice} />
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header workspace={account.workspace} />
      <div className="shell">
        <main id="main" className="workspace" tabIndex={-1}>
          <div className="alerts">
            <PromptOutlet />
          </div>
          <ProjectsSection account={account} onNotice={onNotice} />
          <UsageSection onNotice={onNotice} />
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
          <ClockControl clock={clock} />
          <WhyPanel clockOffset={clockOffset} />
          <EventsPanel />
        </aside>
        <ReportPanel />
      </div>
      <footer className="footer">
        <p>Acme Projects · Plans: Free, Pro $29/month, Team $948/year · Test mode: no card is ever charged.</p>
      </footer>
    </UpgradeKitProvider>
  );
}
