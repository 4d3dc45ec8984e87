import { badRequest, HttpError } from './responses.js';

/*
 * Request bodies, read with a size cap before anything is parsed: a body over the
 * cap is refused as soon as its declared length or its bytes so far say so, and
 * never held in memory whole.
 */

/** The media type without parameters: `application/json; charset=utf-8` → `application/json`. */
export const mediaType = (request: Request) => (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();

/** Refuses a body whose media type is not one of `accepted` (415). */
export function requireMediaType(request: Request, accepted: readonly string[]): void {
  const type = mediaType(request);
  if (accepted.includes(type)) return;
  throw new HttpError(415, 'unsupported_media_type', `Send the body as ${accepted.join(' or ')} (got ${type ? `"${type}"` : 'no content-type'}).`, { accepted });
}

const tooLarge = (limit: number) =>
  new HttpError(413, 'body_too_large', `The body is over ${limit} bytes; send smaller batches, or raise limits.maxBodyBytes on the server.`, { limit });

/** The body as text, at most `limit` bytes of UTF-8. */
export async function readText(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get('content-length'));
  if (declared > limit) {
    await request.body?.cancel().catch(() => {});
    throw tooLarge(limit);
  }
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw badRequest('invalid_encoding', 'The body is not valid UTF-8; send JSON encoded as UTF-8.');
  }
}

/** The body parsed as JSON, at most `limit` bytes. */
export async function readJson(request: Request, limit: number): Promise<unknown> {
  return parseJson(await readText(request, limit));
}

/** JSON text parsed, or a 400 that says what is wrong with it. */
export function parseJson(text: string): unknown {
  if (!text.trim()) throw badRequest('invalid_json', 'The body is empty; send a JSON document.');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw badRequest('invalid_json', `The body is not valid JSON (${error instanceof Error ? error.message : String(error)}); send a JSON document.`);
  }
}

/** A JSON object body (`application/json`, at most `limit` bytes), or a 4xx that says what to send. */
export async function readJsonObject(request: Request, limit: number): Promise<Record<string, unknown>> {
  requireMediaType(request, ['application/json']);
  const body = await readJson(request, limit);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('invalid_body', 'Send a JSON object.');
  return body as Record<string, unknown>;
}
