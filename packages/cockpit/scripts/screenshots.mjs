// Screenshots of every cockpit screen for the docs (docs/screenshots/cockpit-*.png):
// the built cockpit on the fake API of its tests, in Debian's Chromium. Light at
// 1280 px, plus one dark and one at a 390 px phone width.
//   npm run build -w @upgradekit/cockpit && node packages/cockpit/scripts/screenshots.mjs
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startFakeCockpit } from './fakeServer.mjs';

const TOKEN = 'admin-secret';
const out = (name) => fileURLToPath(new URL(`../../../docs/screenshots/cockpit-${name}.png`, import.meta.url));

const server = await startFakeCockpit({ token: TOKEN, start: Date.UTC(2026, 10, 2) });
const profile = await mkdtemp(join(tmpdir(), 'cockpit-shots-'));

async function session({ width, height = 900, colorScheme = 'light' }) {
  const context = await chromium.launchPersistentContext(join(profile, `${width}-${colorScheme}`), { ...server.chromium, viewport: { width, height }, colorScheme, reducedMotion: 'reduce' });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.url}/`);
  await page.getByLabel('Admin token').fill(TOKEN);
  await page.getByLabel('Your name (shown in the config history)').fill('Priya (PM)');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  return { context, page };
}

/** Opens `path`, waits for its heading and for every loading state to end, and saves the page. */
async function shoot(page, path, heading, name, before) {
  await page.evaluate((href) => {
    history.pushState(null, '', href);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[data-state="loading"]').length === 0);
  if (before) await before(page);
  await page.screenshot({ path: out(name), fullPage: true });
  console.log(`wrote ${out(name)}`);
}

try {
  const light = await session({ width: 1280 });
  await shoot(light.page, '/', 'Overview', 'overview');
  await shoot(light.page, '/triggers', 'Triggers', 'triggers');
  await shoot(light.page, '/triggers/power-user-pdf', 'power-user-pdf', 'trigger-detail');
  await shoot(light.page, '/customers/cus_0004', 'Customer lookup', 'customer');
  await shoot(light.page, '/config', 'Config', 'config', async (page) => {
    await page.locator('.cm-content').waitFor();
    // The PDF trigger asks for 3 gate hits instead of 2; the simulation shows what that changes.
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+a');
    const live = await page.evaluate((token) => fetch('/api/config', { headers: { authorization: `Bearer ${token}` } }).then((answer) => answer.json()), TOKEN);
    const edited = JSON.stringify(live, null, 2).replace('"atLeast": 2,', '"atLeast": 3,');
    await page.keyboard.insertText(edited);
    await page.getByRole('button', { name: 'Simulate' }).click();
    await page.getByRole('table', { name: /live config/ }).waitFor();
  });
  await light.context.close();

  const dark = await session({ width: 1280, colorScheme: 'dark' });
  await shoot(dark.page, '/triggers', 'Triggers', 'triggers-dark');
  await dark.context.close();

  const phone = await session({ width: 390, height: 844 });
  await shoot(phone.page, '/triggers', 'Triggers', 'triggers-390');
  await phone.context.close();
} finally {
  await server.close();
  await rm(profile, { recursive: true, force: true });
}
