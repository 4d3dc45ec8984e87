// Debian's Chromium for every browser suite and screenshot script (Playwright cannot
// download browsers here). Plain JavaScript, so Node scripts and TypeScript suites
// share it; its types are in chromium.d.mts.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

/** Headless, and quiet on a closed network (no background connections to refuse). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const INSTALL = 'apt-get update && apt-get install -y chromium';

/**
 * The Chromium path. When it is missing, installs it if running as root, or
 * fails saying exactly what to install; `suite` names who needs it.
 */
export function ensureChromium(suite) {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  if (process.getuid?.() !== 0) throw new Error(`${suite} need Chromium at ${CHROMIUM}. Install it as root: ${INSTALL}`);
  // Without the update, apt picks an older candidate.
  console.log(`[${suite}] ${CHROMIUM} is missing; running as root, so installing it: ${INSTALL}`);
  execFileSync('sh', ['-c', INSTALL], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (!existsSync(CHROMIUM)) throw new Error(`\`${INSTALL}\` finished but ${CHROMIUM} is still missing.`);
  console.log(`[${suite}] installed ${execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim()}`);
  return CHROMIUM;
}
