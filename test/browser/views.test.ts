/**
 * The Documenten tab in Chromium on the seeded workbench: each of the seven library views, filters on party,
 * year and classification, sorting, paging, and the request budget of its first render (one $batch).
 */
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import type { SPFI } from '@pnp/sp';
import type { DocumentMetadata } from '../../src/ports/documents';
import { spForUser } from '../../workbench/seed/clients';
import { loadConfigFixture } from '../helpers/config';
import { uploadAs } from '../helpers/placeAs';
import { openAs, openTab, screenshot, SCREENSHOTS, startBrowserSuite, stopBrowserSuite, type TestWorkbench } from './workbench';

jest.setTimeout(300_000);

const config = loadConfigFixture();
let wb: TestWorkbench;
let browser: Browser;

/** Metadata of an extra document shared by the IGJ medewerker. */
function meta(over: Partial<DocumentMetadata>): DocumentMetadata {
  return {
    documentType: 'signaal',
    classification: 'intern',
    toetsstatus: 'Toegestaan',
    categories: [],
    party: 'igj',
    confidential: false,
    ...over,
  };
}

beforeAll(async () => {
  ({ wb, browser } = await startBrowserSuite());
  // Documents for the views the demo seed leaves empty, placed through the same steps the upload dialog uses.
  const igj = spForUser(wb.siteUrl, 'igj-medewerker');
  const bytes = new TextEncoder().encode('Testdocument voor de weergaven.');
  const share = async (sp: SPFI, fileName: string, metadata: DocumentMetadata): Promise<void> => {
    const outcome = await uploadAs(sp, config, { fileName, content: bytes, metadata });
    if (outcome.state !== 'done') throw new Error(`${fileName}: ${String(outcome.error)}`);
  };
  await share(igj, 'Signaal nog te classificeren.txt', meta({ toetsstatus: 'Te classificeren' }));
  await share(igj, 'Signaal ter review.txt', meta({ toetsstatus: 'In review' }));
  await share(igj, 'Oud signaal 2019.txt', meta({ year: 2019, retainUntil: '2024-01-01' }));
  // 31 werkafspraken of CIBG: more than one page (30) in the Werkafspraken view.
  const cibg = spForUser(wb.siteUrl, 'cibg-accounthouder');
  for (let i = 1; i <= 31; i++) {
    const name = `Werkafspraak CIBG ${String(i).padStart(2, '0')}.txt`;
    await share(cibg, name, meta({ documentType: 'werkafspraak', party: 'cibg', year: 2026 }));
  }
});

afterAll(async () => {
  await stopBrowserSuite({ wb, browser });
});

/** Opens the Documenten tab and counts the SharePoint/Graph requests it makes until its first view shows. */
async function openDocuments(page: Page): Promise<number> {
  await page.getByRole('tab', { name: 'Overzicht' }).waitFor();
  await page.getByTestId('documents').locator('table').waitFor();
  // Let whatever else the dashboard loads on start (banners, other tabs' checks) finish, so only the tab's own count.
  await page.waitForLoadState('networkidle');
  let requests = 0;
  page.on('request', (r) => {
    if (/\/_api\/|\/v1\.0\//.test(r.url())) {
      requests++;
      if (process.env.SHOW_REQUESTS) console.log(r.method(), r.url());
    }
  });
  await openTab(page, 'Documenten');
  await rowsOf(page);
  return requests;
}

/** The document names in the view table once it has loaded. */
async function rowsOf(page: Page): Promise<string[]> {
  await page.locator('[data-testid="view-table"][aria-busy="false"]').waitFor();
  return page
    .locator('[data-testid="view-table"] [data-document]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-document') ?? ''));
}

/** Selects a view tab and returns its rows. */
async function showView(page: Page, label: string): Promise<string[]> {
  await openTab(page, label, { exact: true });
  await page.waitForTimeout(50);
  return rowsOf(page);
}

it('shows each of the seven views with the documents its SharePoint view holds, after one batched first render', async () => {
  const { context, page, errors } = await openAs(browser, wb, 'igj-medewerker');
  const requests = await openDocuments(page);
  // First render of the tab: the current user's id (for "Mijn gedeelde stukken") and one $batch with all seven views.
  expect(requests).toBeLessThanOrEqual(3);
  const werk = await rowsOf(page);
  expect(werk).toHaveLength(30);
  expect(werk.every((n) => n.startsWith('Werkafspraak'))).toBe(true);
  const dva = await showView(page, "DVA's");
  expect(dva).toEqual(['DVA IGJ-CIBG 2026.txt', 'DVA IGJ-CIBG 2025.txt']);
  await expect(page.locator('[data-year-group]').allTextContents()).resolves.toEqual(['Jaar 2026', 'Jaar 2025']);
  await screenshot(page, join(SCREENSHOTS, 'views-dva.png'));
  expect(await showView(page, 'Te classificeren')).toEqual(['Signaal nog te classificeren.txt']);
  // art. 9.2: a file handed in for review is the privacy officer's; staff of the party (its uploader too) no longer read
  // it (their Toetslog record says it waits; see the Review tab's outcomes).
  expect(await showView(page, 'In review')).toEqual([]);
  expect(await showView(page, 'Vertrouwelijk')).toEqual(['Signaal vertrouwelijk zorgaanbieder Noord.txt']);
  expect(await showView(page, 'Bewaartermijn verlopen')).toEqual(['Oud signaal 2019.txt']);
  const mine = await showView(page, 'Mijn gedeelde stukken');
  expect(mine.sort()).toEqual(
    [
      'Oud signaal 2019.txt',
      'Overlegstuk ambtelijk overleg november 2025.txt',
      'Signaal nog te classificeren.txt',
      'Signaal vertrouwelijk zorgaanbieder Noord.txt',
    ].sort(),
  );
  expect(errors).toEqual([]);
  await context.close();
});

it('filters by party, year and classification, sorts on indexed columns and pages past 30 rows', async () => {
  const { context, page, errors } = await openAs(browser, wb, 'cibg-medewerker');
  await openDocuments(page);
  // Paging in Werkafspraken: 32 werkafspraken = 30 + 2.
  const first = await rowsOf(page);
  expect(first).toHaveLength(30);
  await page.getByTestId('page-next').click();
  await expect(page.getByTestId('page-number').textContent()).resolves.toBe('Pagina 2');
  const second = await rowsOf(page);
  expect(second).toHaveLength(2);
  expect(second.filter((n) => first.includes(n))).toEqual([]);
  await page.getByTestId('page-previous').click();
  await expect(rowsOf(page)).resolves.toEqual(first);
  // Party filter: only IGJ's werkafspraak.
  await page.getByTestId('filter-party').click();
  await page.getByRole('listbox').getByRole('option', { name: 'IGJ', exact: true }).click();
  await expect(rowsOf(page)).resolves.toEqual(['Werkafspraak uitwisseling registerinformatie IGJ-CIBG.txt']);
  await page.getByRole('button', { name: 'Filters wissen' }).click();
  // Year filter on the DVA view.
  await showView(page, "DVA's");
  await page.getByTestId('filter-year').fill('2025');
  await expect(rowsOf(page)).resolves.toEqual(['DVA IGJ-CIBG 2025.txt']);
  await page.getByTestId('filter-year').fill('20x');
  await page.getByText('Vul een jaartal in van vier cijfers.').waitFor();
  await page.getByTestId('filter-year').fill('');
  // Classification filter: nothing of the DVA's is 'openbaar'.
  await page.getByTestId('filter-classification').click();
  await page
    .getByRole('listbox')
    .getByRole('option', { name: /openbaar/i })
    .first()
    .click();
  await page.getByTestId('view-empty').waitFor();
  await page.getByRole('button', { name: 'Filters wissen' }).click();
  // Sorting: ascending by year puts 2025 first; the header says so.
  await page.locator('[data-sort="year"]').click();
  await expect(rowsOf(page)).resolves.toEqual(['DVA IGJ-CIBG 2025.txt', 'DVA IGJ-CIBG 2026.txt']);
  await expect(page.locator('[data-sort="year"]').getAttribute('aria-sort')).resolves.toBe('ascending');
  await page.locator('[data-sort="year"]').click();
  await expect(rowsOf(page)).resolves.toEqual(['DVA IGJ-CIBG 2026.txt', 'DVA IGJ-CIBG 2025.txt']);
  await screenshot(page, join(SCREENSHOTS, 'views-cibg.png'));
  expect(errors).toEqual([]);
  await context.close();
});

it('SharePoint trims what a person may not read: confidential for the autorisatielijst only (art. 10.1), review for the own party (art. 9.2)', async () => {
  const hoofd = await openAs(browser, wb, 'igj-hoofdinspecteur');
  await openDocuments(hoofd.page);
  await expect(showView(hoofd.page, 'Vertrouwelijk')).resolves.toEqual([]);
  await hoofd.context.close();
  const cibg = await openAs(browser, wb, 'cibg-medewerker');
  await openDocuments(cibg.page);
  await expect(showView(cibg.page, 'In review')).resolves.toEqual([]);
  await cibg.context.close();
});
