/**
 * Nothing unclassified reaches the other party, also for files uploaded around the dialog: a native upload (PnPjs
 * addUsingPath as the user, as SharePoint's own upload and drag-and-drop do) gets the column default
 * 'Te classificeren', shows in that view, the dashboard warns with a count, and "Nu classificeren" classifies it with
 * the dialog's questions and check. Until then it is a draft (0.1) in the uploader's party folder: the uploader's party
 * reads it, the other party cannot even see it.
 */
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { spForUser } from '../../workbench/seed/clients';
import { fileStatusAs, openAs, openTab, screenshot, SCREENSHOTS, startBrowserSuite, stopBrowserSuite, type TestWorkbench } from './workbench';

jest.setTimeout(300_000);

const LIBRARY = '/sites/samenwerkingsruimte/Uitwisseling';

let wb: TestWorkbench;
let browser: Browser;

beforeAll(async () => {
  ({ wb, browser } = await startBrowserSuite());
});

afterAll(async () => {
  await stopBrowserSuite({ wb, browser });
});

/** The list item fields of a file as the site admin reads them. */
async function fieldsOf(url: string): Promise<Record<string, unknown>> {
  const res = await fetch(
    `${wb.siteUrl}/_api/web/getFileByServerRelativePath(decodedurl='${url}')/listItemAllFields`,
    { headers: { accept: 'application/json;odata=nometadata', 'X-Emulator-User': 'beheerder' } },
  );
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

/** The rows of one view of the Documenten tab. */
async function viewRows(page: Page, label: string): Promise<string[]> {
  await openTab(page, 'Documenten');
  await openTab(page, label, { exact: true });
  await page.waitForTimeout(50);
  await page.locator('[data-testid="view-table"][aria-busy="false"]').waitFor();
  return page
    .locator('[data-testid="view-table"] [data-document]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-document') ?? ''));
}

/** Chooses a file in the classify dialog and waits for its scan. */
async function pick(page: Page, name: string): Promise<void> {
  const select = page.getByTestId('classify-file');
  const value = await select.locator('option', { hasText: name }).getAttribute('value');
  await select.selectOption(value ?? '');
  await page.locator('[data-testid="classify-scan"]', { hasText: 'Scan:' }).waitFor();
}

/** The version label of a file as the site admin reads it ('0.1' draft, '1.0' published). */
async function versionOf(url: string): Promise<string> {
  return String((await fieldsOf(url)).OData__UIVersionString);
}

it('the library root takes no upload from staff, and a party cannot add to the other party\'s folder', async () => {
  const igj = spForUser(wb.siteUrl, 'igj-medewerker');
  await expect(
    igj.web.getFolderByServerRelativePath(LIBRARY).files.addUsingPath('In de root.txt', 'x', { Overwrite: false }),
  ).rejects.toMatchObject({ status: 403 });
  const cibg = spForUser(wb.siteUrl, 'cibg-medewerker');
  await expect(
    cibg.web
      .getFolderByServerRelativePath(`${LIBRARY}/Gedeeld-igj`)
      .files.addUsingPath('Bij IGJ.txt', 'x', { Overwrite: false }),
  ).rejects.toMatchObject({ status: 403 });
});

it('a native upload is caught: Te classificeren, dashboard warning, classified with "Nu classificeren"', async () => {
  const plain = 'Sleep-upload agenda.txt';
  const withBsn = 'Sleep-upload notitie.txt';
  // As SharePoint's own upload does: straight into the folder the person can write to, no dialog, no metadata.
  const sp = spForUser(wb.siteUrl, 'igj-medewerker');
  const own = sp.web.getFolderByServerRelativePath(`${LIBRARY}/Gedeeld-igj`);
  await own.files.addUsingPath(plain, 'Agenda: actualiteiten en beleidsvoornemens.', { Overwrite: false });
  await own.files.addUsingPath(withBsn, 'Notitie over de zorgaanbieder. BSN 111222333 van de behandelaar.', {
    Overwrite: false,
  });
  expect(await fieldsOf(`${LIBRARY}/Gedeeld-igj/${plain}`)).toMatchObject({
    Toetsstatus: 'Te classificeren',
    Partij: null,
    OData__UIVersionString: '0.1',
  });
  // Until classified it is a draft only the uploader's party reads: an IGJ colleague can, CIBG cannot even see it.
  for (const name of [plain, withBsn]) {
    const url = `${LIBRARY}/Gedeeld-igj/${name}`;
    expect(await fileStatusAs(wb, 'igj-hoofdinspecteur', url)).toBe(200);
    expect(await fileStatusAs(wb, 'cibg-medewerker', url)).toBe(404);
    expect(await fileStatusAs(wb, 'cibg-privacy', url)).toBe(404);
    expect([401, 403, 404]).toContain(await fileStatusAs(wb, 'buitenstaander', url));
  }

  // CIBG sees neither the files nor a warning about them; only the party that put them there classifies them.
  const other = await openAs(browser, wb, 'cibg-medewerker');
  await other.page.locator('[data-testid="documents"] table, [data-testid="documents-empty"]').first().waitFor();
  expect(await viewRows(other.page, 'Te classificeren')).toEqual([]);
  await expect(other.page.getByTestId('unclassified-banner').count()).resolves.toBe(0);
  await other.context.close();

  const { context, page, errors } = await openAs(browser, wb, 'igj-medewerker');
  const banner = page.getByTestId('unclassified-banner');
  await banner.waitFor();
  await expect(banner.getAttribute('data-count')).resolves.toBe('2');
  await expect(banner.textContent()).resolves.toMatch(/2 bestand\(en\) zijn buiten "Delen met toets" om/);
  expect((await viewRows(page, 'Te classificeren')).sort()).toEqual([withBsn, plain].sort());
  // Each row says it is a draft only IGJ reads.
  const badge = page.locator(`[data-testid="view-table"] [data-document="${plain}"] [data-testid="draft-badge"]`);
  await expect(badge.getAttribute('title')).resolves.toBe('Versie 0.1: nog niet gepubliceerd, alleen IGJ kan dit lezen.');
  await screenshot(page, join(SCREENSHOTS, 'catch-banner.png'));

  // Escape closes the dialog with nothing done, and focus is back on "Nu classificeren" (WCAG 2.4.3).
  const dialog = page.getByTestId('classify-dialog');
  await banner.getByTestId('classify-now').focus();
  await page.keyboard.press('Enter');
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'classify-now');

  // Classify the plain one: no personal data, Intern → allowed, stays shared with its metadata.
  await banner.getByTestId('classify-now').click();
  await dialog.waitFor();
  await pick(page, plain);
  await expect(dialog.getByTestId('classify-scan').textContent()).resolves.toBe('Scan: geen persoonsgegevens gevonden');
  await dialog.getByTestId('documentType').selectOption('overlegstuk');
  await dialog.getByRole('radio', { name: 'Intern', exact: false }).first().check();
  await dialog.locator('input[name="personal"][value="no"]').check();
  await page.getByTestId('classify-save').click();
  await expect(dialog.getByTestId('classify-done').getAttribute('data-outcome')).resolves.toBe('allowed');
  // the questions and the button are gone: focus is on what the check decided (WCAG 2.4.3, 4.1.3)
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'classify-done');
  expect(await fieldsOf(`${LIBRARY}/Gedeeld-igj/${plain}`)).toMatchObject({
    Toetsstatus: 'Toegestaan',
    Documenttype: 'overlegstuk',
    Classificatie: 'intern',
    Partij: 'igj',
  });
  // Classified and allowed: published as a major version, so now CIBG reads it.
  expect(await versionOf(`${LIBRARY}/Gedeeld-igj/${plain}`)).toMatch(/^1\.0$/);
  expect(await fileStatusAs(wb, 'cibg-medewerker', `${LIBRARY}/Gedeeld-igj/${plain}`)).toBe(200);

  // The one with a BSN, answered "no personal data": refused (seed 004) → moved to IGJ's review folder as Afgewezen.
  await pick(page, withBsn);
  await expect(dialog.getByTestId('classify-scan').textContent()).resolves.toBe('Scan: 1 BSN-nummer');
  await dialog.getByTestId('documentType').selectOption('signaal');
  await dialog.getByRole('radio', { name: 'Intern', exact: false }).first().check();
  await dialog.locator('input[name="personal"][value="no"]').check();
  await page.getByTestId('classify-save').click();
  await expect(dialog.getByTestId('classify-done').getAttribute('data-outcome')).resolves.toBe('refused');
  await screenshot(page, join(SCREENSHOTS, 'catch-classified-refused.png'));
  expect(await fieldsOf(`${LIBRARY}/Review-igj/${withBsn}`)).toMatchObject({ Toetsstatus: 'Afgewezen', Partij: 'igj' });
  expect([403, 404]).toContain(await fileStatusAs(wb, 'cibg-medewerker', `${LIBRARY}/Review-igj/${withBsn}`));
  // art. 9.2: handed in to the party's review folder, it is the privacy officer's: staff of the party no longer read it.
  expect(await fileStatusAs(wb, 'igj-hoofdinspecteur', `${LIBRARY}/Review-igj/${withBsn}`)).toBe(404);
  expect(await fileStatusAs(wb, 'igj-privacy', `${LIBRARY}/Review-igj/${withBsn}`)).toBe(200);

  // Both decisions are in the Toetslog (AVG art. 5(2)); the number itself never is.
  const log = await fetch(`${wb.siteUrl}/_api/web/lists/getByTitle('Toetslog')/items?$top=500`, {
    headers: { accept: 'application/json;odata=nometadata', 'X-Emulator-User': 'beheerder' },
  });
  const rows = ((await log.json()) as { value: Array<Record<string, unknown>> }).value;
  expect(rows.filter((r) => r.Title === plain).map((r) => r.Besluit)).toEqual(['toegestaan']);
  const refused = rows.filter((r) => r.Title === withBsn);
  expect(refused.map((r) => r.Besluit)).toEqual(['geweigerd']);
  expect(String(refused[0].Gegevens)).not.toContain('111222333');

  // Closing the dialog counts again: nothing left, no banner.
  await page.getByTestId('classify-close').click();
  await page.getByTestId('unclassified-banner').waitFor({ state: 'detached' });
  await page.reload(); // the Documenten tab keeps the views it loaded; a fresh page reads them again
  expect(await viewRows(page, 'Te classificeren')).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
