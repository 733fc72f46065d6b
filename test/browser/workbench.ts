/**
 * Helpers for browser tests: a workbench (emulator + page) on an ephemeral loopback port with a temporary database
 * and the seeded demo site, and Debian's Chromium driven by playwright-core.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startWorkbench, type Workbench } from '../../workbench/server';

/** Where the project's test runner installs Chromium (Debian package). */
export const CHROMIUM = '/usr/bin/chromium';

/** Chromium flags for headless runs in CI containers. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where browser tests leave their screenshots (outside the repository). */
export const SCREENSHOTS = join(tmpdir(), 'samenwerkingsruimte-screenshots');

/** A seeded workbench in a temporary directory; `stop()` closes it and deletes the directory. */
export interface TestWorkbench extends Workbench {
  dir: string;
  stop(): Promise<void>;
}

/** Builds the page bundle when stale (esbuild, skipped when up to date), then starts and seeds a workbench. */
export async function startTestWorkbench(): Promise<TestWorkbench> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { buildWorkbench } = require('../../scripts/build-workbench') as {
    buildWorkbench(o: { quiet: boolean }): Promise<unknown>;
  };
  await buildWorkbench({ quiet: true });
  const dir = mkdtempSync(join(tmpdir(), 'workbench-'));
  try {
    const wb = await startWorkbench({ port: 0, dbFile: join(dir, 'emulator.sqlite') });
    return {
      ...wb,
      dir,
      stop: async () => {
        await wb.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** Launches headless Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** The workbench and browser one test file shares across its tests. */
export interface BrowserSuite {
  wb: TestWorkbench;
  browser: Browser;
}

/** For a test file's beforeAll: makes the screenshot directory, starts a seeded workbench, launches Chromium. */
export async function startBrowserSuite(): Promise<BrowserSuite> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const wb = await startTestWorkbench();
  try {
    return { wb, browser: await launchChromium() };
  } catch (e) {
    await wb.stop();
    throw e;
  }
}

/** For a test file's afterAll: closes what {@link startBrowserSuite} started (parts may be missing if it failed). */
export async function stopBrowserSuite(suite: Partial<BrowserSuite>): Promise<void> {
  await suite.browser?.close();
  await suite.wb?.stop();
}

/** A page in a fresh browser context (own cookies), plus the uncaught script errors it reports. */
export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page since it opened (a test expects none). */
  errors: string[];
}

/** Opens the workbench signed in as `identity` (EmuAuth cookie), or with no identity when null. */
export async function openAs(browser: Browser, wb: Workbench, identity: string | null): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'nl-NL' });
  if (identity) await context.addCookies([{ name: 'EmuAuth', value: identity, url: wb.url }]);
  const page = await context.newPage();
  // CI runs these suites on 2 shared cores: give each step a minute before calling it a failure.
  page.setDefaultTimeout(60_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${wb.url}/`);
  return { context, page, errors };
}

/**
 * Screenshot of the whole workbench: the product area scrolls inside the page, so the viewport is first grown to the
 * product's full height (a plain full-page shot would cut it off).
 */
export async function screenshot(page: Page, path: string): Promise<void> {
  const height = await page.evaluate(() => {
    const product = document.querySelector('[data-testid="product"]');
    const bar = document.querySelector('header');
    return (product?.scrollHeight ?? 1000) + (bar?.getBoundingClientRect().height ?? 0);
  });
  const size = page.viewportSize() ?? { width: 1400, height: 1000 };
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, Math.ceil(height)) });
  await page.screenshot({ path });
  await page.setViewportSize(size);
}

/**
 * Selects a tab by its name and waits until it IS selected. Banners (overleg, te classificeren) can appear above the
 * tab list while the dashboard loads; a click that lands during that layout shift is lost, so it is tried again.
 */
export async function openTab(page: Page, name: string, options: { exact?: boolean } = {}): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: options.exact });
  for (let attempt = 1; attempt <= 5; attempt++) {
    await tab.click();
    const until = Date.now() + 5_000;
    while (Date.now() < until) {
      if ((await tab.getAttribute('aria-selected')) === 'true') return;
      await page.waitForTimeout(100);
    }
  }
  throw new Error(`tab '${name}' did not become selected after 5 clicks`);
}

/** HTTP status of GET on a file's server-relative URL as a demo identity (security trimmed as SharePoint does). */
export async function fileStatusAs(wb: Workbench, identity: string, url: string): Promise<number> {
  const res = await fetch(`${wb.url}${encodeURI(url)}`, { headers: { 'X-Emulator-User': identity } });
  await res.arrayBuffer();
  return res.status;
}
