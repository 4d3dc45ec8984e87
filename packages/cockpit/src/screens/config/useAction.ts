import { useCallback, useState } from 'react';
import { problemOf, type ApiProblem } from '../../api/problem.js';
import { useCockpit } from '../../app/CockpitContext.js';

/** A one-shot server action (simulate, publish, roll back) and how its last run went. */
export type ActionState<T> = { status: 'idle' } | { status: 'running' } | { status: 'done'; result: T } | { status: 'error'; problem: ApiProblem };

/** `[state, run, reset]`: `run` starts the action; a 401 ends the session as every view does. */
export function useAction<A extends unknown[], T>(action: (...args: A) => Promise<T>): [ActionState<T>, (...args: A) => Promise<T | undefined>, () => void] {
  const { signOut } = useCockpit();
  const [state, setState] = useState<ActionState<T>>({ status: 'idle' });
  const run = useCallback(
    async (...args: A) => {
      setState({ status: 'running' });
      try {
        const result = await action(...args);
        setState({ status: 'done', result });
        return result;
      } catch (error) {
        const problem = problemOf(error);
        if (problem.kind === 'unauthorized') signOut('The server no longer accepts this token; sign in again.');
        setState({ status: 'error', problem });
        return undefined;
      }
    },
    [action, signOut],
  );
  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return [state, run, reset];
}
