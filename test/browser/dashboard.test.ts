/**
 * The workbench in Chromium shows the dashboard, and switching the demo identity changes what is visible,
 * as SharePoint's permissions decide (art. 10.1: the confidential document only for the autorisatielijst groups).
 */
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_DOCUMENTS } from '../../workbench/seed/demoContent';
import { DEFAULT_AGREEMENT_FILE } from '../../workbench/server';
import { readAgreementFile } from '../../workbench/session';
import { openAs, screenshot, SCREENSHOTS, startBrowserSuite, stopBrowserSuite, type TestWorkbench } from './workbench';

const agreement = readAgreementFile(DEFAULT_AGREEMENT_FILE);

jest.setTimeout(240_000);

// The seed's own list decides what exists: approved documents, split by whether their classification is restricted
// (art. 10.1: readable only by the autorisatielijst groups), so a new demo document does not break this test.
const restricted = new Set(agreement.classification.levels.filter((l) => l.restricted).map((l) => l.key));
const approved = DEMO_DOCUMENTS.filter((d) => d.metadata.toetsstatus === 'Toegestaan');
const CONFIDENTIAL_DOCS = approved.filter((d) => restricted.has(d.metadata.classification)).map((d) => d.file).sort();
const OPEN_DOCS = approved.filter((d) => !restricted.has(d.metadata.classification)).map((d) => d.file).sort();
const CONFIDENTIAL = 'Signaal vertrouwelijk zorgaanbieder Noord.txt';

let wb: TestWorkbench;
let browser: Browser;

beforeAll(async () => {
  ({ wb, browser } = await startBrowserSuite());
});

afterAll(async () => {
  await stopBrowserSuite({ wb, browser });
});

/** The document names in the Overzicht table, once it has loaded. */
async function documentNames(page: Page): Promise<string[]> {
  await page.getByTestId('documents').waitFor();
  await page.locator('[data-testid="documents"] table, [data-testid="documents-empty"], [data-testid="documents-denied"]').first().waitFor();
  return page.locator('[data-document]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-document') ?? ''));
}

it('shows the dashboard: agreement title, both parties with breach addresses, the signed-in IGJ medewerker and the demo documents', async () => {
  const { context, page, errors } = await openAs(browser, wb, 'igj-medewerker');
  await page.getByRole('heading', { name: 'Samenwerkingsovereenkomst tussen de Inspectie Gezondheidszorg en Jeugd en het CIBG' }).waitFor();
  await page.getByRole('tab', { name: 'Overzicht' }).waitFor();
  const igj = page.locator('[data-party="igj"]');
  const cibg = page.locator('[data-party="cibg"]');
  await expect(igj.getByText('privacy@igj.nl').isVisible()).resolves.toBe(true);
  await expect(cibg.getByText('CIBGDatalekregister@minvws.nl').isVisible()).resolves.toBe(true);
  await expect(page.getByTestId('current-party').textContent()).resolves.toBe('Uw partij: IGJ (Inspectie Gezondheidszorg en Jeugd)');
  await expect(page.getByTestId('you').getByText('Sanne de Vries').first().isVisible()).resolves.toBe(true);
  // Inspecteur is on IGJ's autorisatielijst group 'igj-vertrouwelijk' (art. 10.1): every demo document, the confidential one too.
  expect(CONFIDENTIAL_DOCS).toContain(CONFIDENTIAL);
  expect((await documentNames(page)).sort()).toEqual([...OPEN_DOCS, ...CONFIDENTIAL_DOCS].sort());
  await screenshot(page, join(SCREENSHOTS, 'dashboard-igj-medewerker.png'));
  expect(errors).toEqual([]);
  await context.close();
});

it('switching identity in the top bar changes what is visible (confidential only for the autorisatielijst)', async () => {
  const { context, page, errors } = await openAs(browser, wb, 'igj-medewerker');
  expect(await documentNames(page)).toContain(CONFIDENTIAL);

  // The hoofdinspecteur is IGJ staff but not in IGJ's autorisatielijst group 'igj-vertrouwelijk'.
  await Promise.all([page.waitForEvent('load'), page.getByTestId('identity').selectOption('igj-hoofdinspecteur')]);
  await page.getByTestId('you').getByText('Henk de Groot').first().waitFor();
  const hoofdinspecteur = await documentNames(page);
  expect(hoofdinspecteur.sort()).toEqual(OPEN_DOCS);
  expect(hoofdinspecteur).not.toContain(CONFIDENTIAL);

  // The CIBG accounthouder sees the shared documents from the other side of the agreement, as CIBG.
  await Promise.all([page.waitForEvent('load'), page.getByTestId('identity').selectOption('cibg-accounthouder')]);
  await page.getByTestId('you').getByText('Lotte Visser').first().waitFor();
  await expect(page.getByTestId('current-party').textContent()).resolves.toMatch(/^Uw partij: CIBG/);
  expect((await documentNames(page)).sort()).toEqual(OPEN_DOCS);
  await screenshot(page, join(SCREENSHOTS, 'dashboard-cibg-accounthouder.png'));

  // The outsider is on no autorisatielijst: the site refuses, the product says "Geen toegang" and shows nothing.
  await Promise.all([page.waitForEvent('load'), page.getByTestId('identity').selectOption('buitenstaander')]);
  await page.getByText('Geen toegang', { exact: true }).waitFor();
  await expect(page.locator('[data-document]').count()).resolves.toBe(0);
  await expect(page.getByText('Samenwerkingsovereenkomst tussen de Inspectie').count()).resolves.toBe(0);
  await screenshot(page, join(SCREENSHOTS, 'dashboard-buitenstaander.png'));
  expect(errors).toEqual([]);
  await context.close();
});

it('without an identity the product says "Niet aangemeld"', async () => {
  const { context, page } = await openAs(browser, wb, null);
  // A first visit signs in as the first demo identity; choosing "Niemand" removes the identity.
  await page.getByTestId('you').waitFor();
  await Promise.all([page.waitForEvent('load'), page.getByTestId('identity').selectOption('')]);
  await page.getByText('Niet aangemeld', { exact: true }).waitFor();
  await context.close();
});

/** The emulator's fault settings once `ready` holds for them (the page applies them asynchronously); gives up after 5 s. */
async function faultSettingsWhen(ready: (settings: unknown) => boolean): Promise<unknown> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const { settings } = (await (await fetch(`${wb.url}/_emulator/faults`)).json()) as { settings: unknown };
    if (ready(settings) || Date.now() > deadline) return settings;
    await new Promise((r) => setTimeout(r, 100));
  }
}

it('"Storingen" turns on the emulator\'s fault injection, and the product still loads through throttling', async () => {
  const { context, page, errors } = await openAs(browser, wb, 'igj-medewerker');
  await page.getByTestId('you').waitFor();
  await page.getByTestId('faults').selectOption('throttling');
  expect(await faultSettingsWhen((s) => s !== null)).toEqual({ rate429: 0.3, retryAfterSeconds: 1 });
  // PnPjs retries 429 with Retry-After (the product's Resilience behaviour): the dashboard still comes up.
  await page.reload();
  await page.getByRole('heading', { name: /^Samenwerkingsovereenkomst tussen/ }).waitFor({ timeout: 60_000 });
  expect((await documentNames(page)).length).toBe(OPEN_DOCS.length + CONFIDENTIAL_DOCS.length);
  const injected = ((await (await fetch(`${wb.url}/_emulator/faults`)).json()) as { injected: Record<string, number> }).injected;
  expect(injected['429']).toBeGreaterThan(0);
  await expect(page.getByTestId('faults').inputValue()).resolves.toBe('throttling');
  await page.getByTestId('faults').selectOption('geen');
  expect(await faultSettingsWhen((s) => s === null)).toBeNull();
  expect(errors).toEqual([]);
  await context.close();
});
