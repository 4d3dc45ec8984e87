import { parseEvent, type CustomerActivity, type UpgradeKitEvent } from '@upgradekit/core/report';
import { readCanonicalActivity, readCanonicalEvent } from './canonicalEvent.js';
import { isShardLine, type Shard } from './customerShard.js';
import { MAX_LINE_CHARS, readLines } from './lineReader.js';

/** Problems kept to be printed one by one; the rest are counted. */
export const SHOWN_PROBLEMS = 20;

/** A line that was skipped, and why. */
export interface LineProblem {
  line: number;
  reason: string;
}

export interface EventScan {
  /** Lines read, blank ones included. */
  lines: number;
  /** Events handed on. */
  events: number;
  /** Lines that were not a valid event: not JSON, or refused by `parseEvent`. */
  skipped: number;
  /** The first `SHOWN_PROBLEMS` skipped lines, in line order. */
  problems: LineProblem[];
}

export interface ScanOptions {
  /** Only the lines of this shard's customers (see `customerShard.ts`); default every line. */
  shard?: Shard | undefined;
  /** Bytes read so far, after each chunk. */
  onProgress?: ((bytes: number) => void) | undefined;
  /**
   * Takes the events that count only as their customer's activity (see
   * `ReportAccumulator.addActivity`) when they are in the SDK's own shape, which
   * saves building them; they go to `onEvent` otherwise. Counted as events.
   */
  onActivity?: ((activity: CustomerActivity) => void) | undefined;
}

/** The event on a line, or why the line is not one; `null` for a blank line. */
function eventOfLine(text: string): UpgradeKitEvent | string | null {
  const canonical = readCanonicalEvent(text);
  if (canonical) return canonical;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (!text.trim()) return null;
    return `not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  const result = parseEvent(value);
  return result.success ? result.event : result.error;
}

/**
 * Streams an NDJSON file of events into `onEvent` (with the line it was read
 * from), in file order and bounded memory. Blank lines are ignored; a line that
 * is not JSON, or not an event `parseEvent` accepts, is skipped and counted.
 */
export async function scanEvents(path: string, onEvent: (event: UpgradeKitEvent, line: string) => void, options: ScanOptions = {}): Promise<EventScan> {
  const { shard, onProgress, onActivity } = options;
  const scan: EventScan = { lines: 0, events: 0, skipped: 0, problems: [] };
  const skip = (line: number, reason: string) => {
    scan.skipped++;
    if (scan.problems.length < SHOWN_PROBLEMS) scan.problems.push({ line, reason });
  };
  scan.lines = await readLines(path, {
    line(text, lineNumber) {
      if (shard && !isShardLine(text, shard)) return;
      const activity = onActivity && readCanonicalActivity(text);
      if (activity) {
        scan.events++;
        return onActivity!(activity);
      }
      const event = eventOfLine(text);
      if (event === null) return;
      if (typeof event === 'string') return skip(lineNumber, event);
      scan.events++;
      onEvent(event, text);
    },
    tooLong: (lineNumber) => {
      if (!shard || shard.index === 0) skip(lineNumber, `longer than ${MAX_LINE_CHARS} characters`);
    },
    progress: onProgress,
  });
  return scan;
}

/** The scans of every shard of one file as one: their events and problems together, in line order. */
export function mergeScans(scans: readonly EventScan[]): EventScan {
  const problems = scans.flatMap((scan) => scan.problems).sort((a, b) => a.line - b.line);
  return {
    lines: Math.max(0, ...scans.map((scan) => scan.lines)),
    events: scans.reduce((sum, scan) => sum + scan.events, 0),
    skipped: scans.reduce((sum, scan) => sum + scan.skipped, 0),
    problems: problems.slice(0, SHOWN_PROBLEMS),
  };
}
