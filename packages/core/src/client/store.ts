import { createStore } from 'zustand/vanilla';
import { persist, subscribeWithSelector, type PersistOptions } from 'zustand/middleware';
import type { KitState, Stored } from './state.js';

export type { KitState } from './state.js';

/**
 * The client's zustand store: `subscribeWithSelector` for `select()`, `persist`
 * for what survives a reload (see `persistence.ts`).
 */
export function createKitStore(initial: KitState, persistence: PersistOptions<KitState, Stored>) {
  return createStore<KitState>()(subscribeWithSelector(persist(() => initial, persistence)));
}

export type KitStore = ReturnType<typeof createKitStore>;
