/**
 * Issue 4 in Chromium against the workbench: "Delen met toets" from the dashboard's Delen tab. An allowed upload lands
 * with its metadata and Toetslog record; a BSN found while "no personal data" was answered is refused (nothing sent);
 * a restricted file cannot be opened by someone outside the autorisatielijst (art. 10.1).
 */
import { mkdirSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openAs, startTestWorkbench, type TestWorkbench } from './workbench';

jest.setTimeout(240_000);

const shots = join(tmpdir(), 'samenwerkingsruimte-screenshots');
const LIBRARY = '/sites/samenwerkingsruimte/Uitwisseling';

let wb: TestWorkbench;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  wb = await startTestWorkbench();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await wb?.stop();
});

/** A REST GET on the site as a demo identity (Node side, like SharePoint's own API): status and JSON. */
async function api(user: string, path: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${wb.siteUrl}/_api/${path}`, {
    headers: { accept: 'application/json;odata=nometadata', 'X-Emulator-User': user },
  });
  return { status: res.status, json: res.status === 200 ? ((await res.json()) as Record<string, unknown>) : {} };
}

/** The Toetslog record of a file, as the site admin reads it. */
async function auditOf(fileName: string): Promise<Record<string, unknown> | undefined> {
  const { json } = await api('beheerder', `web/lists/getByTitle('Toetslog')/items?$top=500`);
  const rows = (json.value as Array<Record<string, unknown>>) ?? [];
  return rows.reverse().find((r) => r.Title === fileName);
}

/** Opens the Delen tab and picks files in its drop zone; resolves when the dialog shows them. */
async function pickFiles(page: Page, files: Array<{ name: string; text: string }>): Promise<void> {
  await page.getByRole('tab', { name: 'Delen' }).click();
  await page.getByTestId('share-panel').waitFor();
  await page.locator('[data-testid="share-panel"] > [data-testid="dropzone"] input[type="file"]').setInputFiles(
    files.map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: Buffer.from(f.text, 'utf8') })),
  );
  await page.getByTestId('upload-dialog').waitFor();
  for (const f of files) await page.locator(`[data-file="${f.name}"] [data-testid="scan"]`).waitFor();
}

/** Answers document type, classification and "personal data?" in the dialog. */
async function answerBasics(page: Page, type: string, level: string, personal: 'yes' | 'no'): Promise<void> {
  const dialog = page.getByTestId('upload-dialog');
  await dialog.getByTestId('documentType').selectOption(type);
  await dialog.getByRole('radio', { name: level, exact: false }).first().check();
  await dialog.locator(`input[name="personal"][value="${personal}"]`).check();
}

it('an allowed upload: scanned, checked, shared with metadata and a Toetslog record; the other party sees it', async () => {
  const { context, page, errors } = await openAs(browser, wb, 'igj-medewerker');
  const name = 'Agenda ambtelijk overleg december.txt';
  await pickFiles(page, [{ name, text: 'Agenda: actualiteiten en beleidsvoornemens (art. 6.2 a), casuïstiek (b).' }]);
  await expect(page.locator(`[data-file="${name}"] [data-testid="scan"]`).textContent()).resolves.toBe(
    'Scan: geen persoonsgegevens gevonden',
  );
  // Nothing is answered yet: the check cannot run, and the dialog says what is missing.
  await expect(page.getByTestId('check').isDisabled()).resolves.toBe(true);
  await expect(page.getByTestId('missing').textContent()).resolves.toMatch(/Documenttype.*Rubricering/);
  await answerBasics(page, 'overlegstuk', 'Intern', 'no');
  await page.screenshot({ path: join(shots, 'upload-dialog-answered.png') });
  await page.getByTestId('check').click();
  await page.locator(`[data-file="${name}"] [data-outcome="allowed"]`).waitFor();
  expect(await auditOf(name)).toBeUndefined(); // allowed files are logged when shared, with the upload
  await page.getByTestId('share').click();
  await page.locator(`[data-file="${name}"][data-state="done"]`).waitFor();
  await page.screenshot({ path: join(shots, 'upload-dialog-done.png') });

  const file = await api('cibg-medewerker', `web/getFileByServerRelativePath(decodedurl='${LIBRARY}/${name}')/listItemAllFields`);
  expect(file.status).toBe(200);
  expect(file.json).toMatchObject({ Documenttype: 'overlegstuk', Classificatie: 'intern', Toetsstatus: 'Toegestaan', Partij: 'igj' });
  const record = await auditOf(name);
  expect(record).toMatchObject({ Besluit: 'toegestaan', Partij: 'igj', ToetsId: file.json.ToetsId });
  expect(errors).toEqual([]);
  await context.close();
});
