/**
 * The Register tab in Chromium on the seeded workbench, as the IGJ accounthouder: the register views, a DVA's
 * owner (art. 12), linked documents and history, and the rules the register enforces and explains: a change to the
 * agreement itself only counts once linked to a held bestuurlijk overleg and re-signed after it (art. 13.2–13.3), in
 * force the day after Staatscourant publication (art. 14.1), and a signed agreement is not edited in place (art. 13.3).
 */
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { openAs, openTab, screenshot, SCREENSHOTS, startBrowserSuite, stopBrowserSuite, type TestWorkbench } from './workbench';

jest.setTimeout(300_000);

const AGREEMENT = 'Samenwerkingsovereenkomst tussen de Inspectie Gezondheidszorg en Jeugd en het CIBG';
let wb: TestWorkbench;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  ({ wb, browser } = await startBrowserSuite());
  const opened = await openAs(browser, wb, 'igj-accounthouder');
  page = opened.page;
  errors = opened.errors;
  await openTab(page, 'Overeenkomstenregister');
});

afterAll(async () => {
  await stopBrowserSuite({ wb, browser });
});

/** Titles in the register table once loaded. */
async function titles(): Promise<string[]> {
  await page.getByTestId('register-table').waitFor();
  return page.locator('[data-record]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-record') ?? ''));
}

/** Shows a register view. */
async function view(label: string): Promise<string[]> {
  await openTab(page, label, { exact: true });
  await page.getByTestId('register-table').waitFor();
  return titles();
}

/** Opens a record's detail panel. */
async function open(title: string): Promise<void> {
  await page.locator(`[data-record="${title}"]`).getByRole('button', { name: title }).click();
  await page.getByTestId('record-detail').getByRole('heading', { name: title }).waitFor();
}

/** Picks an option of a Fluent dropdown. */
async function pick(testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('listbox').getByRole('option', { name: option }).first().click();
}

/** Takes a status step in the open record and returns the refusal lines (empty when it succeeded). */
async function step(to: string): Promise<string[]> {
  // After a save the detail reads the record again: count its history only once that history is on the page.
  await page.locator('[data-testid="record-history"] li').first().waitFor();
  const before = await page.locator('[data-testid="record-history"] li').count();
  await pick('record-step', to);
  await page.getByTestId('record-step-apply').click();
  // Done when the refusal shows, or the history (read again from the site) has one more step.
  await page.waitForFunction(
    (n) =>
      !!document.querySelector('[data-testid="record-errors"]') ||
      document.querySelectorAll('[data-testid="record-history"] li').length > n,
    before,
  );
  if ((await page.getByTestId('record-errors').count()) === 0) return [];
  return page.getByTestId('record-errors').locator('li').allTextContents();
}

it('lists the accounthouder’s records and the DVA’s about to expire (art. 5, 12)', async () => {
  const mine = await titles();
  expect(mine.sort()).toEqual(
    [
      AGREEMENT,
      'Werkafspraak uitwisseling registerinformatie',
      'Dienstverleningsafspraken 2025',
      'Dienstverleningsafspraken 2026',
    ].sort(),
  );
  const expiring = await view('DVA verloopt');
  expect(expiring.sort()).toEqual(['Dienstverleningsafspraken 2025', 'Dienstverleningsafspraken 2026']);
});

it('opens a DVA: owner per party from configuration (art. 12), linked documents, status history', async () => {
  await open('Dienstverleningsafspraken 2025');
  const owners = await page.getByTestId('record-owners').locator('li').allTextContents();
  expect(owners[0]).toBe('IGJ: Afdelingshoofd Risicodetectie en Ontwikkeling — art. 12');
  expect(owners[1]).toMatch(/^CIBG: .*Account-, Project- en Kwaliteitsmanagement — art\. 12$/);
  await expect(page.getByTestId('record-documents').getByRole('link').allTextContents()).resolves.toEqual([
    'DVA IGJ-CIBG 2025.txt',
  ]);
  await expect(page.getByTestId('record-history').locator('li').allTextContents()).resolves.toEqual([
    '1-1-2025 — in werking',
  ]);
  await screenshot(page, join(SCREENSHOTS, 'register-dva.png'));
});

it('the agreement enters into force only via publication, the day after it (art. 14.1)', async () => {
  await view('Alle');
  await open(AGREEMENT);
  // ondertekend → in werking is not offered; publication without its date and reference is refused.
  await page.getByTestId('record-step').click();
  await expect(page.getByRole('listbox').getByRole('option').allTextContents()).resolves.toEqual([
    'gepubliceerd',
    'beëindigd',
  ]);
  await page.keyboard.press('Escape');
  const refused = await step('gepubliceerd');
  expect(refused.join('\n')).toContain('publicatiedatum in de Staatscourant nodig. (art. 14.1)');
  // Publication data is not agreement content, so it may be added to the signed record.
  await page.getByTestId('record-edit').click();
  await page.getByTestId('form-publishedOn').fill('2025-06-27');
  await page.getByTestId('form-staatscourant').fill('Stcrt. 2025, 18342');
  await page.getByTestId('form-save').click();
  await page.getByTestId('record-form').waitFor({ state: 'detached' });
  await page.getByTestId('record-detail').getByText('28-6-2025').waitFor();
  expect(await step('gepubliceerd')).toEqual([]);
  expect(await step('in werking')).toEqual([]);
  await page.getByTestId('record-detail').getByText('28-6-2026').waitFor(); // evaluation one year later (art. 13.2)
  await expect(page.getByTestId('record-history').locator('li').allTextContents()).resolves.toEqual([
    '4-6-2025 — ondertekend: Ondertekend te Utrecht',
    expect.stringMatching(/ — gepubliceerd door Pieter Bakker$/),
    expect.stringMatching(/ — in werking door Pieter Bakker$/),
  ]);
  // SharePoint's versions under the record: the steps are Pieter's own, taken through the register, nothing named
  const versions = page.getByTestId('record-trace-versions').locator('li');
  await versions.filter({ hasText: 'Pieter Bakker: status in werking, stap in de geschiedenis' }).waitFor();
  await expect(page.getByTestId('record-trace-findings').count()).resolves.toBe(0);
  expect(await view('Evaluatie nodig')).toEqual([AGREEMENT]);
});

it('a signed agreement is not edited in place (art. 13.3)', async () => {
  await view('Alle');
  await open(AGREEMENT);
  await page.getByTestId('record-edit').click();
  await page.getByTestId('form-version').fill('1.1');
  await page.getByTestId('form-save').click();
  await page.getByTestId('form-errors').waitFor();
  await expect(page.getByTestId('form-errors').locator('li[data-field="version"]').textContent()).resolves.toContain(
    'leg de wijziging vast als nieuwe versie die deze vervangt, vastgesteld in een bestuurlijk overleg en opnieuw ondertekend. (art. 13.3)',
  );
  await page.getByRole('button', { name: 'Annuleren' }).click();
});

it('a change is agreed only when linked to a held bestuurlijk overleg and re-signed after it (art. 13.2–13.3)', async () => {
  await page.getByTestId('register-new').click();
  await pick('form-kind', 'Samenwerkingsovereenkomst');
  await page.getByTestId('form-title').fill('Wijziging samenwerkingsovereenkomst');
  await pick('form-status', 'in overleg');
  await page.getByTestId('form-version').fill('2.0');
  await pick('form-supersedes', AGREEMENT);
  await page.getByTestId('form-save').click();
  await page.getByTestId('record-form').waitFor({ state: 'detached' });
  await page
    .getByTestId('record-detail')
    .getByRole('heading', { name: 'Wijziging samenwerkingsovereenkomst' })
    .waitFor();

  const missing = await step('ondertekend');
  expect(missing).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/bestuurlijk overleg is vastgesteld: koppel dat overleg\. \(art\. 13\.2\)$/),
      expect.stringMatching(/opnieuw worden ondertekend.*\(art\. 13\.3\)$/),
    ]),
  );
  await screenshot(page, join(SCREENSHOTS, 'register-change-refused.png'));

  // Linked to the bestuurlijk overleg, but "signed" with the old version's date: not re-signed.
  await page.getByTestId('record-edit').click();
  await pick('form-meeting', /Bestuurlijk overleg bij ondertekening/);
  await page.getByTestId('form-signedOn').fill('2025-06-04');
  await page.getByTestId('form-signedAt').fill('Utrecht');
  await page.getByTestId('form-save').click();
  await page.getByTestId('record-form').waitFor({ state: 'detached' });
  const notResigned = await step('ondertekend');
  expect(notResigned).toEqual([expect.stringContaining('De wijziging is niet opnieuw ondertekend')]);
  expect(notResigned[0]).toMatch(/\(art\. 13\.3\)$/);
  await page.getByTestId('record-edit').click();
  await page.getByTestId('form-signedOn').fill('2026-11-20');
  await page.getByTestId('form-save').click();
  await page.getByTestId('record-form').waitFor({ state: 'detached' });
  expect(await step('ondertekend')).toEqual([]);
  await page.getByTestId('record-detail').getByText('ondertekend', { exact: false }).first().waitFor();
  await screenshot(page, join(SCREENSHOTS, 'register-change-signed.png'));
  expect(errors).toEqual([]);
});
