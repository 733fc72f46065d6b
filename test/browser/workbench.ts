/**
 * Helpers for browser tests: a workbench (emulator + page) on an ephemeral loopback port with a temporary database
 * and the seeded demo site, and Debian's Chromium driven by playwright-core.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';
import AxeBuilder from '@axe-core/playwright';
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
export async function startTestWorkbench(options: { agreementFile?: string } = {}): Promise<TestWorkbench> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { buildWorkbench } = require('../../scripts/build-workbench') as {
    buildWorkbench(o: { quiet: boolean }): Promise<unknown>;
  };
  await buildWorkbench({ quiet: true });
  const dir = mkdtempSync(join(tmpdir(), 'workbench-'));
  try {
    const wb = await startWorkbench({ port: 0, dbFile: join(dir, 'emulator.sqlite'), ...options });
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

/**
 * For a test file's beforeAll: makes the screenshot directory, starts a workbench seeded with the IGJ–CIBG agreement
 * (or `agreementFile`), launches Chromium.
 */
export async function startBrowserSuite(options: { agreementFile?: string } = {}): Promise<BrowserSuite> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const wb = await startTestWorkbench(options);
  try {
    return { wb, browser: await launchChromium() };
  } catch (e) {
    await wb.stop();
    throw e;
  }
}

/** For a test file's afterAll: closes what {@link startBrowserSuite} started (parts may be missing if it failed). */
export async function stopBrowserSuite(suite: Partial<BrowserSuite>): Promise<void> {
  if (accessibility.screens > 0) {
    process.stdout.write(`axe-core: ${accessibility.screens} screens passed (WCAG 2.1 A and AA)\n`);
  }
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

/** How many screens this test file checked with axe-core (printed when the suite stops). */
const accessibility = { screens: 0 };

/** The WCAG levels checked: what the Dutch government must meet (EN 301 549, WCAG 2.1 A and AA). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Fluent UI's focus manager (tabster) puts `<i tabindex="0" aria-hidden="true" data-tabster-dummy>` around focus
 * groups: focusable on purpose, to hand focus on at once, and hidden so screen readers do not announce them. axe's
 * aria-hidden-focus reports them; Microsoft's Accessibility Insights suppresses exactly this as a false positive
 * (microsoft/tabster#288, microsoft/accessibility-insights-web#7605). Only that rule on only those elements is skipped.
 */
function isTabsterDummy(rule: string, html: string): boolean {
  return rule === 'aria-hidden-focus' && /^<i\b[^>]*\bdata-tabster-dummy=""/.test(html);
}

/**
 * Checks the screen as it stands with axe-core (WCAG 2.1 A and AA) and throws on any violation, naming the screen,
 * the rule and the elements. Waits first until finite animations and transitions have ended, so a colour caught
 * mid-fade is not judged (a settled screen is what a person reads); endless ones (a spinner) are not waited for.
 * Called by {@link openTab} and {@link screenshot}, so every tab a browser test opens and every step it photographs is
 * checked.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const settle = (): Promise<void> =>
    page.evaluate(async () => {
      const finite = document
        .getAnimations()
        .filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity));
      await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
    });
  const analyze = async () => {
    await settle();
    const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    return result.violations
      .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isTabsterDummy(v.id, n.html)) }))
      .filter((v) => v.nodes.length > 0);
  };
  let violations = await analyze();
  // A colour measured while a control fades (e.g. a button enabled as its data arrives, Fluent's 100–200 ms
  // transition) is judged again once the screen has settled; a contrast that stays too low fails.
  for (let again = 0; again < 3 && violations.length > 0 && violations.every((v) => v.id === 'color-contrast'); again++) {
    await page.waitForTimeout(300);
    violations = await analyze();
  }
  if (violations.length === 0) {
    accessibility.screens++;
    return;
  }
  const lines = violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ` +
      v.nodes
        .slice(0, 5)
        .map((n) => `${n.target.join(' ')} ${[...n.any, ...n.all, ...n.none].map((c) => c.message).join(' ')}`)
        .join('; '),
  );
  throw new Error(`axe-core: ${violations.length} WCAG violation(s) on '${screen}':\n  ${lines.join('\n  ')}`);
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
  await expectAccessible(page, basename(path));
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
      if ((await tab.getAttribute('aria-selected')) === 'true') {
        await expectAccessible(page, `tab ${name}`);
        return;
      }
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

/** Opens the Delen tab and picks files in its drop zone; resolves when the dialog shows them. */
export async function pickFiles(page: Page, files: Array<{ name: string; text: string }>): Promise<void> {
  await openTab(page, 'Delen');
  await page.getByTestId('share-panel').waitFor();
  await page
    .locator('[data-testid="share-panel"] > [data-testid="dropzone"] input[type="file"]')
    .setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: Buffer.from(f.text, 'utf8') })));
  await page.getByTestId('upload-dialog').waitFor();
  for (const f of files) await page.locator(`[data-file="${f.name}"] [data-testid="scan"]`).waitFor();
}

/** Answers document type, classification and "personal data?" in the dialog. */
export async function answerBasics(page: Page, type: string, level: string, personal: 'yes' | 'no'): Promise<void> {
  const dialog = page.getByTestId('upload-dialog');
  await dialog.getByTestId('documentType').selectOption(type);
  await dialog.getByRole('radio', { name: level, exact: false }).first().check();
  await dialog.locator(`input[name="personal"][value="${personal}"]`).check();
}
