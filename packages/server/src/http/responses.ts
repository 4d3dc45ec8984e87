/*
 * Every answer is JSON; every error is `{ error, message, ...details }` with one
 * actionable sentence, thrown as an `HttpError` where it is found and turned into
 * a response in one place (`handler.ts`).
 */

export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;
  constructor(status: number, code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers } });
}

export function errorResponse(error: HttpError): Response {
  return json({ ...error.details, error: error.code, message: error.message }, error.status);
}

export const unauthorized = (message: string) => new HttpError(401, 'unauthorized', message);
export const badRequest = (code: string, message: string, details?: Record<string, unknown>) => new HttpError(400, code, message, details);
export const notFound = (code: string, message: string) => new HttpError(404, code, message);
