import type { CustomerActivity, UpgradeKitEvent } from '@upgradekit/core/report';
import { assertReadableFile } from '../files.js';
import { write, type Io } from '../io.js';
import { createProgress } from '../progress.js';
import { scanEvents, SHOWN_PROBLEMS, type EventScan } from './eventScan.js';

/**
 * Prints a scan's problems on stderr as `events.ndjson:12: at: expected number,
 * got string` (the first 20), then how many lines were skipped.
 */
export async function printProblems(path: string, io: Io, scan: EventScan): Promise<void> {
  for (const problem of scan.problems) await write(io.stderr, `${path}:${problem.line}: ${problem.reason}\n`);
  const { skipped } = scan;
  if (skipped > 0) await write(io.stderr, `${path}: ${skipped} malformed line${skipped === 1 ? '' : 's'} skipped${skipped > SHOWN_PROBLEMS ? ` (the first ${SHOWN_PROBLEMS} shown above)` : ''}\n`);
}

/**
 * Streams an NDJSON file of events into `onEvent` (with the line it was read
 * from) and `onActivity` (see `ScanOptions`), in file order and bounded memory,
 * with a progress bar on a terminal.
 * Malformed lines are skipped, counted and reported on stderr (see `printProblems`).
 */
export async function readEvents(
  path: string,
  io: Io,
  onEvent: (event: UpgradeKitEvent, line: string) => void,
  onActivity?: (activity: CustomerActivity) => void,
): Promise<EventScan> {
  const progress = createProgress(io, path, await assertReadableFile(path));
  let scan: EventScan;
  try {
    scan = await scanEvents(path, onEvent, { onProgress: (bytes) => progress.update(bytes), onActivity });
  } finally {
    progress.stop();
  }
  await printProblems(path, io, scan);
  return scan;
}
