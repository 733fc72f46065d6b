/**
 * `npm run bench -- spfx-host`: what the real SPFx loader fetches of the product before the dashboard's first render,
 * and before the command set's dialog shows, in the SPFx host (docs/spfx-host.md), Chromium, cold cache, on the
 * seeded workbench. Prints first, exactly:
 *
 *     dashboard first render: <n> files, <x> KB gzip
 *     command set dialog: <n> files, <x> KB gzip
 *
 * then each file with its bytes on the wire (the emulator serves them uncompressed) and its gzip size (level 9, as the
 * CDN roughly serves them), the product's SharePoint and Graph requests before the first render, and the framework's
 * own files (SharePoint's CDN, shared by every page). Nothing is asserted here; test/browser/spfxHost*.test.ts hold the
 * budgets. Needs the package (`npm run package`); without it, says so and stops.
 *
 * The probes are exported for the browser tests.
 */
import { existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { gzipSync } from 'zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { sppkgPath } from '../workbench/spfx-host/solution';
import { FIRST_RENDER, PRODUCT_REQUEST } from './firstRenderProbe';

/** One file the page fetched. */
export interface FetchedFile {
  url: string;
  /** The file name (last path segment). */
  name: string;
  /** Bytes of the body as served. */
  bytes: number;
  /** gzip level 9 of the body. */
  gzip: number;
}

/** What one measured page load fetched until its mark (first render, dialog shown). */
export interface HostLoadMeasure {
  /** The product's files (the package's ClientSideAssets) requested before the mark. */
  product: FetchedFile[];
  /** The framework's files (SharePoint's CDN folder) and the host's own, requested before the mark. */
  framework: FetchedFile[];
  /** The product's SharePoint REST and Graph requests before the mark (the framework's token request excluded). */
  productRequests: string[];
  /** The framework's token requests before the mark (AcquireOBOToken). */
  tokenRequests: string[];
  /** Milliseconds from navigation start to the mark. */
  ms: number;
  /** Uncaught page errors and failures the framework reported (sp-edit-customer-promise substitute). */
  errors: string[];
}

const ASSET = /\/sites\/appcatalog\/ClientSideAssets\//;
const FRAMEWORK = /\/_spfx\//;
const TOKEN = /AcquireOBOToken/i;
/** The host list view's own reads (the library page's rows and its custom actions), not the product's. */
const LIST_HOST = /\/UserCustomActions$|\/items\?\$select=ID,FileLeafRef,FileRef,FileDirRef,FSObjType,Modified/;

/**
 * A script for the page: notes when every selector is in the DOM (window.__markAt). A string, not a function: tsx and
 * ts-jest compile functions with helpers (`__name`) that do not exist in the page.
 */
function markWhen(selectors: string[]): string {
  return `(() => {
    const selectors = ${JSON.stringify(selectors)};
    const observer = new MutationObserver(() => {
      if (window.__markAt === undefined && selectors.every((s) => document.querySelector(s))) {
        window.__markAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  })();`;
}

/** A cold browser context signed in as `identity`, recording every response body it receives. */
async function coldContext(
  browser: Browser,
  origin: string,
  identity: string,
): Promise<{ context: BrowserContext; bodies: Map<string, Promise<Buffer | null>> }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'nl-NL', ignoreHTTPSErrors: true });
  await context.addCookies([{ name: 'EmuAuth', value: identity, url: origin }]);
  const bodies = new Map<string, Promise<Buffer | null>>();
  context.on('response', (r) => {
    if (ASSET.test(r.url()) || FRAMEWORK.test(r.url())) bodies.set(r.url(), r.body().catch(() => null));
  });
  return { context, bodies };
}

async function fetched(urls: string[], bodies: Map<string, Promise<Buffer | null>>): Promise<FetchedFile[]> {
  const out: FetchedFile[] = [];
  for (const url of [...new Set(urls)]) {
    const body = await (bodies.get(url) ?? Promise.resolve(null));
    const name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? url);
    out.push({ url, name, bytes: body?.length ?? 0, gzip: body ? gzipSync(body, { level: 9 }).length : 0 });
  }
  return out;
}

/** Resource entries started before the mark, and the mark itself. */
async function entriesUntilMark(page: Page): Promise<{ at: number; urls: string[] }> {
  return page.evaluate(() => {
    const at = (window as unknown as { __markAt: number }).__markAt;
    const urls = performance
      .getEntriesByType('resource')
      .filter((e) => e.startTime <= at)
      .map((e) => e.name);
    return { at, urls };
  });
}

async function measure(page: Page, bodies: Map<string, Promise<Buffer | null>>, errors: string[]): Promise<HostLoadMeasure> {
  const { at, urls } = await entriesUntilMark(page);
  const failures = await page.evaluate(() =>
    ((window as unknown as { __spfxHost?: { failures?: Array<{ errorMessage?: string }> } }).__spfxHost?.failures ?? []).map(
      (f) => `framework reported: ${f.errorMessage ?? ''}`,
    ),
  );
  return {
    product: await fetched(urls.filter((u) => ASSET.test(u)), bodies),
    framework: await fetched(urls.filter((u) => FRAMEWORK.test(u)), bodies),
    productRequests: urls.filter((u) => PRODUCT_REQUEST.test(u) && !TOKEN.test(u) && !LIST_HOST.test(decodeURIComponent(u))),
    tokenRequests: urls.filter((u) => TOKEN.test(u)),
    ms: at,
    errors: [...errors, ...failures],
  };
}

async function waitForMark(page: Page, what: string): Promise<void> {
  await page
    .waitForFunction(() => (window as unknown as { __markAt?: number }).__markAt !== undefined, undefined, { timeout: 90_000 })
    .catch(async (e: Error) => {
      const shown = await page.evaluate(() => document.body.innerText.slice(0, 800)).catch(() => '');
      const state = await page
        .evaluate(() => JSON.stringify((window as unknown as { __spfxHost?: { error?: string } }).__spfxHost?.error ?? null))
        .catch(() => '');
      throw new Error(`${what} did not complete: ${e.message}\nhost error: ${state}\npage shows: ${shown}`);
    });
}

/** The dashboard's first render on the host's site page (`pageUrl`), cold, as `identity`. */
export async function measureHostDashboard(browser: Browser, origin: string, pageUrl: string, identity: string): Promise<HostLoadMeasure> {
  const { context, bodies } = await coldContext(browser, origin, identity);
  try {
    await context.addInitScript(markWhen(FIRST_RENDER));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pageUrl);
    await waitForMark(page, `the dashboard's first render as ${identity}`);
    return await measure(page, bodies, errors);
  } finally {
    await context.close();
  }
}

/** Which command the dialog measure presses. */
export type MeasuredCommand = 'delen' | 'datalek';

/**
 * The library page, cold, as `identity`; presses a command and measures until its dialog shows its content: "Delen met
 * toets" (nothing selected) until the share panel, or "Datalek melden" (a document of `folder` selected) until the
 * breach form.
 */
export async function measureCommandSetDialog(
  browser: Browser,
  origin: string,
  libraryUrl: string,
  identity: string,
  command: MeasuredCommand = 'delen',
  select?: { folder: string; file: string },
): Promise<HostLoadMeasure> {
  const { context, bodies } = await coldContext(browser, origin, identity);
  try {
    const content = command === 'delen' ? '[data-testid="share-panel"]' : '[data-testid="datalek-form"]';
    await context.addInitScript(markWhen([`[role="dialog"] ${content}`]));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(libraryUrl);
    if (select) {
      await page.getByTestId('listview').getByRole('link', { name: select.folder }).click({ timeout: 90_000 });
      await page.getByRole('checkbox', { name: `${select.file} selecteren` }).check();
    }
    const id = command === 'delen' ? 'DELEN_MET_TOETS' : 'DATALEK_MELDEN';
    await page.locator(`[data-command="${id}"]`).click({ timeout: 90_000 });
    await waitForMark(page, `the command set's ${command} dialog`);
    return await measure(page, bodies, errors);
  } finally {
    await context.close();
  }
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
const sum = (files: FetchedFile[], key: 'bytes' | 'gzip'): number => files.reduce((n, f) => n + f[key], 0);

/** The summary line the issue asks for. */
export function summaryLine(label: string, m: HostLoadMeasure): string {
  return `${label}: ${m.product.length} files, ${(sum(m.product, 'gzip') / 1024).toFixed(1)} KB gzip`;
}

function details(label: string, m: HostLoadMeasure): string {
  const lines = [`\n${label} (${m.ms.toFixed(0)} ms from navigation)`];
  for (const f of [...m.product].sort((a, b) => b.gzip - a.gzip)) {
    lines.push(`  ${f.name.padEnd(64)} ${kb(f.bytes).padStart(10)} on the wire ${kb(f.gzip).padStart(9)} gzip`);
  }
  lines.push(`  ${'product total'.padEnd(64)} ${kb(sum(m.product, 'bytes')).padStart(10)} on the wire ${kb(sum(m.product, 'gzip')).padStart(9)} gzip`);
  lines.push(`  product requests (SharePoint REST, Graph): ${m.productRequests.length}`);
  for (const r of m.productRequests) lines.push(`    ${r}`);
  lines.push(`  framework token requests: ${m.tokenRequests.length}`);
  lines.push(
    `  framework and host files (SharePoint's CDN folder, shared by every page): ${m.framework.length}, ` +
      `${kb(sum(m.framework, 'bytes'))} on the wire, ${kb(sum(m.framework, 'gzip'))} gzip`,
  );
  if (m.errors.length) lines.push(`  page errors: ${m.errors.join('; ')}`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const root = join(__dirname, '..');
  if (!existsSync(sppkgPath(root))) {
    console.log('no package found: run `npm run package` first, then `npm run bench -- spfx-host`');
    return;
  }
  // Loaded here, not at the top: the probes above are imported by tests that start their own workbench.
  const { startWorkbench } = await import('../workbench/server');
  const { launchChromium } = await import('../test/browser/workbench');
  const identity = process.env.BENCH_IDENTITY ?? 'igj-medewerker';
  const dir = mkdtempSync(join(tmpdir(), 'bench-spfx-host-'));
  const wb = await startWorkbench({ port: 0, dbFile: join(dir, 'emulator.sqlite') });
  const browser = await launchChromium();
  try {
    const library = `${wb.siteUrl}/Uitwisseling/Forms/AllItems.aspx`;
    const dashboard = await measureHostDashboard(browser, wb.url, wb.spfxHost.pageUrl, identity);
    const dialog = await measureCommandSetDialog(browser, wb.url, library, identity);
    const breach = await measureCommandSetDialog(browser, wb.url, library, identity, 'datalek', {
      folder: 'Vertrouwelijk-igj',
      file: 'Signaal vertrouwelijk zorgaanbieder Noord.txt',
    });
    console.log(summaryLine('dashboard first render', dashboard));
    console.log(summaryLine('command set dialog', dialog));
    console.log(summaryLine('command set dialog, Datalek melden', breach));
    console.log(`\n${wb.spfxHost.host.status()}; as ${identity}, cold cache, Chromium`);
    console.log(details('dashboard first render', dashboard));
    console.log(details('command set dialog ("Delen met toets" on the library page)', dialog));
    console.log(details('command set dialog ("Datalek melden" with a document selected)', breach));
  } finally {
    await browser.close();
    await wb.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
