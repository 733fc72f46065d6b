/**
 * Keyboard alone, as a new user would, in Chromium against the workbench: an upload through "Delen met toets", a
 * privacy officer's review decision and a datalek report, each with Tab, Shift+Tab, Enter, Space, arrows and typing
 * only. The one exception is the operating system's file picker, which no test can drive: the keyboard opens it
 * ("Bestanden kiezen", Enter) and the test hands the file to the chooser that opened. After every step that replaces,
 * removes or answers the focused control, the test asserts where focus is (WCAG 2.4.3) and that it shows (2.4.7); then
 * that the outcome happened on the server.
 */
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import {
  expectAccessible,
  fileStatusAs,
  openAs,
  screenshot,
  SCREENSHOTS,
  startBrowserSuite,
  stopBrowserSuite,
  type TestWorkbench,
} from './workbench';

jest.setTimeout(300_000);

const LIBRARY = '/sites/samenwerkingsruimte/Uitwisseling';

let wb: TestWorkbench;
let browser: Browser;

beforeAll(async () => {
  ({ wb, browser } = await startBrowserSuite());
});

afterAll(async () => {
  await stopBrowserSuite({ wb, browser });
});

/**
 * Opens the workbench as `identity` with file choosers intercepted from the start (Playwright turns interception on
 * asynchronously when the first listener comes; a picker opened before that would be lost).
 */
async function open(identity: string): Promise<Awaited<ReturnType<typeof openAs>>> {
  const opened = await openAs(browser, wb, identity);
  opened.page.on('filechooser', () => undefined);
  return opened;
}

/** What has focus (document.activeElement), described as a person and the assertions need it. */
interface Focus {
  tag: string;
  testid: string | null;
  role: string | null;
  /** The accessible name as far as the test needs it: aria-label, aria-labelledby, the label, or the text. */
  name: string;
  type: string | null;
  checked: boolean | null;
  /** Inside the modal dialog. */
  inDialog: boolean;
  /** Shown as focused: the browser's :focus-visible or Fluent's keyboard-focus marker. */
  visible: boolean;
  /** The review card (data-review) or datalek document (data-document) it belongs to. */
  card: string | null;
  document: string | null;
}

async function focused(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    if (!a || a === document.body)
      return {
        tag: 'body',
        testid: null,
        role: null,
        name: '',
        type: null,
        checked: null,
        inDialog: false,
        visible: false,
        card: null,
        document: null,
      };
    const byIds = (ids: string | null): string =>
      (ids ?? '')
        .split(/\s+/)
        .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
        .join(' ')
        .trim();
    const input = a as HTMLInputElement;
    const name = (
      a.getAttribute('aria-label') ??
      (byIds(a.getAttribute('aria-labelledby')) || input.labels?.[0]?.textContent || a.textContent || '')
    ).trim();
    return {
      tag: a.tagName.toLowerCase(),
      testid: a.getAttribute('data-testid'),
      role: a.getAttribute('role'),
      name,
      type: a instanceof HTMLInputElement ? a.type : null,
      checked: a instanceof HTMLInputElement && (a.type === 'radio' || a.type === 'checkbox') ? a.checked : null,
      inDialog: a.closest('[role="dialog"]') !== null,
      visible: a.matches(':focus-visible') || a.hasAttribute('data-fui-focus-visible'),
      card: a.closest('[data-review]')?.getAttribute('data-review') ?? null,
      document: a.getAttribute('data-document'),
    };
  });
}

const describe = (f: Focus): string =>
  `<${f.tag}${f.testid ? ` data-testid=${f.testid}` : ''}${f.role ? ` role=${f.role}` : ''}> "${f.name.slice(0, 60)}"`;

/**
 * Presses Tab (or Shift+Tab) until focus is on what `match` accepts; fails naming the path when it is not reached in
 * `max` presses. With `inDialog`, every stop must be inside the dialog (focus is trapped there).
 */
async function tabTo(
  page: Page,
  what: string,
  match: (f: Focus) => boolean,
  options: { back?: boolean; max?: number; inDialog?: boolean } = {},
): Promise<Focus> {
  const path: string[] = [];
  for (let i = 0; i < (options.max ?? 60); i++) {
    const now = await focused(page);
    if (match(now)) return now;
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    const next = await focused(page);
    path.push(describe(next));
    if (options.inDialog && !next.inDialog) throw new Error(`focus left the dialog on the way to ${what}: ${path.join(' → ')}`);
  }
  throw new Error(`${what} not reached by ${options.back ? 'Shift+Tab' : 'Tab'}: ${path.join(' → ')}`);
}

/** Waits (focus moves in an effect after the render) until focus is on what `match` accepts, and that it shows. */
async function expectFocus(page: Page, what: string, match: (f: Focus) => boolean): Promise<Focus> {
  const until = Date.now() + 10_000;
  let now = await focused(page);
  while (!match(now) && Date.now() < until) {
    await page.waitForTimeout(100);
    now = await focused(page);
  }
  if (!match(now)) throw new Error(`focus should be on ${what}, is on ${describe(now)}`);
  expect({ what, visible: now.visible }).toEqual({ what, visible: true });
  return now;
}

/** From the top of the page: Tab to the tab list, arrows to the tab (selection follows focus), as a person would. */
async function openTabByKeyboard(page: Page, name: string): Promise<void> {
  await page.getByRole('tablist').waitFor();
  await tabTo(page, 'the tab list', (f) => f.role === 'tab');
  for (let i = 0; i < 12 && (await focused(page)).name !== name; i++) await page.keyboard.press('ArrowRight');
  const tab = page.getByRole('tab', { name, exact: true });
  await expectFocus(page, `tab ${name}`, (f) => f.role === 'tab' && f.name === name);
  if ((await tab.getAttribute('aria-selected')) !== 'true') await page.keyboard.press('Enter');
  await page.waitForFunction((n) => {
    const t = [...document.querySelectorAll('[role="tab"]')].find((x) => x.textContent === n);
    return t?.getAttribute('aria-selected') === 'true';
  }, name);
  await expectAccessible(page, `tab ${name} (keyboard)`);
}

const isPicker = (f: Focus): boolean => f.tag === 'button' && f.name === 'Bestanden kiezen' && !f.inDialog;

/**
 * On "Bestanden kiezen": Enter opens the file picker; the file goes to the chooser that opened (the OS dialog is the
 * one thing a test cannot drive). Resolves when the dialog shows the file scanned.
 */
async function chooseFile(page: Page, name: string, text: string): Promise<void> {
  await expectFocus(page, '"Bestanden kiezen"', isPicker);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 10_000 }), page.keyboard.press('Enter')]);
  await chooser.setFiles([{ name, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') }]);
  await page.getByTestId('upload-dialog').waitFor();
  await page.locator(`[data-file="${name}"] [data-testid="scan"]`).waitFor();
  // The dialog takes focus when it opens and keeps it.
  await expectFocus(page, 'a control in the dialog', (f) => f.inDialog);
}

const inDialog = { inDialog: true };

/** Typeahead on a closed select: typing the start of an option's text chooses it. */
async function typeInSelect(page: Page, testid: string, text: string, expected: string): Promise<void> {
  await tabTo(page, testid, (f) => f.testid === testid, inDialog);
  await page.keyboard.type(text);
  await expect(page.getByTestId(testid).inputValue()).resolves.toBe(expected);
}

/** In a radio group: arrows until the option whose label starts with `label` is checked. */
async function arrowToRadio(page: Page, label: string): Promise<void> {
  for (let i = 0; i < 6; i++) {
    const f = await focused(page);
    if (f.type === 'radio' && f.name.startsWith(label) && f.checked) return;
    if (f.type === 'radio' && f.name.startsWith(label)) await page.keyboard.press('Space');
    else await page.keyboard.press('ArrowDown');
  }
  throw new Error(`radio '${label}' not checked by arrows: on ${describe(await focused(page))}`);
}

/** Tab to a checkbox by its label and tick it with Space. */
async function tick(page: Page, label: string): Promise<void> {
  await tabTo(page, `checkbox ${label}`, (f) => f.type === 'checkbox' && f.name === label, inDialog);
  if (!(await focused(page)).checked) await page.keyboard.press('Space');
  expect((await focused(page)).checked).toBe(true);
}

/** The basic answers: document type, classification, personal data yes/no. */
async function answerBasics(page: Page, type: [string, string], level: string, personal: 'Ja' | 'Nee'): Promise<void> {
  await typeInSelect(page, 'documentType', type[0], type[1]);
  await page.keyboard.press('Tab'); // into the classification group: no default, so on its first option
  await arrowToRadio(page, level);
  await tabTo(page, 'personal data', (f) => f.type === 'radio' && f.name === 'Ja', inDialog);
  await arrowToRadio(page, personal);
}

/** Tab to "Toetsen", Enter: focus goes to "Delen" (the button that replaced it). */
async function checkAndShare(page: Page, name: string, outcome: 'allowed' | 'review'): Promise<void> {
  await tabTo(page, '"Toetsen"', (f) => f.testid === 'check', inDialog);
  await page.keyboard.press('Enter');
  await page.locator(`[data-file="${name}"] [data-outcome="${outcome}"]`).waitFor();
  await expectFocus(page, '"Delen" after "Toetsen"', (f) => f.testid === 'share' && f.inDialog);
  await page.keyboard.press('Enter');
  await page.locator(`[data-file="${name}"][data-state="done"]`).waitFor();
  await page.locator('[data-testid="upload-dialog"][data-phase="finished"]').waitFor();
  // While and after sharing, focus is on the files with their results (the button it was on is gone).
  await expectFocus(page, 'the files and their results', (f) => f.testid === 'upload-files' && f.inDialog);
}

/** A REST GET on the site as a demo identity. */
async function api(user: string, path: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${wb.siteUrl}/_api/${path}`, {
    headers: { accept: 'application/json;odata=nometadata', 'X-Emulator-User': user },
  });
  return { status: res.status, json: res.status === 200 ? ((await res.json()) as Record<string, unknown>) : {} };
}

it('upload by keyboard: choose, answer, Toetsen, Delen, Sluiten; Escape closes before and after sharing; focus returns', async () => {
  const { context, page, errors } = await open('igj-medewerker');
  await openTabByKeyboard(page, 'Delen');
  await page.getByTestId('share-panel').waitFor();
  await tabTo(page, '"Bestanden kiezen"', isPicker);

  // Escape right after choosing closes the dialog, and focus is back on the control that opened it.
  await chooseFile(page, 'Kladje.txt', 'Nog niets.');
  await page.keyboard.press('Escape');
  await page.getByTestId('upload-dialog').waitFor({ state: 'detached' });
  await expectFocus(page, '"Bestanden kiezen" after Escape', isPicker);

  // The whole way: choose, answer, Toetsen, Delen, Sluiten.
  const first = 'Agenda overleg januari.txt';
  await chooseFile(page, first, 'Agenda: actualiteiten en beleidsvoornemens, casuïstiek.');
  await answerBasics(page, ['Agenda', 'overlegstuk'], 'Intern', 'Nee');
  await expectAccessible(page, 'upload dialog answered (keyboard)');
  await checkAndShare(page, first, 'allowed');
  await screenshot(page, join(SCREENSHOTS, 'keyboard-upload-done.png'));
  await tabTo(page, '"Sluiten"', (f) => f.testid === 'close', inDialog);
  await page.keyboard.press('Enter');
  await page.getByTestId('upload-dialog').waitFor({ state: 'detached' });
  await expectFocus(page, '"Bestanden kiezen" after "Sluiten"', isPicker);

  // Again, closed with Escape after sharing (it used to do nothing there: focus had fallen to the page).
  const second = 'Verslag overleg januari.txt';
  await chooseFile(page, second, 'Verslag van het ambtelijk overleg.');
  await answerBasics(page, ['Agenda', 'overlegstuk'], 'Intern', 'Nee');
  await checkAndShare(page, second, 'allowed');
  await page.keyboard.press('Escape');
  await page.getByTestId('upload-dialog').waitFor({ state: 'detached' });
  await expectFocus(page, '"Bestanden kiezen" after Escape after sharing', isPicker);

  // Shared: in IGJ's folder, with its metadata, readable by the other party.
  for (const name of [first, second]) {
    const file = await api(
      'cibg-medewerker',
      `web/getFileByServerRelativePath(decodedurl='${LIBRARY}/Gedeeld-igj/${name}')/listItemAllFields`,
    );
    expect({ name, status: file.status }).toEqual({ name, status: 200 });
    expect(file.json).toMatchObject({ Documenttype: 'overlegstuk', Classificatie: 'intern', Toetsstatus: 'Toegestaan' });
  }
  expect(errors).toEqual([]);
  await context.close();
});

it('review decision by keyboard: the privacy officer opens the check, writes a note and approves; focus on the outcome', async () => {
  // A file in review (BSN declared, art. 9.2), shared by keyboard too.
  const name = 'Verificatie zorgverlener toetsenbord.txt';
  const uploader = await open('igj-medewerker');
  const page = uploader.page;
  await openTabByKeyboard(page, 'Delen');
  await page.getByTestId('share-panel').waitFor();
  await tabTo(page, '"Bestanden kiezen"', isPicker);
  await chooseFile(page, name, 'Verzoek tot verificatie. BSN 111222333.');
  await answerBasics(page, ['Signaal', 'signaal'], 'Departementaal Vertrouwelijk', 'Ja');
  await typeInSelect(page, 'activity', 'Verificatie', 'identiteitsverificatie');
  await tick(page, 'NAW-gegevens');
  await tick(page, 'Identificatiegegevens (BSN, kopie ID)');
  await tabTo(page, 'necessity', (f) => f.testid === 'necessity', inDialog);
  await page.keyboard.type('Vaststellen dat de melding over dezelfde zorgverlener gaat als de registratie.');
  await tabTo(page, 'less data', (f) => f.type === 'radio' && f.name === 'Ja', inDialog);
  await arrowToRadio(page, 'Nee');
  await checkAndShare(page, name, 'review');
  await page.keyboard.press('Escape');
  await page.getByTestId('upload-dialog').waitFor({ state: 'detached' });
  expect(uploader.errors).toEqual([]);
  await uploader.context.close();
  expect([403, 404]).toContain(await fileStatusAs(wb, 'cibg-medewerker', `${LIBRARY}/Review-igj/${name}`));

  const { context, page: officer, errors } = await open('igj-privacy');
  await openTabByKeyboard(officer, 'Review');
  const card = officer.locator(`[data-review="${name}"]`);
  await card.waitFor();
  await tabTo(officer, '"Toets bekijken" on the card', (f) => f.card === name && f.name === 'Toets bekijken');
  await officer.keyboard.press('Enter');
  await card.getByTestId('review-record').waitFor();
  await expect(card.getByTestId('findings').textContent()).resolves.toBe('1 BSN-nummer');
  await tabTo(officer, 'the note', (f) => f.card === name && f.testid === 'review-note');
  await officer.keyboard.type('Noodzakelijk voor de verificatie; binnen het doel.');
  await officer.keyboard.press('Tab');
  await expectFocus(officer, '"Goedkeuren"', (f) => f.testid === 'approve' && f.card === name);
  await officer.keyboard.press('Enter');
  // The card is gone with the decision: focus is on the message saying what was decided.
  const done = await expectFocus(officer, 'the decision message', (f) => f.testid === 'review-done');
  expect(done.name + ((await officer.getByTestId('review-done').textContent()) ?? '')).toContain(name);
  await expect(card.count()).resolves.toBe(0);
  await screenshot(officer, join(SCREENSHOTS, 'keyboard-review-decided.png'));

  // Recorded: moved to the restricted folder its level demands and readable by CIBG's listed staff (art. 9.2, 10.1).
  expect(await fileStatusAs(wb, 'cibg-medewerker', `${LIBRARY}/Vertrouwelijk-igj/${name}`)).toBe(200);
  const item = await api(
    'igj-privacy',
    `web/getFileByServerRelativePath(decodedurl='${LIBRARY}/Vertrouwelijk-igj/${name}')/listItemAllFields`,
  );
  expect(item.json).toMatchObject({ Toetsstatus: 'Toegestaan' });
  expect(errors).toEqual([]);
  await context.close();
});

/** A local moment `hoursAgo` before now as a Dutch person types it: d-m-jjjj and d-m-jjjj uu:mm. */
async function typedMoment(
  page: Page,
  hoursAgo: number,
): Promise<{ date: string; dateTime: string; isoDate: string; instant: string }> {
  return page.evaluate((h) => {
    const d = new Date(Date.now() - h * 3_600_000);
    const p = (n: number): string => String(n).padStart(2, '0');
    const date = `${d.getDate()}-${d.getMonth() + 1}-${d.getFullYear()}`;
    const time = `${p(d.getHours())}:${p(d.getMinutes())}`;
    const isoDate = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
    return { date, dateTime: `${date} ${time}`, isoDate, instant: new Date(`${isoDate}T${time}`).toISOString() };
  }, hoursAgo);
}

it('datalek report by keyboard: a refused submit focuses the error summary, its links lead to the fields, typed dates take', async () => {
  const DOC = 'Signaal vertrouwelijk zorgaanbieder Noord.txt';
  const marker = 'TOETSENBORD-MELDING';
  const { context, page, errors } = await open('igj-medewerker');
  await openTabByKeyboard(page, 'Datalek melden');
  await page.getByTestId('datalek-form').waitFor();
  await tabTo(page, 'the document', (f) => f.document === DOC);
  await page.keyboard.press('Space');
  await expect(page.locator(`input[data-document="${DOC}"]`).isChecked()).resolves.toBe(true);
  await expect(page.getByTestId('datalek-controllerParty').inputValue()).resolves.toBe('cibg');

  // Submitted half filled: refused, and focus moves to the summary that names the fields.
  await tabTo(page, '"Melding versturen"', (f) => f.testid === 'datalek-submit', { max: 80 });
  await page.keyboard.press('Enter');
  const summary = await expectFocus(page, 'the error summary', (f) => f.testid === 'datalek-errors');
  expect(summary.role).toBe('alert');
  const listed = (await page.getByTestId('datalek-errors').textContent()) ?? '';
  for (const label of ['(Vermoedelijke) datum datalek', 'Ontdekt op', 'Omschrijving datalek']) expect(listed).toContain(label);
  await screenshot(page, join(SCREENSHOTS, 'keyboard-datalek-errors.png'));

  // The summary's link takes focus to the field; typed dates take (day first, as written in Dutch).
  await tabTo(page, 'the link to the breach date', (f) => f.name.startsWith('(Vermoedelijke) datum datalek'));
  await page.keyboard.press('Enter');
  await expectFocus(page, 'the breach date field', (f) => f.testid === 'datalek-breachDate');
  const day = await typedMoment(page, 24);
  const found = await typedMoment(page, 2);
  await page.keyboard.type(day.date);
  await page.keyboard.press('Tab'); // "Datum is vermoedelijk"
  await page.keyboard.press('Tab');
  await expectFocus(page, '"Ontdekt op"', (f) => f.testid === 'datalek-discoveredAt');
  await page.keyboard.type(found.dateTime);
  await expect(page.locator('[data-field="discoveredAt"]').textContent()).resolves.toContain('Gelezen als');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expectFocus(page, 'back on the breach date', (f) => f.testid === 'datalek-breachDate');
  await expect(page.locator('[data-field="breachDate"]').textContent()).resolves.toContain('Gelezen als');
  await tabTo(page, 'the description', (f) => f.testid === 'datalek-description');
  await page.keyboard.type(`${marker} Signaal naar een verkeerde ontvanger gemaild.`);
  for (const [field, text] of [
    ['datalek-scaleDataSubjects', '12'],
    ['datalek-consequences', 'Mogelijke kennisname door een onbevoegde.'],
    ['datalek-measures', 'Ontvanger gevraagd de mail te verwijderen.'],
    ['datalek-measuresBefore', 'Geen versleuteling van de bijlage.'],
  ]) {
    await tabTo(page, field, (f) => f.testid === field);
    await page.keyboard.type(text);
  }
  await tabTo(page, '"Melding versturen"', (f) => f.testid === 'datalek-submit');
  await page.keyboard.press('Enter');
  // Stored: focus on the message that says so (the form and its button are gone).
  await expectFocus(page, 'the stored report', (f) => f.testid === 'datalek-stored');
  await page.getByTestId('datalek-result').locator('[data-step="mail"][data-state="sent"]').waitFor();
  await screenshot(page, join(SCREENSHOTS, 'keyboard-datalek-stored.png'));

  // In the register, with the moments as typed (the 72-hour clock runs from "Ontdekt op").
  const res = await fetch(
    `${wb.siteUrl}/_api/web/lists/getByTitle('Datalekregister')/items?$select=Id,Gegevens&$orderby=Id`,
    { headers: { accept: 'application/json;odata=nometadata', 'x-emulator-user': 'cibg-privacy' } },
  );
  const items = ((await res.json()) as { value: Array<{ Gegevens: string }> }).value;
  const stored = items
    .map((i) => JSON.parse(i.Gegevens) as Record<string, unknown>)
    .find((g) => String(g.description).includes(marker));
  expect(stored).toMatchObject({
    breachDate: day.isoDate,
    discoveredAt: found.instant,
    controllerParty: 'cibg',
    scaleDataSubjects: 12,
  });
  expect(errors).toEqual([]);
  await context.close();
});
