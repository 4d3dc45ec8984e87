import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/** No event comes near this; a longer line is skipped, so one bad line cannot take all memory. */
export const MAX_LINE_CHARS = 1 << 20;
const CHUNK_BYTES = 1 << 20;

export interface LineHandlers {
  /** Each line without its line break, numbered from 1. */
  line(text: string, lineNumber: number): void;
  /** A line longer than `MAX_LINE_CHARS`, skipped unread. */
  tooLong(lineNumber: number): void;
  /** Bytes read so far, after each chunk (for progress). */
  progress?: ((bytes: number) => void) | undefined;
}

/**
 * Reads a file line by line in bounded memory: 1 MiB chunks, decoded as UTF-8
 * across chunk boundaries, split on `\n` (a `\r` before it is dropped). Calls
 * the handlers synchronously, so a caller that counts needs no queue. Resolves
 * with the number of lines.
 */
export async function readLines(path: string, handlers: LineHandlers): Promise<number> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let lineNumber = 0;
  let skipping = false;
  let bytes = 0;
  const emit = (text: string) => {
    lineNumber++;
    if (skipping) {
      skipping = false;
      handlers.tooLong(lineNumber);
    } else {
      handlers.line(text.endsWith('\r') ? text.slice(0, -1) : text, lineNumber);
    }
  };
  const take = (text: string) => {
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      emit(start === 0 && rest ? rest + text.slice(0, end) : text.slice(start, end));
      rest = '';
      start = end + 1;
    }
    rest = start === 0 ? rest + text : text.slice(start);
    if (rest.length > MAX_LINE_CHARS) {
      skipping = true;
      rest = '';
    }
  };
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    bytes += (chunk as Buffer).length;
    take(decoder.write(chunk as Buffer));
    handlers.progress?.(bytes);
  }
  take(decoder.end());
  if (rest || skipping) emit(rest);
  return lineNumber;
}
