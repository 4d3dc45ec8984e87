import type { UpgradeKitEvent } from '@upgradekit/core';
import { checkEvent, mayBeUnstorable } from '../ingest/parseBatch.js';
import type { UpgradeKitStore } from '../store/types.js';

/*
 * History into the store: NDJSON (one event per line, as the CLI's `sample` and
 * exports write it) read as a stream, checked line by line with the schemas the
 * ingest route uses, and written in batches. Imported events never call webhooks:
 * history is not a moment anyone should act on.
 */

export interface ImportProgress {
  /** Lines read so far (blank ones included). */
  lines: number;
  /** Bytes read so far. */
  bytes: number;
  stored: number;
  duplicates: number;
  rejected: number;
}

export interface ImportOptions {
  /** The app the events belong to (as a write key's would). Default: `'default'`. */
  app?: string | undefined;
  /** Events per write. Default: `1000`. */
  batchSize?: number | undefined;
  /** Called after every batch is written, and once at the end. Default: none. */
  onProgress?: ((progress: ImportProgress) => void) | undefined;
}

export interface ImportResult extends ImportProgress {
  /** The first 100 refused lines, with their line number (from 1) and why. */
  errors: Array<{ line: number; reason: string }>;
}

/** Longer lines are refused, not buffered: an event is a few hundred bytes. */
const MAX_LINE = 1024 * 1024;
const MAX_ERRORS = 100;

/** Lines of a byte or text stream, each with its byte length (newline included). */
async function* lines(stream: AsyncIterable<Uint8Array | string>): AsyncGenerator<{ text: string; bytes: number }> {
  const decoder = new TextDecoder();
  let rest = '';
  for await (const chunk of stream) {
    rest += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = rest.indexOf('\n')) >= 0) {
      const text = rest.slice(0, end);
      rest = rest.slice(end + 1);
      yield { text, bytes: Buffer.byteLength(text) + 1 };
    }
    if (rest.length > MAX_LINE) {
      yield { text: rest, bytes: Buffer.byteLength(rest) };
      rest = '';
    }
  }
  rest += decoder.decode();
  if (rest) yield { text: rest, bytes: Buffer.byteLength(rest) };
}

function readLine(text: string): { event: UpgradeKitEvent } | { reason: string } | null {
  if (!text.trim()) return null;
  if (text.length > MAX_LINE) return { reason: `is over ${MAX_LINE} bytes` };
  try {
    return checkEvent(JSON.parse(text), mayBeUnstorable(text));
  } catch (error) {
    return { reason: `is not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** Loads NDJSON events into `store`; resolves with what was stored, skipped as already there, and refused. */
export async function importEvents(store: UpgradeKitStore, ndjson: AsyncIterable<Uint8Array | string>, options: ImportOptions = {}): Promise<ImportResult> {
  const app = options.app ?? 'default';
  const batchSize = Math.max(1, options.batchSize ?? 1000);
  const result: ImportResult = { lines: 0, bytes: 0, stored: 0, duplicates: 0, rejected: 0, errors: [] };
  const progress = () => options.onProgress?.({ lines: result.lines, bytes: result.bytes, stored: result.stored, duplicates: result.duplicates, rejected: result.rejected });
  let batch: UpgradeKitEvent[] = [];
  const write = async () => {
    if (!batch.length) return;
    const written = await store.ingest(app, batch, { firings: [], onceWithinMs: 0, now: Date.now() });
    result.stored += written.stored;
    result.duplicates += written.duplicates;
    batch = [];
    progress();
  };
  for await (const line of lines(ndjson)) {
    result.lines++;
    result.bytes += line.bytes;
    const read = readLine(line.text);
    if (read === null) continue;
    if ('reason' in read) {
      result.rejected++;
      if (result.errors.length < MAX_ERRORS) result.errors.push({ line: result.lines, reason: read.reason });
    } else if (batch.push(read.event) >= batchSize) await write();
  }
  await write();
  progress();
  return result;
}
