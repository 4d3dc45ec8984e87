import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { createApi } from '../api/createApi.js';
import { Loading } from '../components/StateViews.js';
import { SignIn } from '../screens/SignIn.js';
import { createSessionStore, type TokenStorage } from '../session/sessionStore.js';
import { CockpitContext } from './CockpitContext.js';
import { Screen } from './Screen.js';
import { Shell } from './Shell.js';
import { routeOf } from './route.js';
import { useCurrency } from './useCurrency.js';
import { useLocation } from './useLocation.js';

export interface CockpitProps {
  /** Default: the global `fetch`. Tests pass an in-process server. */
  fetch?: typeof fetch;
  /** Where the API lives. Default: `/api`. */
  base?: string;
  /** Where the token is kept. Default: `sessionStorage`. */
  storage?: TokenStorage | null;
  /** The clock reporting ranges end at. Default: `Date.now`. */
  now?: () => number;
}

/** The whole cockpit: sign-in, then the screen the address names. */
export function Cockpit({ fetch, base, storage = typeof sessionStorage === 'undefined' ? null : sessionStorage, now = Date.now }: CockpitProps) {
  const [session] = useState(() => createSessionStore(storage, (token) => createApi({ token, fetch, base }).checkSession()));
  const state = useStore(session);
  if (state.status === 'signed_in' && state.token) return <SignedIn key={state.token} token={state.token} author={state.author} fetch={fetch} base={base} now={now} signOut={state.signOut} />;
  if (state.status === 'checking' && state.token && !state.notice) {
    return (
      <main className="signin" id="main">
        <Loading what="your session" />
      </main>
    );
  }
  return <SignIn session={state} onSignIn={(token, author) => void state.signIn(token, author)} />;
}

function SignedIn({ token, author, fetch, base, now, signOut }: { token: string; author: string; fetch: typeof globalThis.fetch | undefined; base: string | undefined; now: () => number; signOut: (notice?: string) => void }) {
  const api = useMemo(() => createApi({ token, fetch, base, author }), [token, fetch, base, author]);
  const [pathname, search, navigate] = useLocation();
  const currency = useCurrency(api);
  // The store's actions are stable, so the context changes only with what screens read.
  const cockpit = useMemo(() => ({ api, now, signOut, navigate, search, currency }), [api, now, signOut, navigate, search, currency]);
  const route = routeOf(pathname);
  return (
    <CockpitContext.Provider value={cockpit}>
      <Shell route={route} search={search} onSignOut={() => signOut()}>
        <Screen key={route.screen === 'trigger' ? `trigger:${route.triggerId}` : route.screen} route={route} />
      </Shell>
    </CockpitContext.Provider>
  );
}
