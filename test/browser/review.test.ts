/**
 * The upload's review side, in Chromium against the workbench: a file that escalates to review (art. 9.2) is invisible
 * to the other party until the sharing party's privacy officer approves it with a note; a rejected file stays with the
 * party as 'Afgewezen'; the uploader reads both outcomes with the note; the Verantwoording export (AVG art. 5(2)) holds
 * both decisions with finding kinds and counts, never a found value. (The approval steps through the queue are also in
 * upload.test.ts; this file adds what the uploader, the other party and the export see.)
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { fileStatusAs, openAs, openTab, screenshot, SCREENSHOTS, startBrowserSuite, stopBrowserSuite, type TestWorkbench } from './workbench';

jest.setTimeout(300_000);

const LIBRARY = '/sites/samenwerkingsruimte/Uitwisseling';
const BSN = '111222333';

let wb: TestWorkbench;
let browser: Browser;

beforeAll(async () => {
  ({ wb, browser } = await startBrowserSuite());
});

afterAll(async () => {
  await stopBrowserSuite({ wb, browser });
});

/** Shares one text file through the Delen dialog as igj-medewerker, with BSN data declared: it goes to review. */
async function shareForReview(page: Page, name: string): Promise<void> {
  await openTab(page, 'Delen');
  await page.getByTestId('share-panel').waitFor();
  await page
    .locator('[data-testid="share-panel"] > [data-testid="dropzone"] input[type="file"]')
    .setInputFiles([{ name, mimeType: 'text/plain', buffer: Buffer.from(`Verzoek tot verificatie. BSN ${BSN}.`, 'utf8') }]);
  const dialog = page.getByTestId('upload-dialog');
  await dialog.waitFor();
  await page.locator(`[data-file="${name}"] [data-testid="scan"]`).waitFor();
  await dialog.getByTestId('documentType').selectOption('signaal');
  // BSN data needs at least this level (seed 004 minimum level); the uploader is in IGJ's autorisatielijst group.
  await dialog.getByRole('radio', { name: 'Departementaal Vertrouwelijk', exact: false }).first().check();
  await dialog.locator('input[name="personal"][value="yes"]').check();
  await dialog.getByTestId('activity').selectOption('identiteitsverificatie');
  for (const label of ['NAW-gegevens', 'Identificatiegegevens (BSN, kopie ID)']) {
    await dialog.getByTestId('categories').getByRole('checkbox', { name: label, exact: true }).check();
  }
  await dialog.getByTestId('necessity').fill('Vaststellen dat de melding over dezelfde zorgverlener gaat als de registratie.');
  await dialog.locator('input[name="lessData"][value="no"]').check();
  await page.getByTestId('check').click();
  await page.locator(`[data-file="${name}"] [data-outcome="review"]`).waitFor();
  await page.getByTestId('share').click();
  await page.locator(`[data-file="${name}"][data-state="done"]`).waitFor();
}

/** Opens the Review tab as a privacy officer and decides on one file with a note. */
async function decideAs(identity: string, name: string, verdict: 'approve' | 'reject', note: string): Promise<void> {
  const { context, page, errors } = await openAs(browser, wb, identity);
  await openTab(page, 'Review');
  const card = page.locator(`[data-review="${name}"]`);
  await card.waitFor();
  await card.getByRole('button', { name: 'Toets bekijken' }).click();
  // Answers and finding kinds and counts from the Toetslog; never the number itself.
  await expect(card.getByTestId('findings').textContent()).resolves.toBe('1 BSN-nummer');
  await expect(card.getByTestId('review-record').textContent()).resolves.toMatch(/Identificatiegegevens/);
  expect(await card.textContent()).not.toContain(BSN);
  // Who reads it once approved (art. 8, 9.5): with two parties, the other one.
  await expect(card.getByTestId('review-recipients').textContent()).resolves.toBe(
    `Na goedkeuring leest: ${identity.startsWith('igj') ? 'CIBG' : 'IGJ'} (art. 8, 9.5)`,
  );
  await card.getByTestId('review-note').fill(note);
  if (verdict === 'approve') await screenshot(page, join(SCREENSHOTS, 'review-queue-before-approve.png'));
  await card.getByTestId(verdict).click();
  await page.getByTestId('review-done').waitFor();
  await expect(page.getByTestId('review-done').getAttribute('class')).resolves.toBeTruthy();
  await expect(page.locator(`[data-review="${name}"]`).count()).resolves.toBe(0);
  expect(errors).toEqual([]);
  await context.close();
}

it('review path: hidden from the other party until approved; rejected stays with the party; the uploader reads the notes', async () => {
  const approved = 'Verificatie zorgverlener A.txt';
  const rejected = 'Verificatie zorgverlener B.txt';
  const uploader = await openAs(browser, wb, 'igj-medewerker');
  await shareForReview(uploader.page, approved);
  await uploader.page.getByRole('button', { name: 'Andere bestanden delen' }).click().catch(() => undefined);
  await uploader.page.keyboard.press('Escape');
  await uploader.context.close();
  const second = await openAs(browser, wb, 'igj-medewerker');
  await shareForReview(second.page, rejected);
  await second.context.close();

  // art. 9.2: before the review only IGJ (and its privacy officer) can read them.
  for (const name of [approved, rejected]) {
    expect([403, 404]).toContain(await fileStatusAs(wb, 'cibg-medewerker', `${LIBRARY}/Review-igj/${name}`));
    expect(await fileStatusAs(wb, 'igj-privacy', `${LIBRARY}/Review-igj/${name}`)).toBe(200);
  }
  // The CIBG privacy officer has a queue of their own party's files only.
  const cibgOfficer = await openAs(browser, wb, 'cibg-privacy');
  await openTab(cibgOfficer.page, 'Review');
  await cibgOfficer.page.getByTestId('review-queue').waitFor();
  await expect(cibgOfficer.page.locator('[data-review]').count()).resolves.toBe(0);
  await cibgOfficer.context.close();

  await decideAs('igj-privacy', approved, 'approve', 'Noodzakelijk voor de verificatie; binnen het doel.');
  await decideAs('igj-privacy', rejected, 'reject', 'Het BSN is hier niet nodig; deel het stuk zonder BSN opnieuw.');

  // Approved: moved to the restricted folder its level demands, readable by CIBG's listed staff (art. 10.1);
  // rejected: still only in IGJ's review folder.
  expect(await fileStatusAs(wb, 'cibg-medewerker', `${LIBRARY}/Vertrouwelijk-igj/${approved}`)).toBe(200);
  expect(await fileStatusAs(wb, 'igj-privacy', `${LIBRARY}/Review-igj/${approved}`)).not.toBe(200); // moved, not copied
  expect([403, 404]).toContain(await fileStatusAs(wb, 'cibg-medewerker', `${LIBRARY}/Review-igj/${rejected}`));
  expect(await fileStatusAs(wb, 'igj-medewerker', `${LIBRARY}/Review-igj/${rejected}`)).toBe(200);

  // The uploader sees both outcomes with the privacy officer's note (from their own Toetslog record).
  const { context, page, errors } = await openAs(browser, wb, 'igj-medewerker');
  await openTab(page, 'Review');
  const row = (name: string) => page.locator(`[data-outcome-file="${name}"]`);
  await row(approved).waitFor();
  await expect(row(approved).getAttribute('data-status')).resolves.toBe('Toegestaan');
  await expect(row(approved).getByTestId('outcome-note').textContent()).resolves.toBe(
    'Notitie van Fatima El Amrani: Noodzakelijk voor de verificatie; binnen het doel.',
  );
  await expect(row(rejected).getAttribute('data-status')).resolves.toBe('Afgewezen');
  await expect(row(rejected).getByTestId('outcome-status').textContent()).resolves.toBe(
    'Afgewezen (alleen zichtbaar voor uw partij)',
  );
  await expect(row(rejected).getByTestId('outcome-note').textContent()).resolves.toMatch(/Het BSN is hier niet nodig/);
  await screenshot(page, join(SCREENSHOTS, 'review-uploader-outcomes.png'));
  expect(errors).toEqual([]);
  await context.close();

  // The CIBG member sees the approved file in the dashboard's documents; not the rejected one.
  const cibg = await openAs(browser, wb, 'cibg-medewerker');
  await cibg.page.getByTestId('documents').locator('table').waitFor();
  await cibg.page.locator(`[data-document="${approved}"]`).first().waitFor();
  await expect(cibg.page.locator(`[data-document="${rejected}"]`).count()).resolves.toBe(0);
  await cibg.context.close();
});

it('Verantwoording export: CSV with BOM, every decision the privacy officer may read, kinds and counts only', async () => {
  const { context, page, errors } = await openAs(browser, wb, 'igj-privacy');
  await openTab(page, 'Review');
  await page.getByTestId('export-panel').waitFor();
  await expect(page.getByTestId('export-scope').textContent()).resolves.toBe('U ziet alle toetsrecords van de Toetslog.');
  // the period is typed day first: a day that does not exist is refused at the field, never run as "no bound"
  const from = page.getByTestId('export-from');
  for (const typed of ['31-02-2026', '2026-02-31']) {
    await from.fill(typed);
    await expect(page.getByTestId('export-csv').isDisabled()).resolves.toBe(true);
  }
  await from.fill('2-1-2020');
  await expect(page.getByText('Gelezen als donderdag 2 januari 2020.').count()).resolves.toBe(1);
  await expect(page.getByTestId('export-csv').isEnabled()).resolves.toBe(true);
  await from.fill('');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/^verantwoording-igj-cibg-\d{4}-\d{2}-\d{2}\.csv$/);
  const path = join(SCREENSHOTS, 'verantwoording.csv');
  await download.saveAs(path);
  const text = readFileSync(path, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).split('\r\n');
  expect(lines[0]).toMatch(/^Tijdstip;ToetsId;Wie;E-mail;Partij;Ontvangers;Bestand;Doel \(verwerkingsactiviteit\);/);
  const besluit = lines[0].split(';').indexOf('Besluit');
  const decisions = lines.filter((l) => l.includes('Verificatie zorgverlener')).map((l) => l.split(';')[besluit]);
  expect(decisions.sort()).toEqual(['afgewezen', 'goedgekeurd', 'review', 'review']);
  expect(lines.some((l) => l.includes('Verificatie zorgverlener A.txt') && l.includes('bsn: 1'))).toBe(true);
  expect(text).not.toContain(BSN);
  await page.getByTestId('export-done').waitFor();
  await screenshot(page, join(SCREENSHOTS, 'review-export.png'));
  expect(errors).toEqual([]);
  await context.close();

  // Staff are told the export holds only their own records (the Toetslog shows them no more).
  const staff = await openAs(browser, wb, 'igj-accounthouder');
  await openTab(staff.page, 'Review');
  await expect(staff.page.getByTestId('export-scope').textContent()).resolves.toMatch(/alleen uw eigen toetsrecords/);
  await staff.context.close();
});
