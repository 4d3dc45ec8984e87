import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { upgradekit } from '../../../scripts/upgradekitProcess.mjs';

const DAY = 864e5;

/** The history the cockpit opens on: 300 customers over the 6 weeks before the first run. */
export const SEED = { customers: 300, days: 42, seed: 1 };

const MARKER = 'demo-seed.json';

async function readMarker(path) {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return null;
  }
}

/** `upgradekit sample ... | upgradekit import -`: both run at once, the store fills as the history is made. */
async function sampleIntoStore({ dataDir, configPath, start, app }) {
  const sample = upgradekit(['sample', '--config', configPath, '--customers', String(SEED.customers), '--days', String(SEED.days), '--seed', String(SEED.seed), '--start', start]);
  const load = upgradekit(['import', '-', '--data-dir', dataDir, '--app', app], { stdin: sample.child.stdout });
  load.collect();
  const [made, loaded] = await Promise.all([sample.exited, load.exited]);
  if (made.code !== 0) throw new Error(`upgradekit sample failed (exit code ${made.code}); see above.`);
  if (loaded.code !== 0) throw new Error(`upgradekit import failed (exit code ${loaded.code}): ${loaded.stdout.trim() || 'see above.'}`);
  return Number(/([\d,]+) stored/.exec(loaded.stdout)?.[1]?.replaceAll(',', '') ?? NaN);
}

/**
 * Seeds the demo's store once with `upgradekit sample` history, ending the day
 * before the first run (the app's own events come after it). A marker in the
 * data directory says it is done; a seeding that was interrupted is run again
 * with the same start date, so the same events are made and the ones already
 * stored are skipped, never stored twice.
 *
 * @param {{ dataDir: string, configPath: string, app: string, log: (line: string) => void }} options
 * @returns {Promise<{ seeded: boolean, events: number, start: string, ms: number }>}
 */
export async function seedOnce({ dataDir, configPath, app, log }) {
  const markerPath = join(dataDir, MARKER);
  const marker = await readMarker(markerPath);
  if (marker?.done) return { seeded: false, events: marker.events, start: marker.start, ms: 0 };
  const start = marker?.start ?? new Date(Date.now() - SEED.days * DAY).toISOString().slice(0, 10);
  await mkdir(dataDir, { recursive: true });
  await writeFile(markerPath, `${JSON.stringify({ ...SEED, start, done: false })}\n`);
  log(`Seeding the store with ${SEED.customers} customers over ${SEED.days} days from ${start} (upgradekit sample | upgradekit import, once)...`);
  const began = performance.now();
  const events = await sampleIntoStore({ dataDir, configPath, start, app });
  const ms = Math.round(performance.now() - began);
  await writeFile(markerPath, `${JSON.stringify({ ...SEED, start, done: true, events, ms })}\n`);
  return { seeded: true, events, start, ms };
}
