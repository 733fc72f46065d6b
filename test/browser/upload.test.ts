/**
 * The upload in Chromium against the workbench: "Delen met toets" from the dashboard's Delen tab. An allowed upload
 * lands with its metadata and Toetslog record; a BSN found while "no personal data" was answered is refused (nothing
 * sent); a restricted file cannot be opened by someone outside the autorisatielijst (art. 10.1).
 */
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import {
  answerBasics,
  openAs,
  openTab,
  pickFiles,
  SCREENSHOTS,
  startBrowserSuite,
  stopBrowserSuite,
  type TestWorkbench,
} from './workbench';

jest.setTimeout(240_000);

const LIBRARY = '/sites/samenwerkingsruimte/Uitwisseling';

let wb: TestWorkbench;
let browser: Browser;

beforeAll(async () => {
  ({ wb, browser } = await startBrowserSuite());
});

afterAll(async () => {
  await stopBrowserSuite({ wb, browser });
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
  await page.waitForFunction(() => !(document.querySelector('[data-testid="check"]') as HTMLButtonElement).disabled);
  await expect(page.getByTestId('missing').count()).resolves.toBe(0);
  await page.waitForTimeout(300); // let Fluent's button transition finish, so the screenshot shows the enabled state
  await page.screenshot({ path: join(SCREENSHOTS, 'upload-dialog-answered.png') });
  await page.getByTestId('check').click();
  await page.locator(`[data-file="${name}"] [data-outcome="allowed"]`).waitFor();
  expect(await auditOf(name)).toBeUndefined(); // allowed files are logged when shared, with the upload
  await page.getByTestId('share').click();
  await page.locator(`[data-file="${name}"][data-state="done"]`).waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'upload-dialog-done.png') });

  const file = await api(
    'cibg-medewerker',
    `web/getFileByServerRelativePath(decodedurl='${LIBRARY}/Gedeeld-igj/${name}')/listItemAllFields`,
  );
  // Shared: in IGJ's folder, published as a major version, so the other party reads it (art. 9.5).
  expect(file.status).toBe(200);
  expect(file.json).toMatchObject({
    Documenttype: 'overlegstuk',
    Classificatie: 'intern',
    Toetsstatus: 'Toegestaan',
    Partij: 'igj',
    OData__UIVersionString: '1.0',
  });
  const record = await auditOf(name);
  expect(record).toMatchObject({ Besluit: 'toegestaan', Partij: 'igj', ToetsId: file.json.ToetsId });
  expect(errors).toEqual([]);
  await context.close();
});

/** Waits until the dialog has finished the current action (its phase attribute). */
async function phase(page: Page, value: string): Promise<void> {
  await page.locator(`[data-testid="upload-dialog"][data-phase="${value}"]`).waitFor();
}

/** Status of GET on a file URL in a browser signed in as `identity` (the cookie, as the workbench page sends it). */
async function openFileAs(identity: string, url: string): Promise<number> {
  const context = await browser.newContext();
  await context.addCookies([{ name: 'EmuAuth', value: identity, url: wb.url }]);
  // The browser's own request stack with the context's cookies (a navigation would turn into a download).
  const response = await context.request.get(`${wb.url}${encodeURI(url)}`);
  const status = response.status();
  await context.close();
  return status;
}

it('refuses when the scan finds a BSN while "no personal data" was answered: nothing sent, refusal logged', async () => {
  const { context, page, errors } = await openAs(browser, wb, 'igj-medewerker');
  const name = 'Notitie zorgaanbieder.txt';
  await pickFiles(page, [{ name, text: 'Notitie over de zorgaanbieder. Betreft BSN 111222333 van de behandelaar.' }]);
  await expect(page.locator(`[data-file="${name}"] [data-testid="scan"]`).textContent()).resolves.toBe(
    'Scan: 1 BSN-nummer gevonden',
  );
  await answerBasics(page, 'signaal', 'Intern', 'no');
  await page.getByTestId('check').click();
  await phase(page, 'decided');
  const row = page.locator(`[data-file="${name}"]`);
  await row.locator('[data-outcome="refused"]').waitFor();
  await expect(row.locator('[data-reason="finding_contradicts_answer"]').textContent()).resolves.toMatch(
    /^art\. 9\.1; seed 004: 1× BSN gevonden, terwijl u 'geen persoonsgegevens' antwoordde/,
  );
  await expect(row.locator('[data-advice]').first().textContent()).resolves.toMatch(/^Wat u kunt doen: Verwijder/);
  await expect(page.getByTestId('share').count()).resolves.toBe(0);
  await page.screenshot({ path: join(SCREENSHOTS, 'upload-dialog-refused-bsn.png') });
  const file = await api('beheerder', `web/getFileByServerRelativePath(decodedurl='${LIBRARY}/Gedeeld-igj/${name}')/exists`);
  expect(file.json.value ?? file.json.Exists ?? false).toBe(false);
  const record = await auditOf(name);
  expect(record).toMatchObject({ Besluit: 'geweigerd' });
  const details = JSON.parse(String(record?.Gegevens)) as { findings: unknown[] };
  expect(details.findings).toEqual([{ kind: 'bsn', count: 1 }]);
  expect(String(record?.Gegevens)).not.toContain('111222333');
  expect(errors).toEqual([]);
  await context.close();
});

it('a restricted file (Departementaal Vertrouwelijk) lands where only the autorisatielijst can open it (art. 10.1)', async () => {
  const { context, page, errors } = await openAs(browser, wb, 'igj-medewerker');
  const name = 'Vertrouwelijke analyse toezicht.txt';
  await pickFiles(page, [{ name, text: 'Analyse van risico-indicatoren, geen persoonsgegevens.' }]);
  await answerBasics(page, 'beleidsinformatie', 'Departementaal Vertrouwelijk', 'no');
  await page.getByTestId('check').click();
  await page.locator(`[data-file="${name}"] [data-reason="classification_restricted"]`).waitFor();
  await page.getByTestId('share').click();
  await page.locator(`[data-file="${name}"][data-state="done"]`).waitFor();
  await context.close();

  const url = `${LIBRARY}/Vertrouwelijk-igj/${name}`;
  expect(await openFileAs('cibg-medewerker', url)).toBe(200); // on CIBG's autorisatielijst (art. 10.1)
  expect([401, 403, 404]).toContain(await openFileAs('buitenstaander', url));
  expect([403, 404]).toContain(await openFileAs('igj-hoofdinspecteur', url)); // IGJ staff, not on the list
  expect(errors).toEqual([]);
});

it('review (BSN declared, art. 9.2): stored for the sharing party and its privacy officer only', async () => {
  const { context, page, errors } = await openAs(browser, wb, 'igj-medewerker');
  const name = 'Verificatie identiteit zorgverlener.txt';
  await pickFiles(page, [{ name, text: 'Verzoek tot verificatie. BSN 111222333.' }]);
  await answerBasics(page, 'signaal', 'Departementaal Vertrouwelijk', 'yes');
  const dialog = page.getByTestId('upload-dialog');
  await dialog.getByTestId('activity').selectOption('identiteitsverificatie');
  await expect(dialog.getByTestId('register').textContent()).resolves.toMatch(/Grondslag: AVG art\. 6\(1\)/);
  for (const label of ['NAW-gegevens', 'Identificatiegegevens (BSN, kopie ID)']) {
    await dialog.getByTestId('categories').getByRole('checkbox', { name: label, exact: true }).check();
  }
  await dialog
    .getByTestId('necessity')
    .fill('Vaststellen dat de melding over dezelfde zorgverlener gaat als de registratie.');
  await dialog.locator('input[name="lessData"][value="no"]').check();
  await page.getByTestId('check').click();
  const row = page.locator(`[data-file="${name}"]`);
  await row.locator('[data-outcome="review"]').waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'upload-dialog-review.png') });
  await page.getByTestId('share').click();
  await page.locator(`[data-file="${name}"][data-state="done"]`).waitFor();
  await expect(row.getByTestId('file-state').textContent()).resolves.toMatch(/wacht op de privacy officer/);
  await context.close();

  const url = `${LIBRARY}/Review-igj/${name}`;
  expect(await openFileAs('igj-privacy', url)).toBe(200);
  expect([403, 404]).toContain(await openFileAs('cibg-medewerker', url));
  expect([403, 404]).toContain(await openFileAs('cibg-privacy', url));
  expect(errors).toEqual([]);
});

it('refuses a category the configuration blocks for the recipient (fixture rule in the site configuration)', async () => {
  const { spForUser } = await import('../../workbench/seed/clients');
  const { readFileSync } = await import('fs');
  const admin = spForUser(wb.siteUrl, 'beheerder');
  const folder = admin.web.getFolderByServerRelativePath('/sites/samenwerkingsruimte/Configuratie/Samenwerkingsruimte');
  const original = await admin.web
    .getFileByServerRelativePath('/sites/samenwerkingsruimte/Configuratie/Samenwerkingsruimte/agreement.json')
    .getText();
  const rule = JSON.parse(readFileSync(join(__dirname, '../fixtures/upload/blocked-rule.json'), 'utf8')) as {
    blockedCategories: unknown[];
  };
  const patched = JSON.parse(original) as { rules: { blockedCategories: unknown[] } };
  patched.rules.blockedCategories = rule.blockedCategories;
  await folder.files.addUsingPath('agreement.json', JSON.stringify(patched, null, 2), { Overwrite: true });
  try {
    const { context, page, errors } = await openAs(browser, wb, 'igj-medewerker');
    const name = 'Overzicht betalingen registratie.txt';
    await pickFiles(page, [{ name, text: 'Overzicht van betalingen voor de herregistratie.' }]);
    await answerBasics(page, 'signaal', 'Departementaal Vertrouwelijk', 'yes');
    const dialog = page.getByTestId('upload-dialog');
    await dialog.getByTestId('activity').selectOption('signalen-big-register');
    await dialog
      .getByTestId('categories')
      .getByRole('checkbox', { name: /^Betaalgegevens/ })
      .check();
    await dialog.getByTestId('necessity').fill('De betalingen tonen aan dat de zorgverlener nog werkzaam is.');
    await dialog.locator('input[name="lessData"][value="no"]').check();
    await page.getByTestId('check').click();
    const row = page.locator(`[data-file="${name}"]`);
    await row.locator('[data-outcome="refused"]').waitFor();
    await expect(row.locator('[data-reason="category_blocked"]').textContent()).resolves.toMatch(
      /^testconfiguratie \(naar seed 002, wilsafhankelijk materiaal\): 'Betaalgegevens' gaat nooit naar CIBG/,
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'upload-dialog-refused-blocked.png') });
    expect(await auditOf(name)).toMatchObject({ Besluit: 'geweigerd' });
    const exists = await api('beheerder', `web/getFileByServerRelativePath(decodedurl='${LIBRARY}/Gedeeld-igj/${name}')/exists`);
    expect(exists.json.value ?? false).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  } finally {
    await folder.files.addUsingPath('agreement.json', original, { Overwrite: true });
  }
});

it('bad input: an empty file, a forbidden name and a name already in the library are named and never sent', async () => {
  const { context, page, errors } = await openAs(browser, wb, 'igj-medewerker');
  const existing = 'DVA IGJ-CIBG 2025.txt'; // seeded demo document
  await openTab(page, 'Delen');
  await page.locator('[data-testid="share-panel"] > [data-testid="dropzone"] input[type="file"]').setInputFiles([
    { name: 'leeg.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    { name: 'vraag?.txt', mimeType: 'text/plain', buffer: Buffer.from('x') },
    { name: existing, mimeType: 'text/plain', buffer: Buffer.from('nieuwe versie') },
    { name: 'goed.txt', mimeType: 'text/plain', buffer: Buffer.from('Gewone tekst.') },
  ]);
  await page.locator('[data-file="goed.txt"] [data-testid="scan"]').waitFor();
  await page.locator('[data-file="leeg.txt"] [data-problem="empty"]').waitFor();
  await page.locator('[data-file="vraag?.txt"] [data-problem="bad-name"]').waitFor();
  await page.locator(`[data-file="${existing}"] [data-problem="duplicate-in-library"]`).waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'upload-dialog-bad-input.png') });
  await answerBasics(page, 'overlegstuk', 'Intern', 'no');
  await page.getByTestId('check').click();
  await page.getByTestId('share').click();
  await phase(page, 'finished');
  await expect(page.getByTestId('share').count()).resolves.toBe(0);
  expect(
    await page.locator('[data-state="done"]').evaluateAll((r) => r.map((x) => x.getAttribute('data-file'))),
  ).toEqual(['goed.txt']);
  const text = await (
    await fetch(`${wb.siteUrl}/_api/web/getFileByServerRelativePath(decodedurl='${LIBRARY}/Gedeeld-cibg/${existing}')/$value`, {
      headers: { 'X-Emulator-User': 'beheerder' },
    })
  ).text();
  expect(text).toMatch(/^DIENSTVERLENINGSAFSPRAKEN/); // the existing document is untouched
  expect(errors).toEqual([]);
  await context.close();
});

it('a large file goes up in chunks with a progress bar; a dropped chunk is retried and the whole file lands', async () => {
  const { context, page, errors } = await openAs(browser, wb, 'igj-medewerker');
  const name = 'Meetgegevens toezicht.bin';
  const size = 23 * 1024 * 1024 + 123; // three 10 MiB chunks (the last one short)
  const bytes = Buffer.alloc(size, 7);
  await openTab(page, 'Delen');
  await page
    .locator('[data-testid="share-panel"] > [data-testid="dropzone"] input[type="file"]')
    .setInputFiles([{ name, mimeType: 'application/octet-stream', buffer: bytes }]);
  // Said plainly: this type cannot be scanned, so the answers stand unchecked.
  await expect(page.locator(`[data-file="${name}"] [data-testid="scan"]`).textContent()).resolves.toMatch(
    /^Niet gescand: \.bin: dit bestandstype kan niet worden gescand; controleer de inhoud zelf/,
  );
  await answerBasics(page, 'beleidsinformatie', 'Intern', 'no');
  await page.getByTestId('check').click();
  await page.locator(`[data-file="${name}"] [data-reason="scan_unsupported"]`).waitFor();
  // Chunk requests lose their connection now and then (seed 12: never three drops in a row for one chunk, the attempts
  // per chunk); each dropped chunk is sent again.
  await fetch(`${wb.url}/_emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ rateReset: 0.3, pathPattern: 'startUpload|continueUpload|finishUpload', seed: 12 }),
  });
  try {
    await page.getByTestId('share').click();
    await page.locator(`[data-file="${name}"] [role="progressbar"]`).waitFor();
    await page.locator(`[data-file="${name}"][data-state="done"]`).waitFor({ timeout: 120_000 });
    // Connections really were dropped under the upload (who sent the chunk again — PnPjs's fetch retry or the
    // upload's own chunk retry, which the row then counts — depends on where the drops fall).
    const faults = (await (await fetch(`${wb.url}/_emulator/faults`)).json()) as { injected: { reset: number } };
    expect(faults.injected.reset).toBeGreaterThan(0);
  } finally {
    await fetch(`${wb.url}/_emulator/faults`, { method: 'DELETE' });
  }
  const row = page.locator(`[data-file="${name}"]`);
  await expect(row.textContent()).resolves.toMatch(/23,0 MB van 23,0 MB( · [1-9]\d*× een deel opnieuw verstuurd)?/);
  await page.screenshot({ path: join(SCREENSHOTS, 'upload-dialog-large.png') });
  // A file the browser could not read goes to review (rules.unreadFile): its party's privacy officer reads it there.
  const res = await fetch(
    `${wb.siteUrl}/_api/web/getFileByServerRelativePath(decodedurl='${LIBRARY}/Review-igj/${name}')/$value`,
    {
      headers: { 'X-Emulator-User': 'igj-privacy' },
    },
  );
  const back = Buffer.from(await res.arrayBuffer());
  expect(back.length).toBe(size);
  expect(back.equals(bytes)).toBe(true);
  expect(errors).toEqual([]);
  await context.close();
});
