import { createContext, useContext, useLayoutEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { createPromptEngine, type ConfigInput, type CustomerInput, type UpgradeKit, type UpgradeKitEvent } from '@upgradekit/core';
import type { UpgradeContext } from '../context.js';
import { useUpgradeKit } from '../hooks/useUpgradeKit.js';
import { UpgradeKitProvider } from '../UpgradeKitProvider.js';
import { createSimulatedClock, simulatedPlatform, type SimulatedClock } from './clock.js';
import { NOW } from './config.js';
import { germanMessages } from './germanMessages.js';

/** The host callbacks a story spies on. */
export interface StoryCallbacks {
  onUpgrade?: ((plan: string, context: UpgradeContext) => void) | undefined;
  onContactSales?: ((context: UpgradeContext) => void) | undefined;
  onEvent?: ((event: UpgradeKitEvent) => void) | undefined;
}

/**
 * What happened before the story opens, played on its own client and clock: the
 * clock starts at `from`, `play` uses the client as the app would (gate hits,
 * prompts shown and dismissed, clock advances), and then the clock runs on to
 * `NOW`, where the story opens. The engine's state on screen is what that history left.
 */
export interface StoryHistory {
  /** When the story's clock starts. Before `NOW`. */
  from: number;
  play(kit: UpgradeKit, clock: SimulatedClock): void;
}

export interface KitClientProps {
  config: ConfigInput;
  customer: CustomerInput;
  locale: string | undefined;
  callbacks: StoryCallbacks;
  /** How far the toolbar has moved the clock (the `clock` global, ms): each increase advances it by the difference. */
  elapsed: number;
  history?: StoryHistory | undefined;
  children: ReactNode;
}

const ClockContext = createContext<SimulatedClock | null>(null);

/** The story's clock, re-rendering on each advance; for clock bars and panels that show time-dependent state. */
export function useStoryClock(): { now: number; advance(ms: number): void } {
  const clock = useContext(ClockContext);
  if (!clock) throw new Error('useStoryClock(): render inside a story (the kit decorator) or <StoryKit>');
  const now = useSyncExternalStore(clock.subscribe, clock.now);
  return { now, advance: clock.advance };
}

let latestKit: UpgradeKit | null = null;

/** The client of the story on screen (the last one made), for play functions that check what it stored. */
export function currentKit(): UpgradeKit {
  if (!latestKit) throw new Error('currentKit(): no story has rendered a client yet');
  return latestKit;
}

/**
 * `<UpgradeKitProvider>` over a memory platform on a simulated clock that starts at
 * `NOW` (or the history's start) and moves only when the toolbar, a clock bar or a
 * play function advances it.
 */
export function KitClient({ config, customer, locale, callbacks, elapsed, history, children }: KitClientProps) {
  // The spies can be new objects between renders: the client calls whichever is current.
  const latest = useRef(callbacks);
  latest.current = callbacks;
  const [clock] = useState(() => createSimulatedClock(history?.from ?? NOW));
  const [platform] = useState(() => simulatedPlatform(clock));
  // After the history (a child's layout effect runs first), so the toolbar's time is added on top of NOW.
  const applied = useRef(0);
  useLayoutEffect(() => {
    if (elapsed > applied.current) clock.advance(elapsed - applied.current);
    applied.current = elapsed;
  }, [clock, elapsed]);
  // The provider makes (and destroys) the client from these options, read once on mount.
  return (
    <ClockContext.Provider value={clock}>
      <UpgradeKitProvider
        config={config}
        customer={customer}
        platform={platform}
        prompts={createPromptEngine}
        onEvent={(event) => latest.current.onEvent?.(event)}
        locale={locale ?? 'en-US'}
        {...(locale?.startsWith('de') && { messages: germanMessages })}
        onUpgrade={(plan, context) => latest.current.onUpgrade?.(plan, context)}
        onContactSales={(context) => latest.current.onContactSales?.(context)}
      >
        <ExposeKit />
        {history ? <AfterHistory history={history}>{children}</AfterHistory> : children}
      </UpgradeKitProvider>
    </ClockContext.Provider>
  );
}

/** Records the provider's client for `currentKit()`. */
function ExposeKit() {
  latestKit = useUpgradeKit();
  return null;
}

/** Plays the history once, before the story's content mounts, so nothing on screen reacts to the past. */
function AfterHistory({ history, children }: { history: StoryHistory; children: ReactNode }) {
  const kit = useUpgradeKit();
  const clock = useContext(ClockContext)!;
  const played = useRef(false);
  const [ready, setReady] = useState(false);
  useLayoutEffect(() => {
    // Strict Mode runs effects twice on mount; the history happened once.
    if (played.current) return;
    played.current = true;
    history.play(kit, clock);
    if (clock.now() < NOW) clock.advance(NOW - clock.now());
    setReady(true);
  }, [kit, clock, history]);
  return ready ? children : null;
}
