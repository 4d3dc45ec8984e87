import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { CHROMIUM_ARGS } from '../chromium.js';

/*
 * The built demo (globalSetup runs it as `npm run demo` does, with its server) in real Chromium. A real browser has no
 * fake clock: every step waits for the DOM state it needs (expect.poll,
 * locator.waitFor) and never sleeps; time passes through the demo's clock control.
 */

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface Screen {
  name: string;
  width: number;
  colorScheme: 'light' | 'dark';
}

/** The screens the demo is tried on: a laptop, a 390 px phone, and dark mode. */
export const SCREENS: Screen[] = [
  { name: 'desktop, light', width: 1280, colorScheme: 'light' },
  { name: '390 px wide', width: 390, colorScheme: 'light' },
  { name: 'desktop, dark', width: 1280, colorScheme: 'dark' },
];

export interface Demo {
  page: Page;
  context: BrowserContext;
  /** Console errors and warnings, and uncaught page errors, so far. */
  problems: string[];
  close(): Promise<void>;
}

/** A fresh profile (empty localStorage: a new visitor) with the demo open. */
export async function openDemo(screen: Screen = SCREENS[0]!): Promise<Demo> {
  const profile = await mkdtemp(join(tmpdir(), 'upgradekit-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: inject('chromiumPath'),
    args: CHROMIUM_ARGS,
    viewport: { width: screen.width, height: 900 },
    colorScheme: screen.colorScheme,
    reducedMotion: 'reduce',
  });
  // Fail a missing element within the test's time, not Playwright's default 30 s.
  context.setDefaultTimeout(10_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  watchProblems(page, problems);
  await page.goto(inject('demoUrl'));
  await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
  return {
    page,
    context,
    problems,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Collects `page`'s console errors and warnings, and uncaught errors, into `problems`. */
export function watchProblems(page: Page, problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
}

/** A second tab of the demo's browser (the PM's), whose problems count with the demo's. */
export async function openTab(demo: Demo): Promise<Page> {
  const page = await demo.context.newPage();
  watchProblems(page, demo.problems);
  return page;
}

/** Polls until the assertion holds (5 s), like a user waiting for the screen to update. */
export const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 5_000, interval: 25 });

/** axe-core's violations on the page as it is now, summarised. */
export async function axeViolations(page: Page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, targets: nodes.map((node) => node.target.join(' ')) }));
  });
}
