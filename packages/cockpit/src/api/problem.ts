import type { ConfigIssue } from './schemas/config.js';

/**
 * Why a call to the server failed, in the terms a screen shows: each kind has
 * its own message and what to do about it.
 */
export type ApiProblem =
  /** No answer at all: the server is down or unreachable. */
  | { kind: 'network'; message: string }
  /** 401: the admin token is missing or wrong. */
  | { kind: 'unauthorized'; message: string }
  /** 404 with the server's code (`no_config`, `unknown_customer`, ...). */
  | { kind: 'not_found'; code: string; message: string }
  /** 422: the server rejected a config; each issue has its path. */
  | { kind: 'invalid_config'; message: string; issues: ConfigIssue[] }
  /** Any other error status. */
  | { kind: 'server'; status: number; message: string }
  /** An answer that is not what this cockpit expects (another server version?). */
  | { kind: 'invalid_answer'; message: string };

/** Thrown by the API client; `problem` says what went wrong. */
export class ApiError extends Error {
  readonly problem: ApiProblem;

  constructor(problem: ApiProblem) {
    super(problem.message);
    this.name = 'ApiError';
    this.problem = problem;
  }
}

/** The problem behind any failure: an `ApiError`'s, or an unexpected error's as `invalid_answer`. */
export function problemOf(error: unknown): ApiProblem {
  if (error instanceof ApiError) return error.problem;
  return { kind: 'invalid_answer', message: error instanceof Error ? error.message : String(error) };
}
