import { createStore, type StoreApi } from 'zustand/vanilla';
import { problemOf } from '../api/problem.js';

/** Where the token is kept: the tab's `sessionStorage`, so closing the tab signs out. */
export interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface SessionState {
  /** `checking`: a token from storage is being checked with the server. */
  status: 'checking' | 'signed_out' | 'signed_in';
  token: string | null;
  /** Who publishes, for the config history; empty for the server's default. */
  author: string;
  /** Why the session ended or a sign-in failed, shown on the sign-in screen. */
  notice: string | null;
}

export interface SessionActions {
  /** Checks the token with the server (`GET /api/session`); keeps it only when accepted. */
  signIn(token: string, author: string): Promise<void>;
  /** Forgets the token; `notice` tells the sign-in screen why. */
  signOut(notice?: string): void;
}

export type SessionStore = StoreApi<SessionState & SessionActions>;

const TOKEN = 'upgradekit.cockpit.token';
const AUTHOR = 'upgradekit.cockpit.author';

/**
 * The signed-in state of one cockpit. `check` asks the server whether a token is
 * the admin token. A token kept from earlier in the tab is checked again at once.
 */
export function createSessionStore(storage: TokenStorage | null, check: (token: string) => Promise<void>): SessionStore {
  const kept = storage?.getItem(TOKEN) ?? null;
  const store = createStore<SessionState & SessionActions>()((set) => ({
    status: kept ? 'checking' : 'signed_out',
    token: kept,
    author: storage?.getItem(AUTHOR) ?? '',
    notice: null,
    async signIn(token, author) {
      set({ status: 'checking', notice: null });
      try {
        await check(token);
      } catch (error) {
        const problem = problemOf(error);
        const notice = problem.kind === 'unauthorized' ? 'That is not the admin token of this server. Check the token `upgradekit serve` was started with.' : problem.message;
        set({ status: 'signed_out', token: null, notice });
        return;
      }
      storage?.setItem(TOKEN, token);
      storage?.setItem(AUTHOR, author);
      set({ status: 'signed_in', token, author, notice: null });
    },
    signOut(notice) {
      storage?.removeItem(TOKEN);
      set({ status: 'signed_out', token: null, notice: notice ?? null });
    },
  }));
  if (kept) {
    check(kept).then(
      () => store.setState({ status: 'signed_in' }),
      (error: unknown) => {
        const problem = problemOf(error);
        // A server that is down now may accept the token later: keep it, and say so.
        if (problem.kind === 'unauthorized') store.getState().signOut('The server no longer accepts the saved token; sign in again.');
        else store.setState({ status: 'signed_out', notice: problem.message });
      },
    );
  }
  return store;
}
