/**
 * The personal-data scan in Chromium against the workbench: it reads what people really share, in the browser, from the
 * package's own assets. The dashboard's first render loads no PDF, OCR or ODF code; a PDF loads pdf.js (and its worker)
 * when chosen; a text file is scanned in the scan's Web Worker with progress in bytes; an image-only PDF page that OCR
 * cannot read goes to review with the reason; a scan with a BSN, read by OCR, is refused when "geen persoonsgegevens"
 * was answered; a scan can be stopped, and what it did not read goes to review. Nothing is fetched from another origin.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Browser, Page, Response } from 'playwright-core';
import { FIRST_RENDER } from '../../scripts/firstRenderProbe';
import { SCAN_WASM_BASE64 } from '../../src/domain/scan/wasm/module';
import { openAs, openTab, SCREENSHOTS, startBrowserSuite, stopBrowserSuite, type TestWorkbench } from './workbench';

jest.setTimeout(240_000);

const DOCS = join(__dirname, '..', 'fixtures', 'documents');

let wb: TestWorkbench;
let browser: Browser;

beforeAll(async () => {
  ({ wb, browser } = await startBrowserSuite());
});

afterAll(async () => {
  await stopBrowserSuite({ wb, browser });
});

/** Code that may load only when such a file is chosen: a string each chunk carries (minification keeps strings). */
const MARKERS = {
  pdf: 'PasswordException', // pdf.js
  ocr: 'tesseract', // tesseract.js
  odf: 'vnd.oasis.opendocument', // the OpenDocument reader
  glue: 'scan-worker', // the browser scan (src/scan/browser.ts)
};

/** Every script the page loads, with its text. */
function scripts(page: Page): Array<{ url: string; text: Promise<string> }> {
  const seen: Array<{ url: string; text: Promise<string> }> = [];
  page.on('response', (r: Response) => {
    if (/\.js(\?|$)/.test(r.url()) && r.request().resourceType() === 'script') seen.push({ url: r.url(), text: r.text().catch(() => '') });
  });
  return seen;
}

async function loaded(list: Array<{ url: string; text: Promise<string> }>): Promise<Record<keyof typeof MARKERS, boolean>> {
  const texts = await Promise.all(list.map((s) => s.text));
  const has = (marker: string): boolean => texts.some((t) => t.includes(marker));
  return { pdf: has(MARKERS.pdf), ocr: has(MARKERS.ocr), odf: has(MARKERS.odf), glue: has(MARKERS.glue) };
}

/** Picks fixture files (or given bytes) in the Delen tab's drop zone; resolves when the dialog shows them. */
async function pick(page: Page, files: Array<{ name: string; buffer?: Buffer; mimeType?: string }>): Promise<void> {
  await openTab(page, 'Delen');
  await page.getByTestId('share-panel').waitFor();
  await page.locator('[data-testid="share-panel"] > [data-testid="dropzone"] input[type="file"]').setInputFiles(
    files.map((f) => ({
      name: f.name,
      mimeType: f.mimeType ?? 'application/octet-stream',
      buffer: f.buffer ?? readFileSync(join(DOCS, f.name)),
    })),
  );
  await page.getByTestId('upload-dialog').waitFor();
}

async function answerNoPersonalData(page: Page): Promise<void> {
  const dialog = page.getByTestId('upload-dialog');
  await dialog.getByTestId('documentType').selectOption('overlegstuk');
  await dialog.getByRole('radio', { name: 'Intern', exact: false }).first().check();
  await dialog.locator('input[name="personal"][value="no"]').check();
}

/** The scan line of a file, once the scan is done. */
async function scanLine(page: Page, name: string): Promise<string> {
  const line = page.locator(`[data-file="${name}"] [data-testid="scan"]`);
  await line.waitFor({ timeout: 120_000 });
  return (await line.textContent()) ?? '';
}

it('first render loads no scan code; a PDF loads pdf.js and its worker from the package; a text file scans in a worker', async () => {
  const { context, page, errors } = await openAs(browser, wb, 'igj-medewerker');
  const list = scripts(page);
  const origins = new Set<string>();
  page.on('request', (r) => origins.add(new URL(r.url()).origin));
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.waitForFunction((selectors) => selectors.every((s) => document.querySelector(s)), FIRST_RENDER);
  await page.waitForLoadState('networkidle');
  expect(await loaded(list)).toEqual({ pdf: false, ocr: false, odf: false, glue: false });

  // a text PDF: pdf.js and its worker load, OCR does not
  await pick(page, [{ name: 'letter-chromium.pdf', mimeType: 'application/pdf' }]);
  await expect(scanLine(page, 'letter-chromium.pdf')).resolves.toBe("Scan: 20 BSN-nummers, 20 IBAN's gevonden");
  expect(await loaded(list)).toMatchObject({ pdf: true, ocr: false });
  expect(workers.some((u) => /\/build\/scan\/pdfjs-[\d.]+\/pdf\.worker\.min\.js$/.test(u))).toBe(true);

  // an ODF text and a large text file: in the scan worker, with progress in bytes (recorded in the page: it is quick)
  await page.evaluate(() => {
    const w = window as unknown as { progressSeen: string[] };
    w.progressSeen = [];
    new MutationObserver(() => {
      const el = document.querySelector('[data-file="groot.txt"] [data-testid="scan-progress"][data-scan-kind="bytes"]');
      if (el?.textContent) w.progressSeen.push(el.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await page.getByTestId('upload-dialog').locator('input[type="file"]').setInputFiles([
    { name: 'letter.odt', mimeType: 'application/vnd.oasis.opendocument.text', buffer: readFileSync(join(DOCS, 'letter.odt')) },
    { name: 'groot.txt', mimeType: 'text/plain', buffer: Buffer.concat([Buffer.alloc(30 * 1024 * 1024, 'tekst zonder nummers. '), Buffer.from(' BSN 111222333\n')]) },
  ]);
  await expect(scanLine(page, 'groot.txt')).resolves.toBe('Scan: 1 BSN-nummer gevonden');
  // Chromium takes the module of the scanner's WebAssembly walk (SIMD included); which path reads a text file, and that
  // both find the same, is tested in Node (test/domain/scan/wasm/engine.test.ts)
  expect(
    await page.evaluate((b64) => WebAssembly.validate(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))), SCAN_WASM_BASE64),
  ).toBe(true);
  const progress = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  expect(progress.length).toBeGreaterThan(2);
  expect(progress[0]).toMatch(/^Gescand: [\d,]+ (KB|MB) van 30,0 MBScan stoppen$/);
  await expect(scanLine(page, 'letter.odt')).resolves.toBe("Scan: 20 BSN-nummers, 20 IBAN's gevonden");
  expect(workers.filter((u) => /\/build\/scan\/scan-worker\.[0-9a-f]+\.js$/.test(u)).length).toBeGreaterThanOrEqual(2);
  expect(await loaded(list)).toMatchObject({ ocr: false });
  expect([...origins]).toEqual([wb.url]);
  expect(errors).toEqual([]);
  await context.close();
});

it('an image-only PDF page OCR cannot read goes to review, naming the page; a scan read by OCR with a BSN is refused', async () => {
  const { context, page, errors } = await openAs(browser, wb, 'igj-medewerker');
  const list = scripts(page);
  const origins = new Set<string>();
  page.on('request', (r) => origins.add(new URL(r.url()).origin));
  await pick(page, [
    { name: 'drawing-image-only.pdf', mimeType: 'application/pdf' },
    { name: 'scan-300.jpg', mimeType: 'image/jpeg' },
  ]);
  // progress per page while OCR runs
  await page.locator('[data-testid="scan-progress"][data-scan-kind="page"]').first().waitFor({ timeout: 120_000 });
  await expect(scanLine(page, 'drawing-image-only.pdf')).resolves.toMatch(
    /^Niet volledig gelezen: pagina 1 van 1 niet gelezen: op de afbeelding is geen tekst herkend \(OCR\)|^Niet volledig gelezen: pagina 1 van 1 niet gelezen: de tekst op de afbeelding is niet betrouwbaar herkend/,
  );
  const scan = await scanLine(page, 'scan-300.jpg');
  const [, bsn, iban] = /^Scan: (\d+) BSN-nummers, (\d+) IBAN's gevonden · Tekst herkend met tekstherkenning \(OCR\)/.exec(scan) ?? [];
  expect(Number(bsn)).toBeGreaterThanOrEqual(19);
  expect(Number(iban)).toBeGreaterThanOrEqual(19);
  expect(await loaded(list)).toMatchObject({ ocr: true, pdf: true });

  await answerNoPersonalData(page);
  await page.getByTestId('check').click();
  const drawing = page.locator('[data-file="drawing-image-only.pdf"]');
  await drawing.locator('[data-outcome="review"]').waitFor();
  await expect(drawing.locator('[data-reason="scan_partial"]').textContent()).resolves.toMatch(
    /^art\. 9\.2; seed 004: niet volledig gelezen: pagina 1 van 1 niet gelezen: .*\(OCR\); wat niet gelezen is, telt niet als "geen persoonsgegevens": de privacy officer van uw partij beoordeelt het stuk$/,
  );
  const photo = page.locator('[data-file="scan-300.jpg"]');
  await photo.locator('[data-outcome="refused"]').waitFor();
  // one reason per strong kind found: the BSNs and the IBANs each contradict "geen persoonsgegevens"
  await expect(photo.locator('[data-reason="finding_contradicts_answer"]').allTextContents()).resolves.toEqual([
    expect.stringMatching(/^art\. 9\.1; seed 004: \d+× BSN gevonden, terwijl u 'geen persoonsgegevens' antwoordde/),
    expect.stringMatching(/\d+× IBAN gevonden, terwijl u 'geen persoonsgegevens' antwoordde/),
  ]);
  await page.screenshot({ path: join(SCREENSHOTS, 'scan-ocr-decisions.png') });
  expect([...origins]).toEqual([wb.url]);
  expect(errors).toEqual([]);
  await context.close();
});

it('a scan can be stopped: the page not read goes to review with the reason', async () => {
  const { context, page, errors } = await openAs(browser, wb, 'igj-medewerker');
  await pick(page, [{ name: 'scan-300.pdf', mimeType: 'application/pdf' }]);
  const row = page.locator('[data-file="scan-300.pdf"]');
  await row.locator('[data-scan-kind="page"]').waitFor({ timeout: 120_000 });
  await row.getByTestId('scan-cancel').click();
  await expect(scanLine(page, 'scan-300.pdf')).resolves.toBe(
    'Niet volledig gelezen: pagina 1 van 1 niet gelezen: het scannen is gestopt',
  );
  await answerNoPersonalData(page);
  await page.getByTestId('check').click();
  await row.locator('[data-outcome="review"]').waitFor();
  await expect(row.locator('[data-reason="scan_partial"]').count()).resolves.toBe(1);
  expect(errors).toEqual([]);
  await context.close();
});
