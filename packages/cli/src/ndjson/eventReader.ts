import { parseEvent, type UpgradeKitEvent } from '@upgradekit/core/report';
import { write, type Io } from '../io.js';
import { createProgress } from '../progress.js';
import { assertReadableFile } from '../files.js';
import { MAX_LINE_CHARS, readLines } from './lineReader.js';

/** Problems printed one by one; the rest are counted. */
export const SHOWN_PROBLEMS = 20;

export interface EventReadSummary {
  /** Lines read, blank ones included. */
  lines: number;
  /** Events handed on. */
  events: number;
  /** Lines that were not a valid event: not JSON, or refused by `parseEvent`. */
  skipped: number;
}

/**
 * Streams an NDJSON file of events into `onEvent` (with the line it was read
 * from), in file order and bounded memory. Blank lines are ignored. A line that is not JSON, or not an event
 * `parseEvent` accepts, is skipped and reported on stderr as
 * `events.ndjson:12: at: expected number, got string` (the first 20, then a count).
 */
export async function readEvents(path: string, io: Io, onEvent: (event: UpgradeKitEvent, line: string) => void): Promise<EventReadSummary> {
  const size = await assertReadableFile(path);
  const progress = createProgress(io, path, size);
  const problems: string[] = [];
  let events = 0;
  let skipped = 0;
  const skip = (lineNumber: number, reason: string) => {
    skipped++;
    if (problems.length < SHOWN_PROBLEMS) problems.push(`${path}:${lineNumber}: ${reason}\n`);
  };
  let lines = 0;
  try {
    lines = await readLines(path, {
      line(text, lineNumber) {
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch (error) {
          if (!text.trim()) return;
          skip(lineNumber, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
          return;
        }
        const result = parseEvent(value);
        if (!result.success) return skip(lineNumber, result.error);
        events++;
        onEvent(result.event, text);
      },
      tooLong: (lineNumber) => skip(lineNumber, `longer than ${MAX_LINE_CHARS} characters`),
      progress: (bytes) => progress.update(bytes),
    });
  } finally {
    progress.stop();
  }
  for (const problem of problems) await write(io.stderr, problem);
  if (skipped > 0) await write(io.stderr, `${path}: ${skipped} malformed line${skipped === 1 ? '' : 's'} skipped${skipped > SHOWN_PROBLEMS ? ` (the first ${SHOWN_PROBLEMS} shown above)` : ''}\n`);
  return { lines, events, skipped };
}
