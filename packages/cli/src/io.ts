import type { Writable } from 'node:stream';

/** Where a command writes: its result on `stdout`, diagnostics and progress on `stderr`. */
export interface Io {
  stdout: Writable;
  stderr: Writable;
  /** Whether stderr is a terminal: progress bars are drawn only then. */
  interactive: boolean;
}

/** The process's own streams. */
export const processIo = (): Io => ({ stdout: process.stdout, stderr: process.stderr, interactive: process.stderr.isTTY === true });

/** Writes `text` and waits while the stream is full, so a large output stays in bounded memory. */
export async function write(stream: Writable, text: string): Promise<void> {
  if (stream.write(text)) return;
  await new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => {
      stream.off('drain', done);
      stream.off('error', done);
      if (error) reject(error);
      else resolve();
    };
    stream.once('drain', done);
    stream.once('error', done);
  });
}
