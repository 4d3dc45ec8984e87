import { useSyncExternalStore } from 'react';

/** The app's sections, each a route: `#projects`, `#usage`, `#reports`; no hash is the first. */
export const ROUTES = [
  { id: 'projects', label: 'Projects' },
  { id: 'usage', label: 'Usage' },
  { id: 'reports', label: 'Reports' },
] as const;
export type Route = (typeof ROUTES)[number]['id'];

function current(): Route {
  const hash = globalThis.location?.hash.slice(1);
  return ROUTES.find((route) => route.id === hash)?.id ?? 'projects';
}

function subscribe(listener: () => void) {
  globalThis.addEventListener('hashchange', listener);
  return () => globalThis.removeEventListener('hashchange', listener);
}

/** The route in the address bar: what the navigation marks with `aria-current="page"`. */
export const useRoute = (): Route => useSyncExternalStore(subscribe, current, () => 'projects');
