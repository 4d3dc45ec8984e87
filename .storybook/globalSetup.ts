import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's Chromium, as in vitest.config.ts: Playwright cannot download browsers on this machine. */
const CHROMIUM = '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium';

/**
 * Runs before the browser is launched, and only when story tests run: finds
 * Chromium as tests/e2e/globalSetup.ts does, installing it when missing and
 * running as root, else failing with what to run.
 */
export default function setup() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Story tests need Chromium at ${CHROMIUM}. Install it as root: ${INSTALL}`);
  }
  // Without the update, apt picks an older candidate.
  console.log(`[storybook] ${CHROMIUM} is missing; running as root, so installing it: ${INSTALL}`);
  execFileSync('sh', ['-c', INSTALL], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (!existsSync(CHROMIUM)) throw new Error(`\`${INSTALL}\` finished but ${CHROMIUM} is still missing.`);
  console.log(`[storybook] installed ${execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim()}`);
}
