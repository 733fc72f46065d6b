/**
 * Measures the dashboard's first render in Chromium (at most 3 requests), shared by test/browser/firstRender.test.ts
 * (which asserts the budget) and scripts/bench-first-render.ts (which prints the figures). Counted are the product's
 * own requests, SharePoint REST (`/_api/`) and Graph (`/v1.0/`); the page, its bundle and the workbench's endpoints
 * are the host's.
 */
import type { Browser, Request } from 'playwright-core';

/** The product's requests. */
export const PRODUCT_REQUEST = /\/_api\/|\/v1\.0\//;

/** Everything the first render shows: agreement, parties, you + your party, and the documents' state. */
export const FIRST_RENDER = [
  '#agreement-title',
  '[data-party]',
  '[data-testid="current-party"]',
  '[data-testid="documents"] table, [data-testid="documents-empty"], [data-testid="documents-denied"]',
];

/**
 * Runs in the page: notes the moment (performance.now()) the whole first render is in the DOM. A MutationObserver
 * runs right after React's commit, before any request that work after the render starts, so the count is exact
 * (polling from the test would also count requests started while it looks).
 */
function markFirstRender(selectors: string[]): void {
  const w = window as unknown as { __firstRenderAt?: number };
  const observer = new MutationObserver(() => {
    if (w.__firstRenderAt === undefined && selectors.every((s) => document.querySelector(s))) {
      w.__firstRenderAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** One product request as the browser sent it. */
export interface SeenRequest {
  method: string;
  url: string;
  /** Method and URL of each part of a SharePoint `$batch` body. */
  parts: string[];
}

/** What one page load measured. */
export interface FirstRenderMeasure {
  /** Product requests started before the first render was complete (the figure the budget of 3 counts). */
  firstRender: string[];
  /** Milliseconds from navigation start to the complete first render. */
  firstRenderMs: number;
  /** Every product request until network idle (start-up work after the render included). */
  toIdle: SeenRequest[];
  /** Uncaught page errors. */
  errors: string[];
  /** Number of document rows the Overzicht shows. */
  documentRows: number;
}

/** The method and URL of each part of a SharePoint `$batch` body. */
function batchParts(r: Request): string[] {
  if (!/\/\$batch$/.test(new URL(r.url()).pathname)) return [];
  const body = r.postData() ?? '';
  return [...body.matchAll(/^(GET|POST|PATCH|MERGE|DELETE|PUT) (\S+) HTTP\/1\.1$/gm)].map((m) => `${m[1]} ${m[2]}`);
}

/** Loads the workbench page at `url` as `identity` in a fresh context (cold: no cookies, no cache) and measures. */
export async function measureFirstRender(browser: Browser, url: string, identity: string): Promise<FirstRenderMeasure> {
  const toIdle: SeenRequest[] = [];
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'nl-NL' });
  try {
    await context.addCookies([{ name: 'EmuAuth', value: identity, url }]);
    // On the context before the page exists, so the very first request is seen too.
    context.on('request', (r) => {
      if (PRODUCT_REQUEST.test(r.url())) toIdle.push({ method: r.method(), url: r.url(), parts: batchParts(r) });
    });
    await context.addInitScript(markFirstRender, FIRST_RENDER);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}/`);
    await page
      .waitForFunction(() => (window as unknown as { __firstRenderAt?: number }).__firstRenderAt !== undefined)
      .catch(async (e: Error) => {
        // Say what the page shows instead (an error state, a spinner) rather than only that it timed out.
        const shown = await page.evaluate(() => document.body.innerText.slice(0, 600)).catch(() => '');
        throw new Error(`first render of the dashboard as ${identity} did not complete: ${e.message}\npage shows: ${shown}`);
      });
    const first = await page.evaluate((pattern) => {
      const at = (window as unknown as { __firstRenderAt: number }).__firstRenderAt;
      const urls = performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime <= at && new RegExp(pattern).test(e.name))
        .map((e) => e.name);
      return { at, urls };
    }, PRODUCT_REQUEST.source);
    await page.waitForLoadState('networkidle');
    const documentRows = await page.locator('[data-testid="documents"] [data-document]').count();
    return { firstRender: first.urls, firstRenderMs: first.at, toIdle, errors, documentRows };
  } finally {
    await context.close();
  }
}

/** Report lines: each request, a batch with its parts. */
export function describeRequests(seen: readonly SeenRequest[]): string {
  return seen
    .map((s, i) => [`${i + 1}. ${s.method} ${s.url}`, ...s.parts.map((p) => `     ${p}`)].join('\n'))
    .join('\n');
}
