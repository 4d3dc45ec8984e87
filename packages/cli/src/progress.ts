import { SingleBar } from 'cli-progress';
import type { Io } from './io.js';

export interface Progress {
  /** Sets how far it got, in the unit of `total`. */
  update(done: number): void;
  stop(): void;
}

const SILENT: Progress = { update: () => {}, stop: () => {} };

/**
 * A progress bar on stderr, only when stderr is a terminal: piped or redirected
 * output (CI, tests, `> file`) stays free of control characters. cli-progress
 * draws nothing without a TTY either; checking first also skips its timer.
 */
export function createProgress(io: Io, label: string, total: number): Progress {
  if (!io.interactive || !(total > 0)) return SILENT;
  const bar = new SingleBar({ format: `${label} [{bar}] {percentage}% | {eta_formatted} left`, stream: io.stderr as NodeJS.WriteStream, hideCursor: true, clearOnComplete: true, fps: 10 });
  bar.start(total, 0);
  return { update: (done) => bar.update(Math.min(done, total)), stop: () => bar.stop() };
}
