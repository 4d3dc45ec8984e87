import { useMemo } from 'react';
import type { Range } from '../api/createApi.js';
import { useCockpit } from './CockpitContext.js';
import { rangeOf, windowOf } from './route.js';

/** The reporting window the `?range=` query names, and a key that changes with it. */
export function useWindow(): { range: Range; key: string } {
  const { search, now } = useCockpit();
  const id = rangeOf(search);
  // Computed once per range choice, so a re-render does not move the window and reload.
  return useMemo(() => ({ range: windowOf(id, now()), key: id }), [id, now]);
}
