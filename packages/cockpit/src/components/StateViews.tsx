import type { ReactNode } from 'react';
import type { ApiProblem } from '../api/problem.js';
import type { Resource } from '../app/useResource.js';

/** A view that is still loading: announced politely, so a screen reader hears it once. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="state state--loading" role="status" data-state="loading">
      <span className="spinner" aria-hidden="true" />
      Loading {what}…
    </p>
  );
}

const TITLES: Record<ApiProblem['kind'], string> = {
  network: 'The server cannot be reached',
  unauthorized: 'The token was not accepted',
  not_found: 'Not found',
  invalid_config: 'The config was rejected',
  server: 'The server reported an error',
  invalid_answer: 'Unexpected answer from the server',
};

/** A view that failed: what happened, and a retry where one can help. */
export function ErrorState({ problem, onRetry }: { problem: ApiProblem; onRetry?: () => void }) {
  return (
    <div className="state state--error" role="alert" data-state="error" data-problem={problem.kind}>
      <p className="state__title">{TITLES[problem.kind]}</p>
      <p>{problem.message}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** A view with nothing to show yet, and what would change that. */
export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state--empty" data-state="empty">
      <p className="state__title">{title}</p>
      {children}
    </div>
  );
}

/** Renders a resource's loading and error states, and `children(data)` once it is there. */
export function Loaded<T>({ resource, what, onRetry, children }: { resource: Resource<T>; what: string; onRetry: () => void; children: (data: T) => ReactNode }) {
  if (resource.status === 'loading') return <Loading what={what} />;
  if (resource.status === 'error') return <ErrorState problem={resource.problem} onRetry={onRetry} />;
  return <>{children(resource.data)}</>;
}

/** The empty state of a report with no events in its range. */
export function NoEvents() {
  return (
    <Empty title="No events yet">
      <p>
        Nothing has been recorded in this range. Events arrive once an app sends them to this server with the HTTP sink (<code>createHttpSink</code>), or
        load a history with <code>upgradekit sample</code>; or pick a wider range.
      </p>
    </Empty>
  );
}
