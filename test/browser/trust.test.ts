/**
 * In Chromium: what SharePoint cannot refuse is evident to the people who answer for it. A staff member
 * publishes a draft of their own folder by hand, and sets another to 'Toegestaan' by hand and publishes it (both
 * allowed by SharePoint, because the same rights share an allowed file); a site owner changes the agreement's
 * configuration. The privacy officers of both parties see the two files flagged; staff do not. The accounthouders of
 * both parties see the changed configuration, with what changed, until each party acknowledges it.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Browser } from 'playwright-core';
import { openAs, screenshot, SCREENSHOTS, startBrowserSuite, stopBrowserSuite, type TestWorkbench } from './workbench';

jest.setTimeout(300_000);

let wb: TestWorkbench;
let browser: Browser;
const LIBRARY = '/sites/samenwerkingsruimte/Uitwisseling';
const HAND = 'Met de hand gepubliceerd.txt';
const SELF = 'Zelf toegestaan.txt';

/** A REST call as a demo identity, with that identity's form digest. */
async function rest(user: string, method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<number> {
  const { FormDigestValue } = (await (
    await fetch(`${wb.siteUrl}/_api/contextinfo`, { method: 'POST', headers: { Accept: 'application/json', 'X-Emulator-User': user } })
  ).json()) as { FormDigestValue: string };
  const r = await fetch(`${wb.url}${path}`, {
    method,
    headers: { Accept: 'application/json;odata=nometadata', 'X-Emulator-User': user, 'X-RequestDigest': FormDigestValue, ...headers },
    ...(body === undefined ? {} : { body }),
  });
  await r.arrayBuffer();
  return r.status;
}

/** A file's `_api` path. */
function fileApi(url: string): string {
  return `/sites/samenwerkingsruimte/_api/web/getfilebyserverrelativepath(decodedurl='${encodeURIComponent(url)}')`;
}

/** Drops a file into IGJ's shared folder around the dialog, as IGJ staff. */
async function drop(name: string): Promise<void> {
  const folder = `${LIBRARY}/Gedeeld-igj`;
  const status = await rest(
    'igj-medewerker',
    'POST',
    `/sites/samenwerkingsruimte/_api/web/getfolderbyserverrelativepath(decodedurl='${encodeURIComponent(folder)}')/files/addusingpath(decodedurl='${encodeURIComponent(name)}',overwrite=false)`,
    'Lijst met BSN 111222333',
  );
  expect(status).toBe(200);
}

beforeAll(async () => {
  ({ wb, browser } = await startBrowserSuite());
  // A draft published by hand (no check, status 'Te classificeren').
  await drop(HAND);
  expect(await rest('igj-medewerker', 'POST', `${fileApi(`${LIBRARY}/Gedeeld-igj/${HAND}`)}/publish(comment='zelf')`)).toBe(200);
  // A status set to 'Toegestaan' by hand, then published: no Toetslog record behind it.
  await drop(SELF);
  const item = (await (
    await fetch(`${wb.url}${fileApi(`${LIBRARY}/Gedeeld-igj/${SELF}`)}/listitemallfields?$select=Id`, {
      headers: { Accept: 'application/json;odata=nometadata', 'X-Emulator-User': 'igj-medewerker' },
    })
  ).json()) as { Id: number };
  expect(
    await rest('igj-medewerker', 'POST', `/sites/samenwerkingsruimte/_api/web/lists/getbytitle('Uitwisseling')/items(${item.Id})`, JSON.stringify({ Toetsstatus: 'Toegestaan' }), {
      'X-HTTP-Method': 'MERGE',
      'If-Match': '*',
      'content-type': 'application/json',
    }),
  ).toBe(204);
  expect(await rest('igj-medewerker', 'POST', `${fileApi(`${LIBRARY}/Gedeeld-igj/${SELF}`)}/publish(comment='zelf')`)).toBe(200);
  // A site owner changes the configuration: the CIBG breach address (art. 9.6).
  const config = JSON.parse(readFileSync(join(__dirname, '..', '..', 'config', 'agreements', 'igj-cibg.json'), 'utf8'));
  config.parties[1].breachAddress = 'datalek-nieuw@cibg.example';
  const path = '/sites/samenwerkingsruimte/Configuratie/Samenwerkingsruimte/agreement.json';
  expect(await rest('igj-accounthouder', 'POST', `${fileApi(path)}/$value`, JSON.stringify(config), { 'X-HTTP-Method': 'PUT' })).toBe(403);
  expect(await rest('beheerder', 'POST', `${fileApi(path)}/$value`, `${JSON.stringify(config, null, 2)}\n`, { 'X-HTTP-Method': 'PUT' })).toBe(204);
});

afterAll(async () => {
  await stopBrowserSuite({ wb, browser });
});

it.each(['igj-privacy', 'cibg-privacy'])('%s sees both files the other party reads without a valid record', async (officer) => {
  const { context, page, errors } = await openAs(browser, wb, officer);
  const banner = page.getByTestId('integrity-banner');
  await banner.waitFor();
  await expect(banner.getAttribute('data-count')).resolves.toBe('2');
  await page.getByTestId('integrity-toggle').click();
  const rows = page.getByTestId('integrity-findings').locator('[data-integrity-file]');
  await expect(rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-integrity-file')).sort())).resolves.toEqual([HAND, SELF].sort());
  await expect(page.locator(`[data-integrity-file="${SELF}"]`).textContent()).resolves.toMatch(/status 'Toegestaan'.*art\. 8, 9\.2/);
  await expect(page.locator(`[data-integrity-file="${HAND}"]`).textContent()).resolves.toMatch(/Te classificeren/);
  await screenshot(page, join(SCREENSHOTS, `trust-integrity-${officer}.png`));
  expect(errors).toEqual([]);
  await context.close();
});

it('staff see no integrity flag (it is the privacy officers\' to judge)', async () => {
  const { context, page, errors } = await openAs(browser, wb, 'igj-medewerker');
  await page.getByRole('tab', { name: 'Overzicht' }).waitFor();
  await page.waitForLoadState('networkidle');
  await expect(page.getByTestId('integrity-banner').count()).resolves.toBe(0);
  await expect(page.getByTestId('config-change-banner').count()).resolves.toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});

it('the accounthouders of both parties see the changed configuration until their own party acknowledges it (art. 13.3)', async () => {
  for (const accounthouder of ['igj-accounthouder', 'cibg-accounthouder']) {
    const { context, page, errors } = await openAs(browser, wb, accounthouder);
    const banner = page.getByTestId('config-change-banner');
    await banner.waitFor();
    const text = (await banner.textContent()) ?? '';
    expect(text).toContain('parties[cibg].breachAddress');
    expect(text).toContain('Sitebeheerder');
    expect(text).toContain('art. 13.3');
    await screenshot(page, join(SCREENSHOTS, `trust-config-${accounthouder}.png`));
    await page.getByTestId('config-acknowledge').click();
    await page.getByTestId('config-change-banner').getByText('Bevestigd').waitFor();
    await page.reload();
    await page.getByRole('tab', { name: 'Overzicht' }).waitFor();
    await page.waitForLoadState('networkidle');
    await expect(page.getByTestId('config-change-banner').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }
});
