/**
 * The shipped three-party agreement (config/agreements/igj-cibg-nza.json) in Chromium: the workbench seeded with it,
 * an IGJ staff member shares a file through "Delen met toets" with CIBG alone (a recipient set one of IGJ's purposes
 * allows, art. 8, 9.5). SharePoint then lets CIBG read it and answers 404 to NZa, as it does for a file one cannot see;
 * a file shared with every other party is read by both. The identity switcher offers the NZa people with this
 * agreement only.
 */
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import {
  answerBasics,
  fileStatusAs,
  openAs,
  pickFiles,
  screenshot,
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
  const agreementFile = join(__dirname, '..', '..', 'config', 'agreements', 'igj-cibg-nza.json');
  ({ wb, browser } = await startBrowserSuite({ agreementFile }));
});

afterAll(async () => {
  await stopBrowserSuite({ wb, browser });
});

/** Picks one text file in the Delen tab and answers an internal document without personal data. */
async function pickAndAnswer(page: Page, name: string): Promise<void> {
  await pickFiles(page, [{ name, text: 'Agenda van het overleg: actualiteiten.' }]);
  await answerBasics(page, 'overlegstuk', 'Intern', 'no');
}

/** Checks and shares the dialog's file; resolves when it is done. */
async function checkAndShare(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() => !(document.querySelector('[data-testid="check"]') as HTMLButtonElement).disabled);
  await page.getByTestId('check').click();
  await page.locator(`[data-file="${name}"] [data-outcome="allowed"]`).waitFor();
  await page.getByTestId('share').click();
  await page.locator(`[data-file="${name}"][data-state="done"]`).waitFor();
}

it('offers the people of the three parties in the identity switcher', async () => {
  const { context, page, errors } = await openAs(browser, wb, 'nza-medewerker');
  const options = await page.getByTestId('identity').locator('option').allTextContents();
  expect(options.some((o) => o.includes('NZa medewerker'))).toBe(true);
  expect(options.some((o) => o.includes('IGJ medewerker'))).toBe(true);
  expect(options.some((o) => o.includes('CIBG medewerker'))).toBe(true);
  // NZa's staff see the space of an agreement they are a party to.
  await expect(page.getByTestId('current-party').textContent()).resolves.toMatch(/NZa/);
  expect(errors).toEqual([]);
  await context.close();
});

it('IGJ shares with CIBG alone: CIBG reads the file, NZa and the outsider get 404', async () => {
  const { context, page, errors } = await openAs(browser, wb, 'igj-medewerker');
  const name = 'Alleen voor CIBG.txt';
  await pickAndAnswer(page, name);
  const recipients = page.getByTestId('recipients');
  await expect(recipients.getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value))).resolves.toEqual([
    'cibg',
    'nza',
  ]);
  // NZa alone: no purpose of IGJ goes to NZa only, so no folder lets only NZa read; the dialog names the sets that exist.
  await recipients.getByRole('checkbox', { name: 'NZa' }).check();
  await page.getByTestId('recipients-unavailable').waitFor();
  await recipients.getByRole('checkbox', { name: 'NZa' }).uncheck();
  await recipients.getByRole('checkbox', { name: 'CIBG' }).check();
  await screenshot(page, join(SCREENSHOTS, 'three-parties-recipients.png'));
  await checkAndShare(page, name);

  const url = `${LIBRARY}/Gedeeld-igj voor cibg/${name}`;
  expect(await fileStatusAs(wb, 'cibg-medewerker', url)).toBe(200);
  expect(await fileStatusAs(wb, 'cibg-privacy', url)).toBe(200);
  expect(await fileStatusAs(wb, 'nza-medewerker', url)).toBe(404);
  expect(await fileStatusAs(wb, 'nza-privacy', url)).toBe(404);
  expect(await fileStatusAs(wb, 'buitenstaander', url)).toBe(404);
  expect(errors).toEqual([]);
  await context.close();
});

it('a file shared with every other party is read by CIBG and NZa', async () => {
  const { context, page, errors } = await openAs(browser, wb, 'igj-medewerker');
  const name = 'Voor beide partijen.txt';
  await pickAndAnswer(page, name);
  const recipients = page.getByTestId('recipients');
  await recipients.getByRole('checkbox', { name: 'CIBG' }).check();
  await recipients.getByRole('checkbox', { name: 'NZa' }).check();
  await checkAndShare(page, name);
  const url = `${LIBRARY}/Gedeeld-igj/${name}`;
  expect(await fileStatusAs(wb, 'cibg-medewerker', url)).toBe(200);
  expect(await fileStatusAs(wb, 'nza-medewerker', url)).toBe(200);
  expect(await fileStatusAs(wb, 'buitenstaander', url)).toBe(404);
  expect(errors).toEqual([]);
  await context.close();
});
