'use client';
import { useSyncExternalStore } from 'react';
import type { UpgradeKit } from '@upgradekit/core';
import { useKitContext } from '../context.js';

/** The client of the nearest `<UpgradeKitProvider>`; throws a precise error outside one. */
export function useUpgradeKit(): UpgradeKit {
  return useKitContext().kit;
}

/**
 * One `useSyncExternalStore` over the client. `read` must return the same object
 * while its slice is unchanged (core's `check`, `getTrial` and `getPrompts` do),
 * so a change elsewhere re-renders nothing here. The server snapshot is the same
 * read: the client was created from the bootstrap customer on both sides.
 */
export function useKitValue<T>(kit: UpgradeKit, read: () => T): T {
  return useSyncExternalStore(kit.subscribe, read, read);
}
