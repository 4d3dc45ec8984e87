'use client';
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * `false` on the server and while hydrating, `true` after: what renders into a
 * portal under `<body>` waits for it, so the hydrated markup matches the server's.
 * A client-only render gets `true` at once.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
