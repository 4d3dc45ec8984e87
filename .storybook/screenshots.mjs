#!/usr/bin/env node
// The README's Storybook screenshots, taken from the built Storybook served on 127.0.0.1:
//   npm run build-storybook && node .storybook/screenshots.mjs
// Fails if the Storybook UI logs a warning or an error on any page it visits.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { startServer } from '../examples/saas-demo/serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS as ARGS } from '../tests/chromium.mjs';

const root = fileURLToPath(new URL('../storybook-static', import.meta.url));
const out = fileURLToPath(new URL('../docs/screenshots', import.meta.url));

/** Each screenshot: the Storybook path, what the preview shows once it is ready, and the window's height. */
const SHOTS = [
  { file: 'storybook-docs.png', path: '/docs/components-usagemeter--docs', ready: '.docblock-argstable', height: 1180 },
  { file: 'storybook-trigger-lab.png', path: '/story/lab-scenarios--cooldown-about-to-end', ready: '.lab-holds li', height: 860 },
  { file: 'storybook-theme.png', path: '/docs/foundations-theme--docs', ready: 'tr[data-token]', height: 860 },
];

if (!existsSync(join(root, 'index.html'))) {
  console.error(`No built Storybook at ${root}: run \`npm run build-storybook\` first.`);
  process.exit(1);
}
mkdirSync(out, { recursive: true });
const server = await startServer({ root, port: 0 });
const profile = mkdtempSync(join(tmpdir(), 'upgradekit-screenshots-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, viewport: { width: 1280, height: 860 } });
const problems = [];
try {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  for (const { file, path, ready, height } of SHOTS) {
    await page.setViewportSize({ width: 1280, height });
    await page.goto(`${server.url.replace(/\/$/, '')}/?path=${path}`);
    await page.frameLocator('#storybook-preview-iframe').locator(ready).first().waitFor();
    // Fonts and layout settle before the picture is taken.
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: join(out, file) });
    console.log(`docs/screenshots/${file}`);
  }
} finally {
  await context.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
if (problems.length) {
  console.error(`The Storybook UI logged ${problems.length} warning(s) or error(s):\n${problems.join('\n')}`);
  process.exit(1);
}
