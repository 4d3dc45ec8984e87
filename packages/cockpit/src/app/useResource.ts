import { useCallback, useEffect, useState } from 'react';
import { problemOf, type ApiProblem } from '../api/problem.js';
import { useCockpit } from './CockpitContext.js';

/** Something a screen loads: loading, there, or failed with a reason. */
export type Resource<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; problem: ApiProblem };

/**
 * Loads with `load` whenever `key` changes, and again on `reload()`. An answer to
 * an earlier key is dropped, so a fast range change never shows stale figures. A
 * 401 ends the session: the token stopped being accepted.
 */
export function useResource<T>(key: string, load: () => Promise<T>): [Resource<T>, () => void] {
  const { signOut } = useCockpit();
  const [state, setState] = useState<{ key: string; attempt: number; resource: Resource<T> }>({ key, attempt: 0, resource: { status: 'loading' } });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setState({ key, attempt, resource: { status: 'loading' } });
    load().then(
      (data) => current && setState({ key, attempt, resource: { status: 'ready', data } }),
      (error: unknown) => {
        if (!current) return;
        const problem = problemOf(error);
        if (problem.kind === 'unauthorized') signOut('The server no longer accepts this token; sign in again.');
        setState({ key, attempt, resource: { status: 'error', problem } });
      },
    );
    return () => {
      current = false;
    };
    // `load` is a new closure each render; `key` names what it loads.
  }, [key, attempt, signOut]);
  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  const fresh = state.key === key && state.attempt === attempt;
  return [fresh ? state.resource : { status: 'loading' }, reload];
}
