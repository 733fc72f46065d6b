/**
 * Keyboard alone, as a new user would, in Chromium against the workbench: an upload through "Delen met toets", a
 * privacy officer's review decision, a datalek report and the controller's decisions on it in the Datalekregister, a
 * new record in the agreements register, and planning and recording an overleg, each with Tab, Shift+Tab, Enter,
 * Space, arrows and typing only. The one exception is the operating system's file picker, which no test can drive: the keyboard opens it
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
  /** The overleg series row (data-meeting) it sits in. */
  meeting: string | null;
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
        meeting: null,
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
      meeting: a.closest('[data-meeting]')?.getAttribute('data-meeting') ?? null,
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
async function typeInSelect(
  page: Page,
  testid: string,
  text: string,
  expected: string,
  options: { inDialog?: boolean } = inDialog,
): Promise<void> {
  await tabTo(page, testid, (f) => f.testid === testid, options);
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

  // CIBG's privacy officer (the controller) records the decisions on it (AVG art. 33, 34), by keyboard too.
  const officer = await open('cibg-privacy');
  const op = officer.page;
  await openTabByKeyboard(op, 'Datalekregister');
  await op.getByTestId('datalek-row').first().waitFor();
  await tabTo(op, '"Openen"', (f) => f.testid === 'datalek-open');
  await op.keyboard.press('Enter');
  await op.getByTestId('datalek-detail').waitFor();
  await expect(op.getByTestId('datalek-fields').textContent()).resolves.toContain(marker);
  // Closing without decisions: refused, focus on the summary that says why.
  await typeInSelect(op, 'decision-status', 'Afg', 'afgesloten', {});
  await tabTo(op, '"Besluiten vastleggen"', (f) => f.testid === 'decision-save', { max: 80 });
  await op.keyboard.press('Enter');
  const refusal = await expectFocus(op, 'the decisions refused', (f) => f.testid === 'decision-errors');
  expect(refusal.role).toBe('alert');
  await expect(op.getByTestId('decision-errors').textContent()).resolves.toContain('AVG art. 33(5)');
  // The AP was told: the moment typed day first; a day that does not exist is refused as typed, day first.
  await typeInSelect(op, 'decision-ap-notify', 'Ja', 'ja', {});
  await tabTo(op, 'the AP moment', (f) => f.testid === 'decision-ap-notifiedAt');
  const told = await typedMoment(op, 1);
  await op.keyboard.type('31-02-2026 10:00');
  await tabTo(op, 'the AP reason', (f) => f.testid === 'decision-ap-reason');
  await op.keyboard.type('Hoog risico: bijzondere persoonsgegevens.');
  await typeInSelect(op, 'decision-subjects-inform', 'Nee', 'nee', {});
  await tabTo(op, 'the subjects reason', (f) => f.testid === 'decision-subjects-reason');
  await op.keyboard.type('Ontvanger heeft verwijdering bevestigd (art. 34 lid 3 sub b).');
  await tabTo(op, '"Besluiten vastleggen"', (f) => f.testid === 'decision-save');
  await op.keyboard.press('Enter');
  await expectFocus(op, 'the unread moment refused', (f) => f.testid === 'decision-errors');
  await expect(op.getByTestId('decision-errors').textContent()).resolves.toContain(
    'Gemeld aan de AP op: geen datum en tijd zoals dd-mm-jjjj uu:mm',
  );
  await tabTo(op, 'the AP moment', (f) => f.testid === 'decision-ap-notifiedAt');
  await expect(
    op.getByTestId('datalek-decisions').locator('.fui-Field__validationMessage', { hasText: "'31-02-2026 10:00'" }).textContent(),
  ).resolves.toContain("'31-02-2026 10:00': geen datum en tijd zoals dd-mm-jjjj uu:mm");
  await op.keyboard.press('Control+A');
  await op.keyboard.type(told.dateTime);
  await tabTo(op, '"Besluiten vastleggen"', (f) => f.testid === 'decision-save');
  await op.keyboard.press('Enter');
  const saved = await expectFocus(op, 'the decisions stored', (f) => f.testid === 'decision-saved');
  expect(saved.role).toBe('status');
  await op.getByTestId('datalek-row').first().getByTestId('datalek-status').getByText('Afgesloten').waitFor();
  await screenshot(op, join(SCREENSHOTS, 'keyboard-datalek-decided.png'));
  const decided = (
    (await (
      await fetch(`${wb.siteUrl}/_api/web/lists/getByTitle('Datalekregister')/items?$select=Gegevens,Datalekstatus`, {
        headers: { accept: 'application/json;odata=nometadata', 'x-emulator-user': 'cibg-privacy' },
      })
    ).json()) as { value: Array<{ Gegevens: string; Datalekstatus: string }> }
  ).value.find((i) => i.Gegevens.includes(marker));
  expect(decided?.Datalekstatus).toBe('afgesloten');
  expect(JSON.parse(decided?.Gegevens ?? '{}')).toMatchObject({
    apDecision: { notify: true, notifiedAt: told.instant, decidedBy: expect.any(String) },
    dataSubjectsDecision: { inform: false },
  });
  expect(officer.errors).toEqual([]);
  await officer.context.close();
});

it('register by keyboard: a refused new record focuses the summary, a date typed day first takes, the saved record says so', async () => {
  const title = 'Werkafspraak toetsenbord';
  const { context, page, errors } = await open('igj-accounthouder');
  await openTabByKeyboard(page, 'Overeenkomstenregister');
  await page.getByTestId('register-table').waitFor();
  await tabTo(page, '"Nieuwe registratie"', (f) => f.testid === 'register-new');
  // Escape closes the form, and focus is back on the button that opened it.
  await page.keyboard.press('Enter');
  await page.getByTestId('record-form').waitFor();
  await expectFocus(page, 'a control in the form', (f) => f.inDialog);
  await page.keyboard.press('Escape');
  await page.getByTestId('record-form').waitFor({ state: 'detached' });
  await expectFocus(page, '"Nieuwe registratie" after Escape', (f) => f.testid === 'register-new');
  await page.keyboard.press('Enter');
  await page.getByTestId('record-form').waitFor();
  await expectFocus(page, 'a control in the form', (f) => f.inDialog);

  // Saved blank, then with a day that does not exist: refused, focus on the summary each time.
  await tabTo(page, '"Opslaan"', (f) => f.testid === 'form-save', { ...inDialog, max: 80 });
  await page.keyboard.press('Enter');
  const summary = await expectFocus(page, 'the refusal', (f) => f.testid === 'form-errors');
  expect(summary.role).toBe('alert');
  await expect(page.getByTestId('form-errors').textContent()).resolves.toContain('Titel is verplicht.');
  await tabTo(page, 'the title', (f) => f.testid === 'form-title', inDialog);
  await page.keyboard.type(title);
  await tabTo(page, 'the signing date', (f) => f.testid === 'form-signedOn', inDialog);
  await page.keyboard.type('31-02-2026');
  await tabTo(page, '"Opslaan"', (f) => f.testid === 'form-save', { ...inDialog, max: 80 });
  await page.keyboard.press('Enter');
  await expectFocus(page, 'the refusal of the date', (f) => f.testid === 'form-errors');
  // under the field: what was typed and how to type it, not the stored form (JJJJ-MM-DD)
  const field = page.getByTestId('record-form').locator('.fui-Field__validationMessage', { hasText: "'31-02-2026'" });
  await expect(field.textContent()).resolves.toBe("'31-02-2026': geen datum zoals dd-mm-jjjj");
  await tabTo(page, 'the signing date', (f) => f.testid === 'form-signedOn', inDialog);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2-1-2026');
  await expect(page.getByTestId('record-form').getByText('Gelezen als vrijdag 2 januari 2026').count()).resolves.toBe(1);
  await tabTo(page, '"Opslaan"', (f) => f.testid === 'form-save', { ...inDialog, max: 80 });
  await page.keyboard.press('Enter');
  await page.getByTestId('record-form').waitFor({ state: 'detached' });
  // The dialog and its button are gone: focus on the saved record's message.
  const done = await expectFocus(page, 'the saved record', (f) => f.testid === 'record-step-done');
  expect(done.role).toBe('status');
  await expect(page.getByTestId('record-detail').getByRole('heading', { name: title }).count()).resolves.toBe(1);
  const stored = await api(
    'igj-accounthouder',
    `web/lists/getByTitle('Overeenkomstenregister')/items?$filter=Title eq '${title}'&$select=Title,Ondertekenddatum`,
  );
  const [item] = (stored.json as { value: Array<{ Ondertekenddatum: string }> }).value;
  expect(item.Ondertekenddatum.slice(0, 10)).toBe('2026-01-02');

  // A status step by keyboard: the dropdown by arrows, a note, "Status zetten"; focus on what was set.
  await tabTo(page, 'the status step', (f) => f.testid === 'record-step');
  await page.keyboard.press('Enter'); // opens the listbox on its first option
  await page.getByRole('listbox').waitFor();
  await page.keyboard.press('Enter'); // 'in overleg', the first step a concept may take
  await page.getByRole('listbox').waitFor({ state: 'detached' });
  await expect(page.getByTestId('record-step').textContent()).resolves.toBe('in overleg');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Concept naar de wederpartij gestuurd.');
  await tabTo(page, '"Status zetten"', (f) => f.testid === 'record-step-apply');
  await page.keyboard.press('Enter');
  const stepped = await expectFocus(page, 'the step taken', (f) => f.testid === 'record-step-done');
  expect(stepped.name + ((await page.getByTestId('record-step-done').textContent()) ?? '')).toContain('Status gezet: in overleg.');
  await page.getByTestId('record-history').getByText(/in overleg door Pieter Bakker: Concept naar de wederpartij gestuurd\./).waitFor();

  // Editing it by keyboard: "Bewerken", a new title, "Opslaan"; focus on the saved record's message again.
  await tabTo(page, '"Bewerken"', (f) => f.testid === 'record-edit', { back: true });
  await page.keyboard.press('Enter');
  await page.getByTestId('record-form').waitFor();
  await tabTo(page, 'the title', (f) => f.testid === 'form-title', inDialog);
  await page.keyboard.press('End');
  await page.keyboard.type(' (spoed)');
  await tabTo(page, '"Opslaan"', (f) => f.testid === 'form-save', { ...inDialog, max: 80 });
  await page.keyboard.press('Enter');
  await page.getByTestId('record-form').waitFor({ state: 'detached' });
  await expectFocus(page, 'the edited record', (f) => f.testid === 'record-step-done');
  await page.getByTestId('record-detail').getByRole('heading', { name: `${title} (spoed)` }).waitFor();
  // SharePoint's versions of it: each saved by Pieter, the step through the register, nothing named
  await page.getByTestId('record-trace-versions').locator('li').filter({ hasText: 'Pieter Bakker: status in overleg, stap in de geschiedenis' }).waitFor();
  await expect(page.getByTestId('record-trace-findings').count()).resolves.toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});

/** A day `days` from today as a Dutch person types it (d-m-jjjj), and as ISO. */
async function typedDay(page: Page, days: number): Promise<{ typed: string; iso: string }> {
  return page.evaluate((n) => {
    const d = new Date(Date.now() + n * 86_400_000);
    const p = (x: number): string => String(x).padStart(2, '0');
    return { typed: `${d.getDate()}-${d.getMonth() + 1}-${d.getFullYear()}`, iso: `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}` };
  }, days);
}

it('overleg by keyboard: plan with typed date and times, remove and add attendees, confirm, record one held', async () => {
  const SERIES = 'bestuurlijk-overleg';
  const { context, page, errors } = await open('igj-accounthouder');
  await openTabByKeyboard(page, 'Overleg');
  await page.locator(`[data-meeting="${SERIES}"]`).waitFor();
  const plan = (f: Focus): boolean => f.meeting === SERIES && f.tag === 'button' && f.name.startsWith('Plannen: ');
  await tabTo(page, '"Plannen" of the bestuurlijk overleg', plan);
  await page.keyboard.press('Enter');
  await page.getByTestId('overleg-attendees').getByText('Marko Stupar').waitFor();
  await expectFocus(page, 'a control in the plan dialog', (f) => f.inDialog);
  // Escape closes it unplanned, back on "Plannen"; Enter opens it again.
  await page.keyboard.press('Escape');
  await page.getByTestId('overleg-attendees').waitFor({ state: 'detached' });
  await expectFocus(page, '"Plannen" after Escape', plan);
  await page.keyboard.press('Enter');
  await page.getByTestId('overleg-attendees').getByText('Marko Stupar').waitFor();
  await expectFocus(page, 'a control in the plan dialog', (f) => f.inDialog);

  // A time that cannot be read is refused naming the field, day first; focus on the refusal.
  const day = await typedDay(page, 45);
  await tabTo(page, 'the date', (f) => f.testid === 'overleg-date', inDialog);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(day.typed);
  await page.keyboard.press('Tab');
  await expectFocus(page, 'the start time', (f) => f.testid === 'overleg-start');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('25:00');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('11.30');
  await tabTo(page, '"Bevestigen en uitnodigen"', (f) => f.name === 'Bevestigen en uitnodigen', { ...inDialog, max: 80 });
  await page.keyboard.press('Enter');
  const refusal = await expectFocus(page, 'the refusal', (f) => f.testid === 'overleg-error');
  expect(refusal.role).toBe('alert');
  await expect(page.getByTestId('overleg-error').textContent()).resolves.toBe("Begintijd: '25:00': geen tijd zoals uu:mm");
  await tabTo(page, 'the start time', (f) => f.testid === 'overleg-start', { ...inDialog, back: true });
  await page.keyboard.press('Control+A');
  await page.keyboard.type('10.00');

  // "Verwijderen" names whom it removes; after it, focus on the remove button that took its place.
  const attendees = page.getByTestId('overleg-attendees');
  const first = await tabTo(page, 'a remove button', (f) => f.name.startsWith('Verwijderen: '), inDialog);
  const removed = first.name.slice('Verwijderen: '.length);
  await page.keyboard.press('Enter');
  await expect(attendees.getByText(removed, { exact: true }).count()).resolves.toBe(0);
  await expectFocus(page, 'the next remove button', (f) => f.name.startsWith('Verwijderen: ') && f.name !== first.name);
  // Enter in the address field adds, as the button does.
  await tabTo(page, 'the address field', (f) => f.name.startsWith('Deelnemer toevoegen'), inDialog);
  await page.keyboard.type('extern.adviseur@igj.example');
  await page.keyboard.press('Enter');
  await attendees.getByText('extern.adviseur@igj.example').waitFor();
  expect((await focused(page)).name).toContain('Deelnemer toevoegen');

  await tabTo(page, '"Bevestigen en uitnodigen"', (f) => f.name === 'Bevestigen en uitnodigen', { ...inDialog, max: 80 });
  await page.keyboard.press('Enter');
  const planned = await expectFocus(page, 'the planned message', (f) => f.testid === 'overleg-planned');
  expect(planned.role).toBe('status');
  await tabTo(page, '"Sluiten"', (f) => f.name === 'Sluiten', inDialog);
  await page.keyboard.press('Enter');
  await page.getByTestId('overleg-planned').waitFor({ state: 'detached' });
  await expectFocus(page, '"Plannen" again', plan);

  // In the organiser's calendar: on the typed day, 10:00–11:30 Amsterdam time, without the removed attendee.
  const calendar = (await (await fetch(`${wb.url}/_emulator/graph/calendars/pieter.bakker@igj.example`)).json()) as {
    events: Array<{ subject: string; start: { dateTime: string }; end: { dateTime: string }; attendees: Array<{ emailAddress: { name: string; address: string } }> }>;
  };
  const event = calendar.events.find((e) => e.start.dateTime.startsWith(day.iso));
  expect(event).toBeDefined();
  expect([event?.start.dateTime.slice(11, 16), event?.end.dateTime.slice(11, 16)]).toEqual(['10:00', '11:30']);
  const invited = (event?.attendees ?? []).map((a) => a.emailAddress);
  expect(invited.map((a) => a.address)).toContain('extern.adviseur@igj.example');
  expect(invited.map((a) => a.name)).not.toContain(removed);

  // Recording an ambtelijk overleg held: the date typed day first; Escape after it returns to its button.
  const held = await typedDay(page, -3);
  const record = (f: Focus): boolean => f.meeting === 'ambtelijk-overleg' && f.name.startsWith('Vastleggen: ');
  await tabTo(page, '"Vastleggen" of the ambtelijk overleg', record);
  await page.keyboard.press('Enter');
  await tabTo(page, 'the date held', (f) => f.testid === 'overleg-heldOn', inDialog);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(held.typed);
  await page.keyboard.press('Tab');
  await page.keyboard.type('https://igj.example/verslagen/ambtelijk-overleg');
  await tabTo(page, '"Vastleggen"', (f) => f.testid === 'overleg-record-save', inDialog);
  await page.keyboard.press('Enter');
  const recorded = await expectFocus(page, 'the recorded message', (f) => f.testid === 'overleg-recorded');
  expect(recorded.role).toBe('status');
  await page.keyboard.press('Escape');
  await page.getByTestId('overleg-recorded').waitFor({ state: 'detached' });
  await expectFocus(page, '"Vastleggen" again', record);
  const entries = await api('igj-accounthouder', `web/lists/getByTitle('Overleggen')/items?$select=Overlegreeks,Overlegstatus,Overlegdatum`);
  expect(JSON.stringify(entries.json)).toContain(held.iso);
  expect(errors).toEqual([]);
  await context.close();
});
