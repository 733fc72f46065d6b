/**
 * The budget: "the dashboard's first render takes at most 3 HTTP requests". A fresh page load in Chromium on the seeded
 * workbench, counting the product's SharePoint REST (`/_api/`) and Graph (`/v1.0/`) requests until the Overzicht shows
 * the agreement, the parties, the signed-in person with their party and the documents (table, empty or denied state).
 * The page and its bundle are the host's, not the product's, and are not counted. After the first render the start-up
 * work (banners, reminder check) may go on, but nothing may be fetched twice. The figures themselves are printed by
 * scripts/bench-first-render.ts.
 */
import type { Browser } from 'playwright-core';
import { describeRequests, measureFirstRender } from '../../scripts/firstRenderProbe';
import { launchChromium, startTestWorkbench, type TestWorkbench } from './workbench';

jest.setTimeout(240_000);

/** The budget: at most 3 product requests on the first render. */
const FIRST_RENDER_BUDGET = 3;

let wb: TestWorkbench;
let browser: Browser;

beforeAll(async () => {
  wb = await startTestWorkbench();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await wb?.stop();
});

it.each(['igj-medewerker', 'cibg-accounthouder', 'igj-medewerker'])(
  'renders the Overzicht for %s in at most 3 product requests and fetches nothing twice afterwards',
  async (identity) => {
    const m = await measureFirstRender(browser, wb.url, identity);
    // The report of the figure; the assertion below is the budget.
    console.log(
      `first render as ${identity}: ${m.firstRender.length} product requests\n${m.firstRender.join('\n')}\n` +
        `to network idle: ${m.toIdle.length}\n${describeRequests(m.toIdle)}`,
    );
    expect(m.firstRender.length).toBeLessThanOrEqual(FIRST_RENDER_BUDGET);
    // The first render had the documents (the demo content), not an empty table filled later.
    expect(m.documentRows).toBeGreaterThan(0);
    // The SharePoint reads of the first paint went in one $batch: the person with groups, the Overzicht's documents.
    const batch = m.toIdle.find((s) => s.url.endsWith('/_api/$batch'));
    expect(batch?.parts.some((p) => /\/currentUser\?.*Groups/.test(p))).toBe(true);
    expect(batch?.parts.some((p) => /Uitwisseling'\)\/items\?.*%24top=25/.test(p))).toBe(true);
    // Nothing repeats: the same read (a GET, or a GET part of a $batch) is not made twice in one page load.
    const reads = m.toIdle.flatMap((s) => (s.method === 'GET' ? [`GET ${s.url}`] : s.parts.filter((p) => p.startsWith('GET '))));
    expect(reads.filter((r, i) => reads.indexOf(r) !== i)).toEqual([]);
    expect(m.errors).toEqual([]);
  },
);
