import { useCallback, useSyncExternalStore } from 'react';

/*
 * The address bar as React state: the History API, no router library. The server
 * answers every non-API path with index.html, so any cockpit address can be
 * reloaded or shared.
 */

const subscribe = (onChange: () => void) => {
  window.addEventListener('popstate', onChange);
  return () => window.removeEventListener('popstate', onChange);
};
const snapshot = () => `${location.pathname}${location.search}`;

/** `[pathname, search, navigate]`; `navigate(href)` pushes a new entry and re-renders. */
export function useLocation(): [string, string, (href: string) => void] {
  const href = useSyncExternalStore(subscribe, snapshot, () => '/');
  const navigate = useCallback((next: string) => {
    if (next === snapshot()) return;
    history.pushState(null, '', next);
    // pushState fires no event of its own: tell every subscriber.
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, []);
  const url = new URL(href, 'http://cockpit.invalid');
  return [url.pathname, url.search, navigate];
}
