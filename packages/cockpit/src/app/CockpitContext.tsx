import { createContext, useContext } from 'react';
import type { Api } from '../api/createApi.js';

/** What every screen of a signed-in cockpit works with. */
export interface Cockpit {
  api: Api;
  /** The clock reporting ranges end at. */
  now: () => number;
  /** The live config's currency, for MRR figures. */
  currency: string;
  /** Ends the session when the server stops accepting the token. */
  signOut: (notice?: string) => void;
  /** Moves to another cockpit address (a path with its query). */
  navigate: (href: string) => void;
  /** The current `?range=` query, kept when moving between screens. */
  search: string;
}

export const CockpitContext = createContext<Cockpit | null>(null);

export function useCockpit(): Cockpit {
  const cockpit = useContext(CockpitContext);
  if (!cockpit) throw new Error('[upgradekit] cockpit screens render inside <Cockpit>.');
  return cockpit;
}
