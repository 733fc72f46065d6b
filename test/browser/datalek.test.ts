/**
 * The datalek report end to end in Chromium against the workbench (emulator + the product page): report a datalek about
 * a chosen document; check the register item, the mail in the other party's breach mailbox with every bijlage 2b field,
 * the 72-hour clock and the cards: the reporter (staff, not a member of the privacy officers' private channel) posts a
 * card without personal data in the Team's general channel; a privacy officer who is a member posts the full card in
 * the private channel, rendered by adaptivecards (only members may post there: Teams refuses it, not only the
 * screen). Then Graph failing (injected 503s on /v1.0/): the report is stored, the failure visible, the retry succeeds
 * and nothing is sent twice.
 */
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { PnpBreachRegister } from '../../src/adapters/sharepoint';
import { DATALEK_FIELDS } from '../../src/domain/datalek';
import type { BreachEntry } from '../../src/ports';
import { spForUser } from '../../workbench/seed/clients';
import { openAs, openTab, screenshot, SCREENSHOTS, startBrowserSuite, stopBrowserSuite, type TestWorkbench } from './workbench';

jest.setTimeout(300_000);

const INJECTION =
  '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> **vet** {{DATE(2026-01-01)}}';
const DOC = 'Signaal vertrouwelijk zorgaanbieder Noord.txt';
const CIBG_BREACH = 'cibgdatalekregister@minvws.nl';
let wb: TestWorkbench;
let browser: Browser;

interface GraphMail {
  subject: string;
  body: { contentType: string; content: string };
  toRecipients: Array<{ emailAddress: { address: string } }>;
}
interface RegisterItem {
  Id: number;
  Title: string;
  Datalekstatus: string;
  Gegevens: string;
}

/** The inbox of a mailbox (emulator read-back, no identity needed). */
async function inbox(address: string): Promise<GraphMail[]> {
  const res = await fetch(`${wb.url}/_emulator/graph/mailboxes/${encodeURIComponent(address)}`);
  if (res.status === 404) return [];
  return ((await res.json()) as { inbox: GraphMail[] }).inbox;
}

/** Channel messages of the privacy officers' private channel, or (`general`) of the Team's general channel. */
async function cards(which: 'privacy' | 'general' = 'privacy'): Promise<Array<{ attachments: Array<{ content: string }> }>> {
  const session = (await (await fetch(`${wb.url}/_workbench/session`)).json()) as {
    channels: Array<{ teamId: string; channelId: string; label: string }>;
  };
  const channel = session.channels.find((c) => (which === 'privacy' ? c.label === 'Privacy officers' : c.label === 'Algemeen'))!;
  const res = await fetch(
    `${wb.url}/_emulator/graph/channels/${encodeURIComponent(channel.teamId)}/${encodeURIComponent(channel.channelId)}`,
  );
  return ((await res.json()) as { messages: Array<{ attachments: Array<{ content: string }> }> }).messages;
}

/** The Datalekregister as a privacy officer reads it over SharePoint REST (the report's stored facts). */
async function registerItems(user = 'cibg-privacy'): Promise<RegisterItem[]> {
  const res = await fetch(
    `${wb.siteUrl}/_api/web/lists/getByTitle('Datalekregister')/items?$select=Id,Title,Datalekstatus,Gegevens&$orderby=Id`,
    { headers: { accept: 'application/json;odata=nometadata', 'x-emulator-user': user } },
  );
  expect(res.status).toBe(200);
  return ((await res.json()) as { value: RegisterItem[] }).value;
}

/** A report with its course (delivery, procedure) as the product reads it: the Datalekverloop applied. */
async function reportWith(marker: string, user = 'cibg-privacy'): Promise<BreachEntry> {
  const page = await new PnpBreachRegister(spForUser(wb.siteUrl, user), ['igj', 'cibg']).list();
  const found = page.items.find((e) => JSON.stringify(e.form).includes(marker));
  expect(found).toBeDefined();
  return found as BreachEntry;
}

async function faults(settings: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${wb.url}/_emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(settings),
  });
  expect(res.ok).toBe(true);
}

/** Local date and datetime-local strings in the browser's time zone, `hoursAgo` before now. */
async function localTimes(page: Page, hoursAgo: number): Promise<{ date: string; dateTime: string }> {
  return page.evaluate((h) => {
    const d = new Date(Date.now() - h * 3_600_000);
    const p = (n: number): string => String(n).padStart(2, '0');
    const date = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
    return { date, dateTime: `${date}T${p(d.getHours())}:${p(d.getMinutes())}` };
  }, hoursAgo);
}

/** Opens the Datalek tab and picks the document; returns when the form is pre-filled from it. */
async function openForm(page: Page): Promise<void> {
  await openTab(page, 'Datalek melden');
  await page.getByTestId('datalek-form').waitFor();
  const box = page.locator(`input[data-document="${DOC}"]`);
  if (!(await box.isChecked())) await box.check();
  await expect(page.getByTestId('datalek-controllerParty').inputValue()).resolves.toBe('cibg');
}

/** Fills what the reporter must fill themselves (the rest is pre-filled). */
async function fillRest(page: Page, marker: string): Promise<void> {
  const { date } = await localTimes(page, 24);
  const { dateTime } = await localTimes(page, 2);
  await page.getByTestId('datalek-breachDate').fill(date);
  await page.getByTestId('datalek-discoveredAt').fill(dateTime);
  await page
    .getByTestId('datalek-description')
    .fill(`${marker} Signaal naar een verkeerde ontvanger gemaild. ${INJECTION}`);
  await page.getByTestId('datalek-scaleDataSubjects').fill('12');
  await page.getByTestId('datalek-consequences').fill(`Mogelijke kennisname door een onbevoegde. ${INJECTION}`);
  await page.getByTestId('datalek-measures').fill('Ontvanger gevraagd de mail te verwijderen.');
  await page.getByTestId('datalek-measuresBefore').fill('Geen versleuteling van de bijlage.');
  await page.getByTestId('datalek-contactPhone').fill('+31 88 120 5100');
}

beforeAll(async () => {
  ({ wb, browser } = await startBrowserSuite());
});

afterAll(async () => {
  await stopBrowserSuite({ wb, browser });
});

it('reports a breach from a chosen document: register item, mail with every 2b field, card, clock', async () => {
  const { context, page, errors } = await openAs(browser, wb, 'igj-medewerker');
  await openForm(page);
  // Pre-filled from Graph /me, the party and the document's processing activity (bijlage 1).
  await expect(page.getByTestId('datalek-contactName').inputValue()).resolves.toBe('Sanne de Vries');
  await expect(page.getByTestId('datalek-contactEmail').inputValue()).resolves.toBe('sanne.devries@igj.example');
  await expect(page.getByTestId('datalek-reportingParty').inputValue()).resolves.toBe('igj');
  expect(await page.getByTestId('datalek-affectedPersonalData').inputValue()).not.toBe('');
  await expect(page.getByTestId('datalek-recipients').textContent()).resolves.toContain(
    'CIBGDatalekregister@minvws.nl',
  );
  await fillRest(page, 'MARKER-ONE');

  // A reload keeps the half-filled form (local draft).
  await page.reload();
  await openTab(page, 'Datalek melden');
  await page.getByTestId('datalek-draft-restored').waitFor();
  await expect(page.getByTestId('datalek-description').inputValue()).resolves.toContain('MARKER-ONE');
  await expect(page.locator(`input[data-document="${DOC}"]`).isChecked()).resolves.toBe(true);
  await screenshot(page, join(SCREENSHOTS, 'datalek-form.png'));

  await page.getByTestId('datalek-submit').click();
  const result = page.getByTestId('datalek-result');
  await result.waitFor();
  await result.locator('[data-step="mail"][data-state="sent"]').waitFor();
  await result.locator('[data-step="card"][data-state="sent"], [data-step="card"][data-state="failed"]').waitFor();
  await expect(page.getByTestId('datalek-clock').textContent()).resolves.toMatch(
    /Termijn AP voor CIBG: .* \(nog (69|70) u \d+ min/,
  );
  // Checklist: phone the 1st or 2nd contact, numbers shown (bijlage 2, 2a).
  await expect(page.getByTestId('datalek-phone-numbers').textContent()).resolves.toContain('+31 70 000 0201');
  await expect(page.getByTestId('datalek-phone-numbers').textContent()).resolves.toContain('+31 70 000 0202');
  await screenshot(page, join(SCREENSHOTS, 'datalek-result.png'));

  // Register item: stored, readable by the privacy officer; what was sent is in its course (Datalekverloop).
  const items = await registerItems();
  expect(items).toHaveLength(1);
  expect(items[0].Datalekstatus).toBe('gemeld aan wederpartij');
  const stored = JSON.parse(items[0].Gegevens) as Record<string, unknown>;
  expect(stored.delivery).toBeUndefined();
  const { form } = await reportWith('MARKER-ONE');
  const delivery = form.delivery as Record<string, { state: string; kind?: string }>;
  expect(form.description).toContain('MARKER-ONE');
  expect(form.description).toContain(INJECTION);
  expect(form.controllerParty).toBe('cibg');
  expect(delivery.mail.state).toBe('sent');
  expect((form.procedure as { formMailedAt?: string }).formMailedAt).toBeTruthy();
  // Not readable by a colleague who did not report it (item-level security).
  await expect(registerItems('cibg-medewerker')).resolves.toHaveLength(0);

  // The mail: breach address plus the 1st and 2nd contact, every bijlage 2b label, markup as text.
  for (const address of [CIBG_BREACH, 'johan.smit@cibg.example', 'lotte.visser@cibg.example']) {
    const mails = (await inbox(address)).filter((m) => m.body.content.includes('MARKER-ONE'));
    expect({ address, count: mails.length }).toEqual({ address, count: 1 });
  }
  const mail = (await inbox(CIBG_BREACH))[0];
  const body = mail.body.content;
  for (const f of DATALEK_FIELDS.filter((x) => x.form2b))
    expect({ label: f.label.nl, found: body.includes(f.label.nl.replace(/&/g, '&amp;')) }).toEqual({
      label: f.label.nl,
      found: true,
    });
  expect(body).not.toContain('<script>');
  expect(body).toContain('&lt;script&gt;');

  // The Postvak pane shows the mail as text.
  await page.getByRole('button', { name: 'Postvak' }).click();
  await page.getByRole('combobox', { name: 'Postvak' }).selectOption(CIBG_BREACH);
  const shown = page.getByTestId('mail-message').first();
  await shown
    .getByText(/Melding \(mogelijk\) datalek/)
    .first()
    .waitFor();
  const shownText = (await shown.textContent()) ?? '';
  for (const f of DATALEK_FIELDS.filter((x) => x.form2b)) expect(shownText).toContain(f.label.nl);
  expect(shownText).toContain('<script>window.__pwned=2</script>');
  await expect(shown.locator('img, script').count()).resolves.toBe(0);
  await screenshot(page, join(SCREENSHOTS, 'datalek-postvak.png'));

  // The reporter is not a member of the privacy officers' private channel: a card without personal data went to the
  // Team's general channel, naming why (Teams refuses the private channel to non-members, not only the screen).
  await expect(result.locator('[data-step="card"]').textContent()).resolves.toContain('zonder persoonsgegevens');
  expect(delivery.card).toMatchObject({ state: 'sent', kind: 'notice' });
  const notice = (await cards('general')).map((m) => m.attachments[0]?.content ?? '').filter((c) => c.includes('datalek'));
  expect(notice).toHaveLength(1);
  expect(notice[0]).toContain('geen persoonsgegevens');
  expect(notice[0]).not.toContain('MARKER-ONE');
  expect((await cards()).length).toBe(0);
  expect(errors).toEqual([]);
  await context.close();

  // A privacy officer who is a member posts the full card in the private channel.
  const officer = await openAs(browser, wb, 'igj-privacy');
  await openTab(officer.page, 'Datalekregister');
  await officer.page.getByTestId('datalek-row').first().getByTestId('datalek-open').click();
  await officer.page.getByTestId('datalek-full-card').click();
  await officer.page.getByTestId('datalek-full-card').waitFor({ state: 'detached' });
  expect((await reportWith('MARKER-ONE')).form.delivery).toMatchObject({ card: { kind: 'full' } });
  await officer.page.getByRole('button', { name: 'Kanaal' }).click();
  const card = officer.page.getByTestId('adaptive-card').first();
  await card.getByText('Melding (mogelijk) datalek').first().waitFor();
  await expect(card.getByText(/Termijn AP voor CIBG \(72 uur, AVG art\. 33\)/).count()).resolves.toBe(1);
  const cardText = (await card.textContent()) ?? '';
  expect(cardText).toContain('MARKER-ONE');
  expect(cardText).toContain('<script>window.__pwned=2</script>');
  expect(cardText).toContain('**vet**');
  await expect(card.locator('img, script, strong').count()).resolves.toBe(0);
  await expect(card.locator('button', { hasText: 'Melding openen' }).count()).resolves.toBe(1);
  await card.screenshot({ path: join(SCREENSHOTS, 'datalek-card.png') });
  expect((await cards()).length).toBe(1);

  expect(await officer.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(officer.errors).toEqual([]);
  await officer.context.close();
});

it('the privacy officer of the controller sees the report with its clock and records the art. 33/34 decisions', async () => {
  const { context, page, errors } = await openAs(browser, wb, 'cibg-privacy');
  await openTab(page, 'Datalekregister');
  const row = page.getByTestId('datalek-row').first();
  await row.waitFor();
  await expect(row.getByTestId('datalek-clock').textContent()).resolves.toMatch(/Termijn AP voor CIBG/);
  await expect(row.getByTestId('datalek-status').textContent()).resolves.toBe('Gemeld aan wederpartij');
  await row.getByTestId('datalek-open').click();
  const detail = page.getByTestId('datalek-detail');
  await detail.waitFor();
  await expect(detail.getByTestId('datalek-fields').textContent()).resolves.toContain('MARKER-ONE');
  // Closing without decisions is refused with the article (AVG art. 33(5)).
  await page.getByTestId('decision-status').selectOption('afgesloten');
  await page.getByTestId('decision-save').click();
  await expect(page.getByTestId('decision-errors').textContent()).resolves.toContain('AVG art. 33(5)');
  // Not notifying, with reasons: documented all the same.
  await page.getByTestId('decision-ap-notify').selectOption('nee');
  await page.getByTestId('decision-ap-reason').fill('Geen risico: ontvanger heeft verwijdering bevestigd.');
  await page.getByTestId('decision-subjects-inform').selectOption('nee');
  await page.getByTestId('decision-subjects-reason').fill('Geen hoog risico voor betrokkenen (art. 34 lid 1).');
  await page.getByTestId('decision-save').click();
  await page.getByTestId('datalek-row').first().getByTestId('datalek-status').getByText('Afgesloten').waitFor();
  // SharePoint's version history under the report: the reporter's version, then Johan's decisions, nothing named
  const versions = page.getByTestId('datalek-trace-versions').locator('li');
  await versions.filter({ hasText: 'Johan Smit: status Afgesloten' }).waitFor();
  await expect(versions.last().textContent()).resolves.toMatch(/^Versie 1\.0, .*: gemeld$/);
  await expect(page.getByTestId('datalek-trace-mismatch').count()).resolves.toBe(0);
  await screenshot(page, join(SCREENSHOTS, 'datalek-register.png'));
  const [item] = await registerItems();
  const form = JSON.parse(item.Gegevens) as { apDecision: { notify: boolean; reason: string; decidedBy: string } };
  expect(item.Datalekstatus).toBe('afgesloten');
  expect(form.apDecision).toMatchObject({ notify: false, decidedBy: 'Johan Smit' });
  expect(errors).toEqual([]);
  await context.close();
});

it('with Graph failing the report is stored, the failure visible, and the retry sends each once', async () => {
  const { context, page, errors } = await openAs(browser, wb, 'igj-medewerker');
  await openForm(page);
  await fillRest(page, 'MARKER-TWO');
  const before = (await cards('general')).length;
  await faults({ rate503: 1, retryAfterSeconds: 0, pathPattern: '^/v1\\.0/' });
  try {
    await page.getByTestId('datalek-submit').click();
    const result = page.getByTestId('datalek-result');
    await result.locator('[data-step="mail"][data-state="failed"]').waitFor({ timeout: 60_000 });
    await result.locator('[data-step="card"][data-state="failed"]').waitFor({ timeout: 60_000 });
    await expect(result.locator('[data-step="mail"]').textContent()).resolves.toContain('503');
    await screenshot(page, join(SCREENSHOTS, 'datalek-failed.png'));
  } finally {
    await faults({});
  }
  expect((await reportWith('MARKER-TWO')).form.delivery).toMatchObject({ mail: { state: 'failed' } });
  expect(await inbox(CIBG_BREACH).then((m) => m.filter((x) => x.body.content.includes('MARKER-TWO')).length)).toBe(0);

  await page.getByTestId('datalek-retry').click();
  await page.locator('[data-step="mail"][data-state="sent"]').waitFor();
  await page.locator('[data-step="card"][data-state="sent"]').waitFor();
  await expect(page.getByTestId('datalek-retry').count()).resolves.toBe(0);
  // Each exactly once, also after another look at the register (which offers no retry for sent steps).
  for (const address of [CIBG_BREACH, 'johan.smit@cibg.example', 'lotte.visser@cibg.example']) {
    const n = (await inbox(address)).filter((m) => m.body.content.includes('MARKER-TWO')).length;
    expect({ address, n }).toEqual({ address, n: 1 });
  }
  expect((await cards('general')).length).toBe(before + 1);
  expect((await reportWith('MARKER-TWO')).form.delivery).toMatchObject({ mail: { state: 'sent' }, card: { state: 'sent' } });
  expect(errors).toEqual([]);
  await context.close();
});

it('a send without an answer (connection reset) is not repeated until the reporter confirms it did not arrive', async () => {
  const { context, page, errors } = await openAs(browser, wb, 'igj-medewerker');
  await openForm(page);
  await fillRest(page, 'MARKER-THREE');
  const before = (await cards('general')).length;
  await faults({ rateReset: 1, pathPattern: '^/v1\\.0/' });
  try {
    await page.getByTestId('datalek-submit').click();
    await page.locator('[data-step="mail"][data-state="uncertain"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-step="card"][data-state="uncertain"]').waitFor({ timeout: 60_000 });
  } finally {
    await faults({});
  }
  // Nothing is resent blindly: the retry waits for a person's check.
  await expect(page.getByTestId('datalek-retry').isDisabled()).resolves.toBe(true);
  await page.getByTestId('datalek-confirm-mail').check();
  await page.getByTestId('datalek-retry').click();
  await page.locator('[data-step="mail"][data-state="sent"]').waitFor();
  await expect(page.locator('[data-step="card"]').getAttribute('data-state')).resolves.toBe('uncertain');
  await page.getByTestId('datalek-confirm-card').check();
  await page.getByTestId('datalek-retry').click();
  await page.locator('[data-step="card"][data-state="sent"]').waitFor();
  for (const address of [CIBG_BREACH, 'johan.smit@cibg.example', 'lotte.visser@cibg.example']) {
    const n = (await inbox(address)).filter((m) => m.body.content.includes('MARKER-THREE')).length;
    expect({ address, n }).toEqual({ address, n: 1 });
  }
  expect((await cards('general')).length).toBe(before + 1);
  expect(errors).toEqual([]);
  await context.close();
});

it('bad input: blank form, breach after the report date, absurd numbers: messages name field and article', async () => {
  const { context, page, errors } = await openAs(browser, wb, 'igj-medewerker');
  await openTab(page, 'Datalek melden');
  await page.getByTestId('datalek-form').waitFor();
  await page.getByTestId('datalek-contactName').fill('');
  await page.getByTestId('datalek-submit').click();
  const list = page.getByTestId('datalek-errors');
  await list.waitFor();
  const text = (await list.textContent()) ?? '';
  for (const label of [
    'Naam contactpersoon',
    'Omschrijving datalek',
    '(Vermoedelijke) datum datalek',
    'Ontdekt op',
    'Maatregelen vóór het datalek',
  ])
    expect(text).toContain(label);
  expect(text).toContain('(bijlage 2b)');
  expect(text).toContain('(AVG art. 33(1))');
  const { date: tomorrow } = await localTimes(page, -48);
  await page.getByTestId('datalek-breachDate').fill(tomorrow);
  await page.getByTestId('datalek-scaleDataSubjects').fill('999999999999');
  await page.getByTestId('datalek-scaleFiles').fill('-3');
  await page.getByTestId('datalek-submit').click();
  await expect(page.locator('[data-field="breachDate"]').textContent()).resolves.toMatch(
    /ligt na de datum van de melding .*\(bijlage 2b\)/,
  );
  await expect(page.locator('[data-field="scaleDataSubjects"]').textContent()).resolves.toContain('niet geloofwaardig');
  await expect(page.locator('[data-field="scaleFiles"]').textContent()).resolves.toContain('negatief');
  await expect(registerItems()).resolves.toHaveLength(3);
  expect(errors).toEqual([]);
  await context.close();
});
