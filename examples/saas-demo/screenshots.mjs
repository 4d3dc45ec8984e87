#!/usr/bin/env node
// The README's screenshots of the demo (docs/screenshots/demo-*.png): the built demo,
// served as `npm run demo` serves it, driven in Chromium to the moments worth showing.
// Run `npm run build -w saas-demo` first, then `npm run screenshots -w saas-demo`.
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../tests/chromium.mjs';
import { startServer } from './serve.mjs';

const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/** Opens the demo as a new visitor on a screen, runs `play`, and saves the viewport as `name`. */
async function shoot(url, name, { width, height = 900, colorScheme = 'light' }, play) {
  const profile = await mkdtemp(join(tmpdir(), 'upgradekit-shots-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport: { width, height }, colorScheme, reducedMotion: 'reduce' });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
    await play(page);
    // The app's toast ("Created …") goes after a few seconds: the screenshot shows the screen without it.
    await page.locator('.toast--empty').waitFor({ state: 'attached', timeout: 15_000 });
    // Let the last impression's frame paint.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.screenshot({ path: join(OUT, `${name}.png`) });
    console.log(`docs/screenshots/${name}.png`);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

const click = (page, name) => page.getByRole('button', { name, exact: true }).click({ timeout: 10_000 });
const advance = (page, step) => page.getByRole('group', { name: 'Advance the clock' }).getByRole('button', { name: step }).click();

async function projectsAt80(page) {
  for (let index = 0; index < 2; index++) await click(page, 'New project');
  await page.locator('.uk-banner').filter({ hasText: "You've used 80% of your projects." }).waitFor();
}

async function onTrialDay12(page) {
  await projectsAt80(page);
  for (let index = 0; index < 3; index++) await click(page, 'Export PDF');
  await click(page, 'Start free trial');
  await advance(page, '+7 days');
  for (let index = 0; index < 4; index++) await advance(page, '+1 day');
  await page.getByRole('dialog', { name: '3 days left in your Team trial' }).waitFor();
}

await mkdir(OUT, { recursive: true });
const server = await startServer({ port: 0 });
try {
  // The banner at 80%, the locked feature explaining itself, and the PM's view beside it.
  await shoot(server.url, 'demo-light', { width: 1280 }, async (page) => {
    await projectsAt80(page);
    await click(page, 'Export PDF');
    await page.getByRole('dialog', { name: 'PDF export is a Pro feature' }).waitFor();
  });
  // Day 12 of the Team trial, in dark mode: the ending prompt, and why the others wait.
  await shoot(server.url, 'demo-dark', { width: 1280, colorScheme: 'dark' }, onTrialDay12);
  // A 390 px phone: the two-row header with the trial, the navigation and the upgrade that keeps Team.
  await shoot(server.url, 'demo-390', { width: 390, height: 844 }, async (page) => {
    await onTrialDay12(page);
    await click(page, 'Not now');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.evaluate(() => window.scrollTo(0, 0));
  });
} finally {
  await server.close();
}
