/**
 * No blind overwrites, against the emulator with real PnPjs. For every update path of every register
 * adapter: two writers read the same etag, the first writes, the second gets the product's ConcurrencyError with a
 * message naming the item, and the first writer's value is still there (0 lost updates). Per adapter, the request
 * headers of a realistic use of all its write methods prove that nothing sends `If-Match: *` and that every MERGE,
 * PATCH and DELETE carries an etag. A repeat after a lost answer (the write landed, its answer never arrived) reads
 * the item again and finishes without a duplicate or an error.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import {
  PnpAgreementRegister,
  PnpBreachRegister,
  PnpMeetingStore,
  PnpReminderLog,
  Resilience,
} from '../../../src/adapters/sharepoint';
import { lit } from '../../../src/adapters/sharepoint/documentQueries';
import { recordHeld } from '../../../src/overleg';
import { ConcurrencyError } from '../../../src/ports/documents';
import type { AgreementEntry, BreachEntry, MeetingEntry } from '../../../src/ports/registers';
import { LISTS, REMINDER } from '../../../src/provisioning/names';
import { seedSite } from '../../../workbench/seed/seed';
import { loadConfigFixture } from '../../helpers/config';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';

/** One request as the adapter sent it. */
interface SentRequest {
  method: string;
  url: string;
  ifMatch: string | null;
  /** X-HTTP-Method (PnPjs sends MERGE and DELETE as POST with this header). */
  override: string | null;
  body: string;
}

const config = loadConfigFixture();
const PARTIES = config.parties.map((p) => p.key);
let emu: TestEmulator;
/** A different title per created item, so tests never meet each other's rows. */
let serial = 0;
const unique = (s: string): string => `${s} ${++serial}`;

/** The message of a refused stale write, for `what` (e.g. "Overleg 12"). */
const staleMessage = (what: string): RegExp =>
  new RegExp(`^${what.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is intussen door iemand anders gewijzigd; laad opnieuw`);

/** PnPjs as the product composes it (createServices): Resilience, which never repeats a write whose answer was lost. */
const resilient = (key: string): SPFI => emu.spForUser(key).using(Resilience({ intervalMs: 5, maxWaitMs: 20 }));

/** Runs `run` while recording every request; restores fetch after. */
async function recording<T>(run: () => Promise<T>): Promise<{ result: T; sent: SentRequest[] }> {
  const realFetch = globalThis.fetch;
  const sent: SentRequest[] = [];
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    sent.push({
      method: (init?.method ?? 'GET').toUpperCase(),
      url: decodeURIComponent(String(input)),
      ifMatch: headers.get('If-Match'),
      override: headers.get('X-HTTP-Method'),
      body: typeof init?.body === 'string' ? init.body : '',
    });
    return realFetch(input, init);
  };
  try {
    return { result: await run(), sent };
  } finally {
    globalThis.fetch = realFetch;
  }
}

/** The writes that must carry an etag: MERGE, PATCH, PUT and DELETE, however they are sent. */
function guardedWrites(sent: SentRequest[]): SentRequest[] {
  return sent.filter((r) => /^(MERGE|PATCH|PUT|DELETE)$/.test((r.override ?? r.method).toUpperCase()));
}

/** Asserts that no request sent `If-Match: *` (also inside a $batch) and every guarded write had an If-Match. */
function expectNoBlindWrites(sent: SentRequest[]): SentRequest[] {
  expect(sent.filter((r) => r.ifMatch !== null && r.ifMatch.trim() === '*')).toEqual([]);
  expect(sent.filter((r) => /if-match:\s*\*/i.test(r.body))).toEqual([]);
  const guarded = guardedWrites(sent);
  expect(guarded.filter((r) => !r.ifMatch || r.ifMatch.trim() === '')).toEqual([]);
  return guarded;
}

/**
 * Runs `run`, dropping the answer of its first write (`methods`: updates and deletes unless given) whose URL matches
 * `match` after the emulator committed it (the emulator's "answer lost after commit" fault, set for exactly that
 * request). Returns how many answers were lost.
 */
async function losingFirstAnswer<T>(
  match: RegExp,
  run: () => Promise<T>,
  methods: RegExp = /^(MERGE|PATCH|DELETE)$/,
): Promise<{ result: T; lost: number }> {
  const realFetch = globalThis.fetch;
  let lost = 0;
  let armed = true;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const method = (new Headers(init?.headers).get('X-HTTP-Method') ?? init?.method ?? 'GET').toUpperCase();
    if (!armed || !methods.test(method) || !match.test(decodeURIComponent(String(input))))
      return realFetch(input, init);
    armed = false;
    emu.raw.faults.set({ rateLostAnswer: 1 });
    try {
      return await realFetch(input, init);
    } finally {
      lost += emu.raw.faults.injected().lostAnswer;
      emu.raw.faults.clear();
    }
  };
  try {
    return { result: await run(), lost };
  } finally {
    globalThis.fetch = realFetch;
    emu.raw.faults.clear();
  }
}

beforeAll(async () => {
  emu = await startTestEmulator();
  await seedSite(emu.siteUrl, { agreement: config });
}, 180000);
afterEach(() => emu.raw.faults.clear());
afterAll(async () => emu?.close());

describe('PnpMeetingStore: no blind overwrites', () => {
  const store = (key: string, sp?: SPFI): PnpMeetingStore => new PnpMeetingStore(sp ?? emu.spForUser(key));
  const plan = (title: string): MeetingEntry => ({
    series: 'bestuurlijk-overleg',
    title: unique(title),
    date: '2026-06-04T10:00:00Z',
    status: 'gepland',
    details: { agenda: ['art. 7'] },
  });

  it('two accounthouders with the same etag: the second gets a ConcurrencyError, the first verslag stays', async () => {
    const a = store('igj-accounthouder');
    const b = store('cibg-accounthouder');
    const { id } = await a.create(plan('Bestuurlijk overleg (twee schrijvers)'));
    const [readA, readB] = await Promise.all([a.get(id!), b.get(id!)]);
    expect(readA.etag).toMatch(/^"\d+"$/);
    expect(readB.etag).toBe(readA.etag);
    const first = `${emu.siteUrl}/Uitwisseling/verslag-igj.docx`;
    await a.update(id!, { status: 'gehouden', minutesUrl: first }, readA.etag);
    const second = await b
      .update(id!, { status: 'gehouden', minutesUrl: `${emu.siteUrl}/Uitwisseling/verslag-cibg.docx` }, readB.etag)
      .catch((e: unknown) => e);
    expect(second).toBeInstanceOf(ConcurrencyError);
    expect((second as Error).message).toMatch(staleMessage(`Overleg ${id}`));
    expect(await b.get(id!)).toMatchObject({ status: 'gehouden', minutesUrl: first });
  });

  it('creates a meeting once when the answer of its add is lost: the one that landed is found by its create id', async () => {
    // The product's own transport (Resilience): a write is not sent again after a dropped connection.
    const a = store('igj-accounthouder', resilient('igj-accounthouder'));
    const entry = plan('Bestuurlijk overleg (antwoord kwijt)');
    const { result, lost } = await losingFirstAnswer(/Overleggen/, () => a.create(entry), /^POST$/);
    expect(lost).toBe(1);
    expect(result).toMatchObject({ title: entry.title, details: { agenda: ['art. 7'] } });
    const same = (await a.list('bestuurlijk-overleg')).filter((m) => m.title === entry.title);
    expect(same.map((m) => m.id)).toEqual([result.id]);
  });

  it("adds nothing for a caller's create id the series already holds: a repeat of one attempt returns its meeting", async () => {
    const a = store('igj-accounthouder');
    const entry = plan('Bestuurlijk overleg (nogmaals gepland)');
    const first = await a.create(entry, 'poging-1');
    expect(first.details).toMatchObject({ createId: 'poging-1' });
    const again = await a.create({ ...entry, title: `${entry.title} (opnieuw)` }, 'poging-1');
    expect(again).toMatchObject({ id: first.id, title: entry.title });
    const other = await a.create(entry, 'poging-2');
    expect(other.id).not.toBe(first.id);
    const same = (await a.list('bestuurlijk-overleg')).filter((m) => m.title.startsWith(entry.title));
    expect(same.map((m) => m.id).sort((x, y) => x! - y!)).toEqual([first.id, other.id]);
  });

  it('refuses an update without an etag before sending anything, naming the method', async () => {
    const a = store('igj-accounthouder');
    const { id, etag } = await a.create(plan('Bestuurlijk overleg (zonder etag)'));
    for (const missing of [undefined, '', '*']) {
      const { result, sent } = await recording(() =>
        a.update(id!, { status: 'geannuleerd' }, missing).catch((e: unknown) => e),
      );
      expect(result).toMatchObject({
        name: 'MissingEtagError',
        message: expect.stringContaining(`PnpMeetingStore.update voor Overleg ${id} aangeroepen zonder etag`),
      });
      expect(sent).toEqual([]);
    }
    expect(await a.get(id!)).toMatchObject({ status: 'gepland', etag });
  });

  it('finishes a repeat after a lost answer: with PnPjs resending (412) and with Resilience (no answer)', async () => {
    const minutes = `${emu.siteUrl}/Uitwisseling/verslag-verloren.docx`;
    // The test client (SPBrowser) sends the MERGE again; SharePoint answers 412 because the first one landed.
    const plain = store('igj-accounthouder');
    const one = await plain.create(plan('Bestuurlijk overleg (antwoord kwijt, 412)'));
    const viaRetry = await losingFirstAnswer(/Overleggen/, () =>
      plain.update(one.id!, { status: 'gehouden', minutesUrl: minutes }, one.etag),
    );
    expect(viaRetry.lost).toBe(1);
    expect(viaRetry.result).toMatchObject({ status: 'gehouden', minutesUrl: minutes });
    // The product's stack (Resilience) does not resend a write: the adapter reads the item and finds it landed.
    const product = store('igj-accounthouder', resilient('igj-accounthouder'));
    const two = await product.create(plan('Bestuurlijk overleg (antwoord kwijt)'));
    const viaRead = await losingFirstAnswer(/Overleggen/, () =>
      product.update(two.id!, { status: 'gehouden', minutesUrl: minutes }, two.etag),
    );
    expect(viaRead.lost).toBe(1);
    expect(viaRead.result).toMatchObject({ status: 'gehouden', minutesUrl: minutes });
    // The person presses "Vastleggen" again with the etag they read: the change is there, so that is done too.
    expect(await product.update(two.id!, { status: 'gehouden', minutesUrl: minutes }, two.etag)).toMatchObject({
      status: 'gehouden',
      etag: viaRead.result.etag,
    });
  });

  it('never sends If-Match: * (create, update, repeat, list)', async () => {
    const a = store('igj-accounthouder');
    const { sent } = await recording(async () => {
      const m = await a.create(plan('Bestuurlijk overleg (headers)'));
      const held = await a.update(m.id!, { status: 'gehouden', date: '2026-06-04T10:00:00.000Z' }, m.etag);
      await a.update(m.id!, { minutesUrl: `${emu.siteUrl}/Uitwisseling/v.docx`, details: { x: 1 } }, held.etag);
      await a.update(m.id!, { status: 'gehouden' }, m.etag); // a repeat with the old etag: 412, already there
      await a.list('bestuurlijk-overleg');
    });
    expect(expectNoBlindWrites(sent)).toHaveLength(3);
  });
});

describe('PnpAgreementRegister: no blind overwrites', () => {
  const register = (key: string, sp?: SPFI): PnpAgreementRegister =>
    new PnpAgreementRegister(sp ?? emu.spForUser(key), config);
  const draft = (title: string): AgreementEntry => ({
    kind: 'werkafspraak',
    title: unique(title),
    parties: PARTIES,
    accounthouders: Object.fromEntries(
      config.parties.map((p) => [p.key, { functionTitle: p.accounthouder.functionTitle }]),
    ),
    status: 'concept',
    version: '1.0',
    documents: [],
    history: [{ status: 'concept', at: '2026-01-05T09:00:00Z' }],
    details: {},
  });

  it('a field: the second writer with the same etag gets a ConcurrencyError, the first version stays', async () => {
    const a = register('igj-accounthouder');
    const b = register('cibg-accounthouder');
    const { id } = await a.create(draft('Werkafspraak (twee schrijvers)'));
    const [readA, readB] = await Promise.all([a.get(id!), b.get(id!)]);
    expect(readB.etag).toBe(readA.etag);
    await a.update(id!, { version: '2.0', evaluationDue: '2027-01-01' }, readA.etag);
    const second = await b.update(id!, { version: '3.0' }, readB.etag).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(ConcurrencyError);
    expect((second as Error).message).toMatch(staleMessage(`Overeenkomst ${id}`));
    expect(await a.get(id!)).toMatchObject({ version: '2.0', evaluationDue: '2027-01-01' });
  });

  it('a status step (history kept by the register): the stale step is refused, the first step and its history stay', async () => {
    const a = register('igj-accounthouder');
    const b = register('cibg-accounthouder');
    const { id } = await a.create(draft('Werkafspraak (status)'));
    const [readA, readB] = await Promise.all([a.get(id!), b.get(id!)]);
    const stepped = await a.update(id!, { status: 'in overleg' }, readA.etag);
    expect(stepped.history.map((h) => h.status)).toEqual(['concept', 'in overleg']);
    const second = await b.update(id!, { status: 'beëindigd' }, readB.etag).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(ConcurrencyError);
    expect((second as Error).message).toMatch(staleMessage(`Overeenkomst ${id}`));
    const now = await b.get(id!);
    expect(now.status).toBe('in overleg');
    expect(now.history).toEqual(stepped.history);
  });

  it('refuses an update without an etag before reading or writing anything', async () => {
    const a = register('igj-accounthouder');
    const { id } = await a.create(draft('Werkafspraak (zonder etag)'));
    const { result, sent } = await recording(() => a.update(id!, { version: '9.9' }, undefined).catch((e: unknown) => e));
    expect(result).toMatchObject({
      name: 'MissingEtagError',
      message: expect.stringContaining(`PnpAgreementRegister.update voor Overeenkomst ${id} aangeroepen zonder etag`),
    });
    expect(sent).toEqual([]);
    expect((await a.get(id!)).version).toBe('1.0');
  });

  it('finishes a status step whose answer was lost, once: one history entry, no error', async () => {
    const a = register('igj-accounthouder', resilient('igj-accounthouder'));
    const created = await a.create(draft('Werkafspraak (antwoord kwijt)'));
    const { result, lost } = await losingFirstAnswer(/Overeenkomstenregister/, () =>
      a.update(created.id!, { status: 'in overleg', version: '1.1' }, created.etag),
    );
    expect(lost).toBe(1);
    expect(result).toMatchObject({ status: 'in overleg', version: '1.1' });
    // The person repeats it with the etag they had: already there, nothing written twice.
    const again = await a.update(created.id!, { status: 'in overleg', version: '1.1' }, created.etag);
    expect(again.history.map((h) => h.status)).toEqual(['concept', 'in overleg']);
    expect(again.etag).toBe(result.etag);
  });

  it('never sends If-Match: * (create, field, status step, stale step, list)', async () => {
    const a = register('igj-accounthouder');
    const { sent } = await recording(async () => {
      const e = await a.create(draft('Werkafspraak (headers)'));
      const v = await a.update(e.id!, { version: '1.1', effectiveFrom: '2026-02-01' }, e.etag);
      const s = await a.update(e.id!, { status: 'in overleg' }, v.etag);
      await a.update(e.id!, { status: 'ondertekend', signedOn: '2026-03-01', signedAt: 'Utrecht' }, s.etag);
      await a.update(e.id!, { version: '7' }, e.etag).catch(() => undefined); // stale: refused
      await a.list('alle');
    });
    expect(expectNoBlindWrites(sent)).toHaveLength(4);
  });
});

describe('PnpBreachRegister: no blind overwrites', () => {
  const registerOf = (key: string): PnpBreachRegister => new PnpBreachRegister(emu.spForUser(key), PARTIES);
  const report = (): BreachEntry => ({
    title: unique('Mail naar verkeerde ontvanger'),
    reportedAt: '2026-11-23T09:00:00Z',
    discoveredAt: '2026-11-23T08:30:00Z',
    reportingParty: 'igj',
    controller: 'cibg',
    status: 'gemeld aan wederpartij',
    form: { omschrijving: 'Verkeerd geadresseerd' },
  });

  it("two privacy officers with the same etag: the second decision is refused, the first one's stays", async () => {
    const created = await registerOf('igj-medewerker').create(report());
    const a = registerOf('igj-privacy');
    const b = registerOf('cibg-privacy');
    const [readA, readB] = await Promise.all([a.get(created.id!), b.get(created.id!)]);
    expect(readB.etag).toBe(readA.etag);
    await a.update(created.id!, { status: 'beoordeeld', form: { ...readA.form, apDecision: 'niet melden' } }, readA.etag!);
    const second = await b
      .update(created.id!, { status: 'gemeld aan AP', form: { ...readB.form, apDecision: 'melden' } }, readB.etag!)
      .catch((e: unknown) => e);
    expect(second).toBeInstanceOf(ConcurrencyError);
    expect((second as Error).message).toMatch(staleMessage(`Datalekmelding ${created.id}`));
    const now = await b.get(created.id!);
    expect(now.status).toBe('beoordeeld');
    expect(now.form.apDecision).toBe('niet melden');
  });

  it('refuses an update without an etag before sending anything', async () => {
    const created = await registerOf('igj-medewerker').create(report());
    const officer = registerOf('igj-privacy');
    const { result, sent } = await recording(() =>
      officer.update(created.id!, { status: 'afgesloten' }, undefined as unknown as string).catch((e: unknown) => e),
    );
    expect(result).toMatchObject({
      name: 'MissingEtagError',
      message: expect.stringContaining(`PnpBreachRegister.update voor Datalekmelding ${created.id}`),
    });
    expect(sent).toEqual([]);
  });

  it('finishes a decision whose answer was lost; the same decision again is done, not refused', async () => {
    const created = await registerOf('igj-medewerker').create(report());
    const officer = new PnpBreachRegister(resilient('igj-privacy'), PARTIES);
    const read = await officer.get(created.id!);
    const patch = { status: 'beoordeeld' as const, form: { ...read.form, apDecision: 'niet melden' } };
    const { result, lost } = await losingFirstAnswer(/Datalekregister/, () => officer.update(created.id!, patch, read.etag!));
    expect(lost).toBe(1);
    expect(result.status).toBe('beoordeeld');
    expect((await officer.update(created.id!, patch, read.etag!)).etag).toBe(result.etag);
  });

  it('never sends If-Match: * (report, decisions, course, stale decision)', async () => {
    const { sent } = await recording(async () => {
      const created = await registerOf('igj-medewerker').create(report());
      const officer = registerOf('igj-privacy');
      const read = await officer.get(created.id!);
      const one = await officer.update(created.id!, { status: 'beoordeeld' }, read.etag!);
      await officer.update(created.id!, { status: 'afgesloten', form: { ...one.form, closed: true } }, one.etag!);
      await officer.update(created.id!, { status: 'gemeld aan AP' }, read.etag!).catch(() => undefined);
      await officer.appendEvent({
        reportId: created.id!,
        party: 'igj',
        step: 'phoned',
        outcome: 'done',
        details: {},
        at: '2026-11-23T10:00:00Z',
      });
      await officer.list();
    });
    expect(expectNoBlindWrites(sent)).toHaveLength(3);
  });
});

describe('PnpReminderLog: no blind overwrites', () => {
  const claimRow = async (key: string): Promise<Record<string, unknown> | undefined> =>
    (
      await emu
        .spForUser('beheerder')
        .web.lists.getByTitle(LISTS.reminders)
        .items.select('Id', REMINDER.details)
        .filter(`${REMINDER.key} eq ${lit(key)}`)()
    )[0];

  it('gives back its own claim with the etag it claimed with; a claim changed since stays (ConcurrencyError)', async () => {
    const key = unique('bestuurlijk-overleg@2027-06-04#42d');
    const log = new PnpReminderLog(emu.spForUser('igj-accounthouder'));
    expect(await log.claim(key, { channelId: 'c1' })).toBe(true);
    // Someone else (here the site owner) writes to the claim after it was made, with the etag they read.
    const row = (await claimRow(key))!;
    await emu
      .spForUser('beheerder')
      .web.lists.getByTitle(LISTS.reminders)
      .items.getById(Number(row.Id))
      .update({ [REMINDER.details]: JSON.stringify({ channelId: 'c1', messageId: 'm-7' }) }, String(row['odata.etag']));
    const refused = await log.release(key).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConcurrencyError);
    expect((refused as Error).message).toMatch(staleMessage(`Herinnering '${key}'`));
    expect(JSON.parse(String((await claimRow(key))![REMINDER.details]))).toEqual({ channelId: 'c1', messageId: 'm-7' });
  });

  it("never gives back someone else's claim: a writer that did not claim the key sends nothing", async () => {
    const key = unique('ambtelijk-overleg@2027-01-01#14d');
    const mine = new PnpReminderLog(emu.spForUser('igj-accounthouder'));
    const other = new PnpReminderLog(emu.spForUser('igj-accounthouder'));
    expect(await mine.claim(key, {})).toBe(true);
    expect(await other.claim(key, {})).toBe(false);
    const { sent } = await recording(() => other.release(key));
    expect(sent).toEqual([]);
    expect(await claimRow(key)).toBeDefined();
  });

  it('finishes a release whose answer was lost (the claim is gone; a later claim posts again)', async () => {
    const key = unique('dva-vernieuwing@2027-01-15#60d');
    const log = new PnpReminderLog(resilient('igj-accounthouder'));
    expect(await log.claim(key, {})).toBe(true);
    const { lost } = await losingFirstAnswer(/Herinneringen/, () => log.release(key));
    expect(lost).toBe(1);
    expect(await claimRow(key)).toBeUndefined();
    expect(await log.claim(key, {})).toBe(true);
  });

  it('claims a key whose add landed with its answer lost: read back by its claim id, posted once, not lost', async () => {
    const key = unique('bestuurlijk-overleg@2027-06-04#14d');
    const log = new PnpReminderLog(resilient('igj-accounthouder'));
    const other = new PnpReminderLog(emu.spForUser('cibg-accounthouder'));
    const { result, lost } = await losingFirstAnswer(/Herinneringen/, () => log.claim(key, { channelId: 'c1' }), /^POST$/);
    expect(lost).toBe(1);
    expect(result).toBe(true);
    expect(await other.claim(key, { channelId: 'c1' })).toBe(false);
    // The claim is this writer's: it can give it back with the etag it read back.
    await log.release(key);
    expect(await claimRow(key)).toBeUndefined();
  });

  it('never sends If-Match: * (claim, lost race, release)', async () => {
    const key = unique('evaluatie@2027-06-04#te-laat');
    const a = new PnpReminderLog(emu.spForUser('igj-accounthouder'));
    const b = new PnpReminderLog(emu.spForUser('cibg-accounthouder'));
    const { sent } = await recording(async () => {
      await Promise.all([a.claim(key, {}), b.claim(key, {})]);
      await a.release(key);
      await b.release(key);
    });
    const guarded = expectNoBlindWrites(sent);
    expect(guarded.map((r) => r.override ?? r.method)).toEqual(['DELETE']);
  });
});

describe('recordHeld (src/overleg): no blind overwrite of the verslag', () => {
  const TODAY = '2026-06-05';

  it("refuses when another writer linked a verslag since it was read; the other writer's link is kept", async () => {
    const mine = { config, meetings: new PnpMeetingStore(emu.spForUser('igj-accounthouder')) };
    const other = new PnpMeetingStore(emu.spForUser('cibg-accounthouder'));
    const planned = await mine.meetings.create({
      series: 'bestuurlijk-overleg',
      title: unique('Bestuurlijk overleg (verslag)'),
      date: '2026-06-04T10:00:00Z',
      status: 'gepland',
      details: {},
    });
    // What the Overleg tab shows the person (and the etag it read).
    const seen = (await mine.meetings.list('bestuurlijk-overleg')).find((m) => m.id === planned.id)!;
    const theirs = `${emu.siteUrl}/Uitwisseling/verslag-van-cibg.docx`;
    await other.update(planned.id!, { status: 'gehouden', minutesUrl: theirs }, (await other.get(planned.id!)).etag);
    const refused = await recordHeld(
      mine,
      {
        meetingKey: 'bestuurlijk-overleg',
        heldOn: '2026-06-04',
        minutesUrl: `${emu.siteUrl}/Uitwisseling/verslag-van-igj.docx`,
        plannedId: planned.id,
        plannedEtag: seen.etag,
      },
      TODAY,
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConcurrencyError);
    expect((refused as Error).message).toMatch(staleMessage(`Overleg ${planned.id}`));
    expect(await other.get(planned.id!)).toMatchObject({ status: 'gehouden', minutesUrl: theirs });
  });

  it('refuses a planned meeting without its etag before writing (a programming error)', async () => {
    const meetings = new PnpMeetingStore(emu.spForUser('igj-accounthouder'));
    const planned = await meetings.create({
      series: 'bestuurlijk-overleg',
      title: unique('Bestuurlijk overleg (geen etag)'),
      date: '2026-06-04T10:00:00Z',
      status: 'gepland',
      details: {},
    });
    const { result, sent } = await recording(() =>
      recordHeld(
        { config, meetings },
        { meetingKey: 'bestuurlijk-overleg', heldOn: '2026-06-04', minutesUrl: 'https://x.example/v', plannedId: planned.id },
        TODAY,
      ).catch((e: unknown) => e),
    );
    expect((result as Error).message).toMatch(/^Programmeerfout: recordHeld voor overleg \d+ zonder plannedEtag/);
    expect(sent).toEqual([]);
    expect((await meetings.get(planned.id!)).status).toBe('gepland');
  });

  it('a repeat after a lost answer with the same etag is done: the verslag is recorded once', async () => {
    const meetings = new PnpMeetingStore(resilient('igj-accounthouder'));
    const planned = await meetings.create({
      series: 'bestuurlijk-overleg',
      title: unique('Bestuurlijk overleg (herhaald)'),
      date: '2026-06-04T10:00:00Z',
      status: 'gepland',
      details: {},
    });
    const input = {
      meetingKey: 'bestuurlijk-overleg',
      heldOn: '2026-06-04',
      minutesUrl: `${emu.siteUrl}/Uitwisseling/verslag-herhaald.docx`,
      plannedId: planned.id,
      plannedEtag: planned.etag,
    };
    const { result, lost } = await losingFirstAnswer(/Overleggen/, () => recordHeld({ config, meetings }, input, TODAY));
    expect(lost).toBe(1);
    expect(result).toMatchObject({ id: planned.id, status: 'gehouden', minutesUrl: input.minutesUrl });
    expect(await recordHeld({ config, meetings }, input, TODAY)).toMatchObject({ etag: result.etag });
  });
});
