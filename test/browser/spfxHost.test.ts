/**
 * The shipped `.sppkg` in the real SPFx 1.23.2 runtime from npm (workbench/spfx-host, docs/spfx-host.md),
 * in Chromium against the emulator. Each test fails when the web part, the command set or the Teams mode does not load
 * through the framework: the framework's web part manager and extension manager load the package's components by their
 * manifests, SharePoint's own error box or a failure the framework reports fails the test, and so does any uncaught
 * page error.
 *
 * - the dashboard renders on a site page (canvas zone, `_ClientSideWebPartManager`), Graph is called with a bearer
 *   token the framework's AadTokenProvider got from SharePoint (AcquireOBOToken), and the property pane opens;
 * - an upload through the classification dialog completes (the web part's Delen tab);
 * - the command set on the library's list view: shown and hidden by the selection, its dialog reports a datalek about
 *   the selected document, and the card goes to the channel through MSGraphClientV3;
 * - the Teams tab (the web part in Teams mode, behind a simulated Teams client) takes the Teams theme and follows a
 *   theme change;
 * - the command set's "Delen met toets" completes an upload in its modal, the upload dialog's code loaded by the
 *   framework's loader after the panel showed;
 * - the dashboard's first render, cold, fetches at most 100 KB gzip of the product and makes at most 3 product requests,
 *   and the command set's "Delen met toets" at most 80 KB gzip before its panel shows (the size budgets;
 *   `npm run bench -- spfx-host` prints the files).
 *
 * Needs the package (`npm run package`; `npm test` builds it when it is missing).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Browser, BrowserContext, Locator, Page, Request } from 'playwright-core';
import { measureCommandSetDialog, measureHostDashboard, summaryLine } from '../../scripts/bench-spfx-host';
import { sppkgPath } from '../../workbench/spfx-host/solution';
import { startWorkbench, type Workbench } from '../../workbench/server';
import { answerBasics, launchChromium, SCREENSHOTS } from './workbench';

jest.setTimeout(180_000);

const ROOT = join(__dirname, '..', '..');
const LIBRARY_PAGE = '/sites/samenwerkingsruimte/Uitwisseling/Forms/AllItems.aspx';
/** IGJ's confidential signal: in IGJ's restricted folder, with its processing activity (bijlage 1). */
const DOC = 'Signaal vertrouwelijk zorgaanbieder Noord.txt';
const DOC_FOLDER = 'Vertrouwelijk-igj';

let wb: Workbench;
let dir: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(sppkgPath(ROOT))) {
    throw new Error('No package: run `npm run package` first (npm test builds it when it is missing).');
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'spfx-host-'));
  wb = await startWorkbench({ port: 0, dbFile: join(dir, 'emulator.sqlite') });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await wb?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A host page opened as `identity`, with what the test checks at the end. */
interface HostPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors. */
  errors: string[];
  /** Requests to Graph (`/v1.0/`) and the framework's token request, as the browser sent them. */
  requests: Request[];
}

async function open(identity: string, path: string): Promise<HostPage> {
  // The host's Graph front has a certificate made for this run (workbench/spfx-host/graphFront.ts).
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'nl-NL', ignoreHTTPSErrors: true });
  await context.addCookies([{ name: 'EmuAuth', value: identity, url: wb.url }]);
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const errors: string[] = [];
  const requests: Request[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  context.on('request', (r) => {
    if (/\/v1\.0\/|AcquireOBOToken/i.test(r.url())) requests.push(r);
  });
  await page.goto(path.startsWith('http') ? path : wb.url + path);
  return { context, page, errors, requests };
}

/** What the framework reported through the host (sp-edit-customer-promise substitute) and the host's own error. */
async function hostProblems(page: Page | import('playwright-core').Frame): Promise<string[]> {
  return page.evaluate(() => {
    const s = (window as unknown as { __spfxHost?: { failures?: Array<{ errorMessage?: string }>; error?: string } }).__spfxHost;
    return [...(s?.failures ?? []).map((f) => f.errorMessage ?? 'failure'), ...(s?.error ? [s.error] : [])];
  });
}

/** Selects a dashboard tab inside `root` and waits until it is selected. */
async function openTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  for (let attempt = 0; attempt < 5; attempt++) {
    await tab.click();
    if ((await tab.getAttribute('aria-selected')) === 'true') return;
    await page.waitForTimeout(200);
  }
  throw new Error(`tab ${name} did not become selected`);
}

it('renders the dashboard through the framework on a site page, calls Graph with the framework token, opens the property pane', async () => {
  const { context, page, errors, requests } = await open('igj-medewerker', wb.spfxHost.pageUrl);
  // The web part's own DOM element in the canvas zone holds the product.
  const webPart = page.locator('.CanvasZone [data-sp-webpart]');
  await webPart.locator('#agreement-title').waitFor();
  await webPart.locator('[data-party]').first().waitFor();
  await expect(webPart.getByTestId('current-party').textContent()).resolves.toContain('IGJ');
  await webPart.locator('[data-testid="documents"] [data-document]').first().waitFor();
  // No "Something went wrong" box of SharePoint's status renderer.
  await expect(page.locator('.sp-webpart-error, [data-automation-id="webPartError"]').count()).resolves.toBe(0);

  // Graph /me went to the https Graph front with a bearer token SharePoint's AcquireOBOToken issued for that resource.
  const token = requests.find((r) => /AcquireOBOToken/i.test(r.url()));
  expect(decodeURIComponent(token?.url() ?? '')).toContain("clientId='");
  const me = requests.find((r) => /\/v1\.0\/me\b/.test(r.url()));
  expect(me?.url()).toMatch(/^https:\/\/127\./);
  expect(me?.headers().authorization).toMatch(/^Bearer ey/);
  expect((await me?.response())?.status()).toBe(200);

  // "Bewerken": edit mode, and the property pane opens for the web part with its title.
  await page.getByTestId('page-edit').click();
  const pane = page.getByTestId('property-pane');
  await pane.waitFor();
  await expect(pane.locator('h2').textContent()).resolves.toBe('Samenwerkingsruimte');
  await page.screenshot({ path: join(SCREENSHOTS, 'spfx-host-dashboard.png') });
  expect(await hostProblems(page)).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

/**
 * Drops a text file without personal data into the share panel inside `scope` (the web part's Delen tab, the command
 * set's modal), answers, checks and shares it, and returns what the other party reads of it over plain REST.
 */
async function shareOverlegstuk(page: Page, scope: Locator, name: string): Promise<{ status: number; fields: unknown }> {
  await scope.getByTestId('share-panel').waitFor();
  await scope
    .locator('[data-testid="share-panel"] > [data-testid="dropzone"] input[type="file"]')
    .setInputFiles([{ name, mimeType: 'text/plain', buffer: Buffer.from('Agenda: actualiteiten en beleidsvoornemens.', 'utf8') }]);
  await page.getByTestId('upload-dialog').waitFor();
  await page.locator(`[data-file="${name}"] [data-testid="scan"]`).waitFor();
  await answerBasics(page, 'overlegstuk', 'Intern', 'no');
  await page.waitForFunction(() => !(document.querySelector('[data-testid="check"]') as HTMLButtonElement).disabled);
  await page.getByTestId('check').click();
  await page.locator(`[data-file="${name}"] [data-outcome="allowed"]`).waitFor();
  await page.getByTestId('share').click();
  await page.locator(`[data-file="${name}"][data-state="done"]`).waitFor();
  const res = await fetch(
    `${wb.siteUrl}/_api/web/getFileByServerRelativePath(decodedurl='/sites/samenwerkingsruimte/Uitwisseling/Gedeeld-igj/${name}')/listItemAllFields`,
    { headers: { accept: 'application/json;odata=nometadata', 'x-emulator-user': 'cibg-medewerker' } },
  );
  return { status: res.status, fields: res.status === 200 ? await res.json() : undefined };
}

it('completes an upload through the classification dialog in the web part', async () => {
  const { context, page, errors } = await open('igj-medewerker', wb.spfxHost.pageUrl);
  await page.locator('#agreement-title').waitFor();
  await openTab(page, 'Delen');
  // Shared through the framework's page: the other party reads it, published (SharePoint REST as cibg-medewerker).
  const read = await shareOverlegstuk(page, page.locator('body'), 'Agenda via het SPFx-framework.txt');
  expect(read.status).toBe(200);
  expect(read.fields).toMatchObject({ Toetsstatus: 'Toegestaan', Classificatie: 'intern', OData__UIVersionString: '1.0' });
  expect(await hostProblems(page)).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

it('shows the command set by the list view selection and reports a datalek from its dialog, the card through MSGraphClientV3', async () => {
  const { context, page, errors, requests } = await open('igj-medewerker', LIBRARY_PAGE);
  const delen = page.locator('[data-command="DELEN_MET_TOETS"]');
  const datalek = page.locator('[data-command="DATALEK_MELDEN"]');
  // No selection: "Delen met toets" shows, "Datalek melden" is hidden.
  await delen.waitFor();
  await expect(datalek.count()).resolves.toBe(0);
  // Into the party's folder, select a document: the command set hears the list view and swaps the commands.
  await page.getByTestId('listview').getByRole('link', { name: DOC_FOLDER }).click();
  await page.getByRole('checkbox', { name: `${DOC} selecteren` }).check();
  await datalek.waitFor();
  await expect(delen.count()).resolves.toBe(0);
  const calls = await page.evaluate(() => (window as unknown as { __spfxHost: { commandSetCalls: string[] } }).__spfxHost.commandSetCalls);
  expect(calls.filter((c) => c === 'onListViewUpdated').length).toBeGreaterThanOrEqual(3);

  await datalek.click();
  const form = page.getByRole('dialog').getByTestId('datalek-form');
  await form.waitFor();
  await expect(form.locator(`input[data-document="${DOC}"]`).isChecked()).resolves.toBe(true);
  await expect(form.getByTestId('datalek-contactName').inputValue()).resolves.toBe('Sanne de Vries');
  const when = await page.evaluate(() => {
    const p = (n: number): string => String(n).padStart(2, '0');
    const d = new Date(Date.now() - 24 * 3_600_000);
    const h = new Date(Date.now() - 2 * 3_600_000);
    return {
      date: `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`,
      dateTime: `${h.getFullYear()}-${p(h.getMonth() + 1)}-${p(h.getDate())}T${p(h.getHours())}:${p(h.getMinutes())}`,
    };
  });
  await form.getByTestId('datalek-breachDate').fill(when.date);
  await form.getByTestId('datalek-discoveredAt').fill(when.dateTime);
  await form.getByTestId('datalek-description').fill('SPFX-HOST Overlegstuk naar een verkeerde ontvanger gemaild.');
  await form.getByTestId('datalek-scaleDataSubjects').fill('3');
  await form.getByTestId('datalek-consequences').fill('Mogelijke kennisname door een onbevoegde.');
  await form.getByTestId('datalek-measures').fill('Ontvanger gevraagd de mail te verwijderen.');
  await form.getByTestId('datalek-measuresBefore').fill('Geen.');
  await form.getByTestId('datalek-contactPhone').fill('+31 88 120 5100');
  await page.getByTestId('datalek-submit').click();
  const result = page.getByTestId('datalek-result');
  await result.locator('[data-step="mail"][data-state="sent"]').waitFor();
  await result.locator('[data-step="card"][data-state="sent"]').waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'spfx-host-command-set.png') });

  // The card went to the Team's channel through MSGraphClientV3: https Graph front, bearer token.
  const post = requests.find((r) => r.method() === 'POST' && /\/v1\.0\/teams\/[^/]+\/channels\/[^/]+\/messages$/.test(r.url()));
  expect(post?.headers().authorization).toMatch(/^Bearer ey/);
  expect((await post?.response())?.status()).toBe(201);
  const session = (await (await fetch(`${wb.url}/_workbench/session`)).json()) as {
    channels: Array<{ teamId: string; channelId: string; label: string }>;
  };
  const general = session.channels.find((c) => c.label === 'Algemeen');
  const channel = (await (
    await fetch(`${wb.url}/_emulator/graph/channels/${encodeURIComponent(general!.teamId)}/${encodeURIComponent(general!.channelId)}`)
  ).json()) as { messages: Array<{ attachments: Array<{ content: string }> }> };
  expect(channel.messages.some((m) => (m.attachments[0]?.content ?? '').includes('datalek'))).toBe(true);
  expect(await hostProblems(page)).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

it('renders the Teams tab in Teams mode with the Teams theme, and follows a theme change', async () => {
  const { context, page, errors } = await open('igj-medewerker', `${wb.spfxHost.teamsUrl}?theme=dark`);
  const tab = page.frameLocator('iframe[name="embedded-page-container"]');
  await tab.locator('#agreement-title').waitFor();
  const frame = page.frame({ name: 'embedded-page-container' });
  if (!frame) throw new Error('no Teams tab frame');
  const background = (): Promise<string> =>
    frame.evaluate(() => {
      const el = document.querySelector('#agreement-title')?.closest('.fui-FluentProvider');
      return el ? getComputedStyle(el).getPropertyValue('--colorNeutralBackground1').trim() : 'none';
    });
  // teamsDarkTheme's neutral background, from the Teams context teams-js got from the (simulated) Teams client.
  await expect(background()).resolves.toBe('#292929');
  const messages = await page.evaluate(() => (window as unknown as { __teamsClient: { messages: Array<{ func: string }> } }).__teamsClient.messages.map((m) => m.func));
  expect(messages).toEqual(expect.arrayContaining(['initialize', 'getContext', 'registerHandler']));
  await page.screenshot({ path: join(SCREENSHOTS, 'spfx-host-teams-dark.png') });
  await page.getByTestId('teams-theme').selectOption('default');
  await frame.waitForFunction(() => {
    const el = document.querySelector('#agreement-title')?.closest('.fui-FluentProvider');
    return !!el && getComputedStyle(el).getPropertyValue('--colorNeutralBackground1').trim() === '#ffffff';
  });
  expect(await hostProblems(frame)).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

it('fetches at most 100 KB gzip of the product and makes at most 3 product requests before the first render', async () => {
  const m = await measureHostDashboard(browser, wb.url, wb.spfxHost.pageUrl, 'igj-medewerker');
  const kb = m.product.reduce((n, f) => n + f.gzip, 0) / 1024;
  console.log(
    `${summaryLine('dashboard first render', m)}\n${m.product.map((f) => `  ${f.name} ${(f.gzip / 1024).toFixed(1)} KB gzip`).join('\n')}\n` +
      `product requests: ${m.productRequests.length}\n  ${m.productRequests.join('\n  ')}`,
  );
  expect(m.productRequests.length).toBeLessThanOrEqual(3);
  expect(kb).toBeLessThanOrEqual(100);
  expect(m.errors).toEqual([]);
});

it('completes an upload from the command set\'s "Delen met toets", in its modal', async () => {
  const { context, page, errors } = await open('igj-medewerker', LIBRARY_PAGE);
  await page.locator('[data-command="DELEN_MET_TOETS"]').click({ timeout: 90_000 });
  const read = await shareOverlegstuk(page, page.getByRole('dialog', { name: 'Delen met toets' }), 'Agenda via de opdrachtenset.txt');
  expect(read.status).toBe(200);
  expect(read.fields).toMatchObject({ Toetsstatus: 'Toegestaan', Classificatie: 'intern' });
  expect(await hostProblems(page)).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

it('fetches at most 80 KB gzip of the product and makes at most 3 product requests before the command set\'s "Delen met toets" shows', async () => {
  const m = await measureCommandSetDialog(browser, wb.url, `${wb.siteUrl}/Uitwisseling/Forms/AllItems.aspx`, 'igj-medewerker');
  const kb = m.product.reduce((n, f) => n + f.gzip, 0) / 1024;
  console.log(
    `${summaryLine('command set dialog', m)}\n${m.product.map((f) => `  ${f.name} ${(f.gzip / 1024).toFixed(1)} KB gzip`).join('\n')}`,
  );
  expect(m.productRequests.length).toBeLessThanOrEqual(3);
  expect(kb).toBeLessThanOrEqual(80);
  expect(m.errors).toEqual([]);
});
