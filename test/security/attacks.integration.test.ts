/**
 * The seven attacks of the trust-boundary issue, each as the plain REST call an insider sends from the browser console
 * with their own identity and form digest, against a site seeded as shipped. Before this design SharePoint answered
 * 204/200 to every one; now it refuses (403, or 404 where it does not even reveal the object). Where SharePoint cannot
 * refuse (a staff member publishing a draft of their own folder), the integrity check flags it to the privacy officers.
 * Also: dropping a file into a Teams channel folder as staff.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import {
  PnpAgreementRegister,
  PnpAuditLog,
  PnpBreachRegister,
  PnpChannelFiles,
  PnpDocumentStore,
  PnpSiteDirectory,
  PnpSiteInventory,
} from '../../src/adapters/sharepoint';
import { recordTrace } from '../../src/domain/register';
import { DatalekOutbox, readDelivery, reportTrace } from '../../src/datalek';
import type { AgreementConfig } from '../../src/domain/agreement/schema';
import { runIntegrityCheck } from '../../src/integrity';
import { ACK, AGR, AUDIT, BREACH, BREACH_LOG, CONFIG_FILE, LISTS, acknowledgementListTitle, breachLogTitle, reviewListTitle } from '../../src/provisioning/names';
import { PnpConfigStore, PnpConfigTrail } from '../../src/adapters/sharepoint';
import { configChangeFor } from '../../src/config/changes';
import { shareFile } from '../../src/upload';
import { GraphChannelPoster, GraphMailSender } from '../../src/adapters/graph';
import { seedSite } from '../../workbench/seed/seed';
import { loadConfigFixture } from '../helpers/config';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator';
import { breachInput, SANNE } from '../datalek/reports';
import { form, reviewForm, scanWith } from '../upload/fixtures';

jest.setTimeout(180_000);

const config: AgreementConfig = loadConfigFixture();
const PARTIES = config.parties.map((p) => p.key);
let emu: TestEmulator;
let site: string;

/** One REST call as a demo identity (cookie-less: the identity header, and the identity's own form digest). */
async function rest(user: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<number> {
  const digest = (await (
    await fetch(`${emu.siteUrl}/_api/contextinfo`, { method: 'POST', headers: { Accept: 'application/json', 'X-Emulator-User': user } })
  ).json()) as { FormDigestValue: string };
  const r = await fetch(`${emu.url}${path}`, {
    method,
    headers: {
      Accept: 'application/json;odata=nometadata',
      'X-Emulator-User': user,
      'X-RequestDigest': digest.FormDigestValue,
      ...(typeof body === 'string' ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  await r.arrayBuffer();
  return r.status;
}

/** A MERGE of an item's fields. */
function merge(user: string, list: string, id: number, fields: Record<string, unknown>): Promise<number> {
  return rest(user, 'POST', `${site}/_api/web/lists/getbytitle('${list}')/items(${id})`, fields, {
    'X-HTTP-Method': 'MERGE',
    'If-Match': '*',
  });
}

/** A refusal: 403, or 404 where SharePoint does not reveal the object. */
const REFUSED = [403, 404];

/** The site user of a demo identity, as the product's SiteDirectory reads it. */
async function userOf(key: string): Promise<Awaited<ReturnType<PnpSiteDirectory['currentUser']>>> {
  return new PnpSiteDirectory(emu.spForUser(key), config).currentUser();
}

/** The integrity check as a demo identity, through the product's own adapters. */
function integrityAs(key: string): ReturnType<typeof runIntegrityCheck> {
  const sp = emu.spForUser(key);
  return runIntegrityCheck({
    config,
    documents: new PnpDocumentStore(sp, config),
    audit: new PnpAuditLog(sp, PARTIES),
    site: new PnpSiteDirectory(sp, config),
    channelFiles: new PnpChannelFiles(sp),
    inventory: new PnpSiteInventory(sp, config),
  });
}

/** Shares a file through the product's own upload flow (Toetslog record first, then the store), as `key`. */
async function share(key: string, fileName: string, bsn: boolean): Promise<void> {
  const user = await userOf(key);
  const sp = emu.spForUser(key);
  const f = bsn
    ? reviewForm()
    : form();
  const item = { fileName, content: new TextEncoder().encode(`${fileName} ${bsn ? 'BSN 111222333' : ''}`), scan: scanWith(bsn ? { bsn: 1 } : {}) };
  const { decide } = await import('../../src/upload');
  const deps = { config, documents: new PnpDocumentStore(sp, config), audit: new PnpAuditLog(sp, PARTIES), user };
  const result = await shareFile(deps, f, item, decide(deps, f, item));
  if (result.state !== 'done') throw new Error(`${fileName}: ${result.state} ${JSON.stringify(result.problems)}`);
}

beforeAll(async () => {
  emu = await startTestEmulator();
  site = new URL(emu.siteUrl).pathname;
  await seedSite(emu.siteUrl, { agreement: JSON.parse(readFileSync(join(__dirname, '..', '..', 'config', 'agreements', 'igj-cibg.json'), 'utf8')) });
});
afterAll(() => emu?.close());

describe('art. 9.2: an escalated file reaches the other party only through the privacy officer', () => {
  const lib = (): string => `${site}/${config.space.exchangeLibraryTitle}`;

  it.each([
    ['igj-medewerker', 'igj'],
    ['cibg-medewerker', 'cibg'],
  ])('%s cannot set its own review file to Toegestaan, move, copy or publish it; the other party never reads it', async (key, party) => {
    const name = `Escalatie ${party}.txt`;
    await share(key, name, true);
    const url = `${lib()}/Review-${party}/${name}`;
    const admin = emu.spForUser('beheerder');
    const item = await admin.web.getFileByServerRelativePath(url).getItem<{ Id: number; Toetsstatus: string }>('Id', 'Toetsstatus');
    expect(item.Toetsstatus).toBe('In review');
    expect(REFUSED).toContain(await merge(key, config.space.exchangeLibraryTitle, item.Id, { Toetsstatus: 'Toegestaan' }));
    for (const op of ['MoveFileByPath', 'CopyFileByPath']) {
      const status = await rest(key, 'POST', `${site}/_api/SP.MoveCopyUtil.${op}(overwrite=false)`, {
        srcPath: { DecodedUrl: `${emu.url}${url}` },
        destPath: { DecodedUrl: `${emu.url}${lib()}/Gedeeld-${party}/${op}-${name}` },
      });
      expect({ op, status: REFUSED.includes(status) }).toEqual({ op, status: true });
    }
    const file = `${site}/_api/web/getfilebyserverrelativepath(decodedurl='${encodeURIComponent(url)}')`;
    expect(REFUSED).toContain(await rest(key, 'POST', `${file}/publish(comment='zelf')`));
    const other = party === 'igj' ? 'cibg-medewerker' : 'igj-medewerker';
    expect(REFUSED).toContain(await rest(other, 'GET', file));
    const after = await admin.web.getFileByServerRelativePath(url).getItem<{ Toetsstatus: string }>('Toetsstatus');
    expect(after.Toetsstatus).toBe('In review');
  });

  it('a draft published by hand in one\'s own folder (SharePoint allows it) is flagged to the privacy officers of both parties', async () => {
    const name = 'Met de hand gepubliceerd.txt';
    const folder = `${lib()}/Gedeeld-igj`;
    expect(
      await rest('igj-medewerker', 'POST', `${site}/_api/web/getfolderbyserverrelativepath(decodedurl='${encodeURIComponent(folder)}')/files/addusingpath(decodedurl='${encodeURIComponent(name)}',overwrite=false)`, 'BSN 111222333'),
    ).toBe(200);
    const file = `${site}/_api/web/getfilebyserverrelativepath(decodedurl='${encodeURIComponent(`${folder}/${name}`)}')`;
    const id = (await emu.spForUser('beheerder').web.getFileByServerRelativePath(`${folder}/${name}`).getItem<{ Id: number }>('Id')).Id;
    expect(await merge('igj-medewerker', config.space.exchangeLibraryTitle, id, { Toetsstatus: 'Toegestaan' })).toBe(204);
    expect(await rest('igj-medewerker', 'POST', `${file}/publish(comment='zelf')`)).toBe(200);
    expect(await rest('cibg-medewerker', 'GET', file)).toBe(200);
    for (const officer of ['igj-privacy', 'cibg-privacy']) {
      const report = await integrityAs(officer);
      expect(report.unchecked).toEqual([]);
      expect(report.findings.map((f) => [f.fileName, f.kind])).toEqual([[name, 'no-record']]);
      expect(report.findings[0].reason).toMatch(/status 'Toegestaan'.*art\. 8, 9\.2.*Sanne de Vries/);
    }
  });
});

describe('AVG art. 33(5): every breach documented, its facts and delivery unchangeable by the reporter', () => {
  let id: number;
  beforeAll(async () => {
    const sp = emu.spForUser('igj-medewerker');
    const outbox = new DatalekOutbox({
      config,
      breaches: new PnpBreachRegister(sp, PARTIES),
      mail: new GraphMailSender(emu.graphForUser('igj-medewerker')),
      channel: new GraphChannelPoster(emu.graphForUser('igj-medewerker')),
      site: new PnpSiteDirectory(sp, config),
      host: {
        siteUrl: emu.siteUrl,
        privacyChannel: { teamId: config.space.teamId!, channelId: config.space.channelId! },
        reminderChannel: { teamId: config.space.teamId!, channelId: config.space.reminderChannelId! },
      },
    });
    const r = await outbox.submit(breachInput(config, SANNE, 'aanval'));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    id = r.id;
  });

  it('the reporter cannot delete or recycle the report; the privacy officer keeps seeing it', async () => {
    const before = (await new PnpBreachRegister(emu.spForUser('cibg-privacy'), PARTIES).list()).items.length;
    const item = `${site}/_api/web/lists/getbytitle('${LISTS.breaches}')/items(${id})`;
    expect(await rest('igj-medewerker', 'POST', item, undefined, { 'X-HTTP-Method': 'DELETE', 'If-Match': '*' })).toBe(403);
    expect(await rest('igj-medewerker', 'POST', `${item}/recycle`)).toBe(403);
    expect(await rest('igj-privacy', 'POST', item, undefined, { 'X-HTTP-Method': 'DELETE', 'If-Match': '*' })).toBe(403);
    expect((await new PnpBreachRegister(emu.spForUser('cibg-privacy'), PARTIES).list()).items).toHaveLength(before);
  });

  it('the reporter cannot rewrite facts, status, party or delivery; a privacy officer changes it with a kept version', async () => {
    for (const fields of [
      { Title: 'iets anders' },
      { [BREACH.status]: 'afgesloten' },
      { [BREACH.reportingParty]: 'cibg' },
      { [BREACH.details]: JSON.stringify({ delivery: { mail: { state: 'sent' } } }) },
    ])
      expect(await merge('igj-medewerker', LISTS.breaches, id, fields)).toBe(403);
    expect(await merge('cibg-privacy', LISTS.breaches, id, { [BREACH.status]: 'beoordeeld' })).toBe(204);
    const versions: Array<{ Editor?: { LookupValue?: string } }> = await emu
      .spForUser('cibg-privacy')
      .web.lists.getByTitle(LISTS.breaches)
      .items.getById(id)
      .versions();
    expect(versions.length).toBeGreaterThanOrEqual(2);
    // Its course is records nobody rewrites: the reporter's own mail record cannot be changed either.
    const [event] = await new PnpBreachRegister(emu.spForUser('igj-medewerker'), PARTIES).events(id);
    expect(await merge('igj-medewerker', breachLogTitle('igj'), event.id as number, { Uitkomst: 'sent' })).toBe(403);
  });
  it("a decision written over REST under another officer's name shows: SharePoint's Editor, not the typed name (AVG art. 5(2))", async () => {
    // Privacy officers may write the report's JSON column (SharePoint cannot tell a decision from a correction), so
    // Fatima (IGJ) can put Johan's (CIBG) name on a decision. The version she saved says she saved it.
    const johan = new PnpBreachRegister(emu.spForUser('cibg-privacy'), PARTIES);
    const before = await johan.get(id);
    const decision = { notify: false, reason: 'Geen risico.', decidedAt: '2026-12-01T10:00:00.000Z', decidedBy: 'Johan Smit' };
    expect(await merge('igj-privacy', LISTS.breaches, id, { [BREACH.details]: JSON.stringify({ ...before.form, apDecision: decision }) })).toBe(204);
    const forged = await johan.versions(id);
    expect(forged[0].editor?.displayName).toBe('Fatima El Amrani');
    expect(forged.at(-1)?.editor?.displayName).toBe('Sanne de Vries'); // the reporter saved the first version
    expect(reportTrace(forged).mismatches).toEqual([
      { decision: 'apDecision', declared: 'Johan Smit', label: forged[0].label, savedBy: expect.objectContaining({ displayName: 'Fatima El Amrani' }) },
    ]);
    // Johan saving his own decision again (new reason) is his: no mismatch left
    const now = await johan.get(id);
    await johan.update(id, { form: { ...now.form, apDecision: { ...decision, reason: 'Geen risico: ontvanger heeft verwijderd.' } } }, now.etag as string);
    const own = await johan.versions(id);
    expect(own[0].editor?.displayName).toBe('Johan Smit');
    expect(reportTrace(own).mismatches).toEqual([]);
    // the reporter reads the history of her own report too; the other party's staff does not see the report at all
    expect((await new PnpBreachRegister(emu.spForUser('igj-medewerker'), PARTIES).versions(id)).length).toBe(own.length);
    await expect(new PnpBreachRegister(emu.spForUser('cibg-medewerker'), PARTIES).versions(id)).rejects.toMatchObject({ status: 404 });
  });

  it("another party cannot mark this report's notifications sent: its steps in its own course list do not count", async () => {
    const officer = new PnpBreachRegister(emu.spForUser('igj-privacy'), PARTIES);
    const before = readDelivery((await officer.get(id)).form);
    const step = (outcome: string) => ({
      Title: 'vals',
      [BREACH_LOG.report]: id,
      [BREACH_LOG.step]: 'mail',
      [BREACH_LOG.outcome]: outcome,
      [BREACH_LOG.details]: JSON.stringify({ at: '2020-01-01T00:00:00Z' }),
    });
    // SharePoint refuses the other party in the reporting party's course list…
    expect(REFUSED).toContain(await rest('cibg-medewerker', 'POST', `${site}/_api/web/lists/getbytitle('${breachLogTitle('igj')}')/items`, step('sent')));
    // …and what it adds to its own list about this report is not read as this report's course.
    expect(await rest('cibg-medewerker', 'POST', `${site}/_api/web/lists/getbytitle('${breachLogTitle('cibg')}')/items`, step('sent'))).toBe(201);
    expect(readDelivery((await officer.get(id)).form)).toEqual(before);
    expect(readDelivery((await new PnpBreachRegister(emu.spForUser('cibg-privacy'), PARTIES).get(id)).form)).toEqual(before);
  });

  it('a report stored with "sent" already in its own form is not believed: delivery comes from the course only', async () => {
    const now = new Date().toISOString();
    const sp = emu.spForUser('igj-medewerker');
    const created: { Id: number } = await sp.web.lists.getByTitle(LISTS.breaches).items.add({
      Title: 'Vals verstuurd',
      [BREACH.reportedAt]: now,
      [BREACH.discoveredAt]: now,
      [BREACH.details]: JSON.stringify({
        delivery: { mail: { state: 'sent', at: now }, card: { state: 'sent', at: now } },
        procedure: { formMailedAt: now },
      }),
    });
    const read = await new PnpBreachRegister(emu.spForUser('cibg-privacy'), PARTIES).get(created.Id);
    expect(readDelivery(read.form)).toEqual({});
    expect((read.form.procedure as { formMailedAt?: string } | undefined)?.formMailedAt).toBeUndefined();
  });
});

describe('AVG art. 5(2): the Toetslog is append-only', () => {
  it('its uploader cannot change or delete their own record', async () => {
    const rows: Array<{ Id: number }> = await emu
      .spForUser('igj-medewerker')
      .web.lists.getByTitle(LISTS.audit)
      .items.select('Id')
      .top(1)();
    const item = `${site}/_api/web/lists/getbytitle('${LISTS.audit}')/items(${rows[0].Id})`;
    expect(await merge('igj-medewerker', LISTS.audit, rows[0].Id, { Besluit: 'toegestaan' })).toBe(403);
    expect(await rest('igj-medewerker', 'POST', item, undefined, { 'X-HTTP-Method': 'DELETE', 'If-Match': '*' })).toBe(403);
  });
});

describe('art. 5, 13: only accounthouders keep the agreements register', () => {
  it('staff cannot add, change or delete an entry; an accounthouder can', async () => {
    const list = `${site}/_api/web/lists/getbytitle('${LISTS.agreements}')/items`;
    const body = { Title: 'Vals', [AGR.kind]: 'werkafspraak', [AGR.status]: 'concept' };
    expect(await rest('igj-medewerker', 'POST', list, body)).toBe(403);
    expect(await rest('cibg-privacy', 'POST', list, body)).toBe(403);
    const rows: Array<{ Id: number }> = await emu.spForUser('igj-medewerker').web.lists.getByTitle(LISTS.agreements).items.select('Id').top(1)();
    expect(await merge('igj-medewerker', LISTS.agreements, rows[0].Id, { Title: 'x' })).toBe(403);
    expect(await rest('igj-medewerker', 'POST', `${list}(${rows[0].Id})`, undefined, { 'X-HTTP-Method': 'DELETE', 'If-Match': '*' })).toBe(403);
    expect(await rest('igj-accounthouder', 'POST', list, body)).toBe(201);
  });

  it("a status set over REST around the register's steps shows in the record's SharePoint versions, with who saved it", async () => {
    // SharePoint cannot tell a status set by MERGE from a step the product checked (art. 13–14): both are an
    // accounthouder's Edit. The versions it keeps say who saved each, and the trace names the step that is missing.
    const pieter = new PnpAgreementRegister(emu.spForUser('igj-accounthouder'), config);
    const record = await pieter.create({
      kind: 'werkafspraak',
      title: 'Werkafspraak spoedmeldingen',
      parties: ['igj', 'cibg'],
      accounthouders: { igj: { functionTitle: 'Afdelingshoofd' }, cibg: { functionTitle: 'Manager' } },
      status: 'concept',
      documents: [],
      history: [{ status: 'concept', at: '2026-12-01', by: 'Pieter Bakker' }],
      details: {},
    });
    const id = record.id as number;
    expect(recordTrace(await pieter.versions(id)).findings).toEqual([]);
    // Lotte (CIBG accounthouder) sets the status and writes a step naming Pieter, over plain REST
    const steps = [...record.history, { status: 'in werking', at: '2026-12-02', by: 'Pieter Bakker' }];
    expect(await merge('cibg-accounthouder', LISTS.agreements, id, { [AGR.status]: 'ondertekend' })).toBe(204);
    expect(await merge('cibg-accounthouder', LISTS.agreements, id, { [AGR.status]: 'in werking', [AGR.history]: JSON.stringify(steps) })).toBe(204);
    const versions = await pieter.versions(id);
    expect(versions.map((v) => [v.label, v.editor?.displayName, v.status])).toEqual([
      ['3.0', 'Lotte Visser', 'in werking'],
      ['2.0', 'Lotte Visser', 'ondertekend'],
      ['1.0', 'Pieter Bakker', 'concept'],
    ]);
    expect(recordTrace(versions).findings).toEqual([
      // concept → ondertekend is no step of the register (it goes through 'in overleg'), and none was added for it
      { kind: 'status-skipped', label: '2.0', status: 'ondertekend', from: 'concept', savedBy: expect.objectContaining({ displayName: 'Lotte Visser' }) },
      { kind: 'status-without-step', label: '2.0', status: 'ondertekend', savedBy: expect.objectContaining({ displayName: 'Lotte Visser' }) },
      { kind: 'step-by-other', label: '3.0', status: 'in werking', declared: 'Pieter Bakker', savedBy: expect.objectContaining({ displayName: 'Lotte Visser' }) },
    ]);
  });
});

describe('the configuration: only site owners write it', () => {
  it.each(['igj-medewerker', 'igj-accounthouder', 'cibg-privacy', 'buitenstaander'])('%s cannot overwrite agreement.json', async (key) => {
    const path = `${site}/${CONFIG_FILE.library}/${CONFIG_FILE.folder}/${CONFIG_FILE.name}`;
    const file = `${site}/_api/web/getfilebyserverrelativepath(decodedurl='${encodeURIComponent(path)}')`;
    expect(await rest(key, 'GET', `${file}/$value`)).toBe(200);
    expect(await rest(key, 'POST', `${file}/$value`, '{"gekaapt":true}', { 'X-HTTP-Method': 'PUT' })).toBe(403);
  });
});

describe('the configuration: its own library, not Site Assets', () => {
  it('a Team member who deletes Site Assets and puts a forged agreement.json in a new one changes nothing the product reads', async () => {
    const forged = { ...config, parties: config.parties.map((p) => ({ ...p, breachAddress: 'lek@aanvaller.example' })) };
    // SharePoint allows this: the Team's Members group holds Edit (Manage Lists) on the web, and Site Assets inherits.
    expect(await rest('buitenstaander', 'POST', `${site}/_api/web/lists/ensuresiteassetslibrary`)).toBe(200);
    expect(await rest('buitenstaander', 'POST', `${site}/_api/web/lists/getbytitle('Site Assets')`, undefined, { 'X-HTTP-Method': 'DELETE', 'If-Match': '*' })).toBe(200);
    expect(await rest('buitenstaander', 'POST', `${site}/_api/web/lists/ensuresiteassetslibrary`)).toBe(200);
    const folder = `${site}/SiteAssets`;
    expect(await rest('buitenstaander', 'POST', `${site}/_api/web/getfolderbyserverrelativepath(decodedurl='${encodeURIComponent(folder)}')/folders/addusingpath(decodedurl='Samenwerkingsruimte')`)).toBe(200);
    expect(
      await rest('buitenstaander', 'POST', `${site}/_api/web/getfolderbyserverrelativepath(decodedurl='${encodeURIComponent(`${folder}/Samenwerkingsruimte`)}')/files/addusingpath(decodedurl='agreement.json',overwrite=true)`, JSON.stringify(forged)),
    ).toBe(200);
    const loaded = await new PnpConfigStore(emu.spForUser('cibg-privacy'), emu.siteUrl).load();
    expect(loaded.parties.map((p) => p.breachAddress)).toEqual(config.parties.map((p) => p.breachAddress));
  });

  it.each(['igj-accounthouder', 'cibg-privacy', 'buitenstaander'])('%s cannot delete, change or add to the configuration library', async (key) => {
    const list = `${site}/_api/web/lists/getbytitle('${CONFIG_FILE.library}')`;
    expect(REFUSED).toContain(await rest(key, 'POST', list, undefined, { 'X-HTTP-Method': 'DELETE', 'If-Match': '*' }));
    expect(REFUSED).toContain(await rest(key, 'POST', list, { Description: 'x' }, { 'X-HTTP-Method': 'MERGE', 'If-Match': '*' }));
    const root = `${site}/${CONFIG_FILE.library}`;
    expect(REFUSED).toContain(
      await rest(key, 'POST', `${site}/_api/web/getfolderbyserverrelativepath(decodedurl='${encodeURIComponent(root)}')/files/addusingpath(decodedurl='agreement.json',overwrite=true)`, '{}'),
    );
  });
});

describe('art. 9.2: only the sharing party\'s privacy officer records a review decision', () => {
  const body = (n: string): Record<string, unknown> => ({
    Title: n,
    [AUDIT.toetsId]: `${n}-review`,
    [AUDIT.reviewOf]: n,
    [AUDIT.at]: new Date().toISOString(),
    [AUDIT.decision]: 'goedgekeurd',
  });
  it.each(['igj-medewerker', 'igj-accounthouder', 'cibg-privacy', 'buitenstaander'])('%s cannot add to Beoordelingen-igj', async (key) => {
    const list = `${site}/_api/web/lists/getbytitle('${reviewListTitle('igj')}')/items`;
    expect(REFUSED).toContain(await rest(key, 'POST', list, body(`vals-${key}`)));
  });
  it("igj's privacy officer can; nobody, the officer included, changes or deletes the decision afterwards", async () => {
    const list = `${site}/_api/web/lists/getbytitle('${reviewListTitle('igj')}')/items`;
    expect(await rest('igj-privacy', 'POST', list, body('echt'))).toBe(201);
    const rows: Array<{ Id: number }> = await emu.spForUser('igj-privacy').web.lists.getByTitle(reviewListTitle('igj')).items.select('Id').top(1)();
    expect(await merge('igj-privacy', reviewListTitle('igj'), rows[0].Id, { [AUDIT.decision]: 'afgewezen' })).toBe(403);
    expect(await rest('igj-privacy', 'POST', `${list}(${rows[0].Id})`, undefined, { 'X-HTTP-Method': 'DELETE', 'If-Match': '*' })).toBe(403);
    // The other party's privacy officer reads it (the integrity check), staff do not.
    expect(await rest('cibg-privacy', 'GET', `${list}(${rows[0].Id})`)).toBe(200);
    expect(REFUSED).toContain(await rest('igj-medewerker', 'GET', `${list}(${rows[0].Id})`));
  });
});

describe('art. 13.3: a party acknowledges a configuration change for itself only', () => {
  it("IGJ's accounthouder cannot add to Bevestigingen-cibg; a CIBG member naming IGJ's accounthouder as Author is not counted", async () => {
    const trail = (key: string): PnpConfigTrail => new PnpConfigTrail(emu.spForUser(key), PARTIES, emu.siteUrl);
    const version = await trail('igj-accounthouder').current();
    await expect(trail('igj-accounthouder').acknowledge(version, 'cibg')).rejects.toMatchObject({ status: 403 });
    // Give CIBG a version it has not acknowledged: an owner changes the configuration.
    const path = `${site}/${CONFIG_FILE.library}/${CONFIG_FILE.folder}/${CONFIG_FILE.name}`;
    const changed = { ...config, agreement: { ...config.agreement, shortTitle: `${config.agreement.shortTitle} (gewijzigd)` } };
    await emu.spForUser('beheerder').web.getFileByServerRelativePath(path).setContent(JSON.stringify(changed, null, 2));
    const next = await trail('cibg-accounthouder').current();
    const igjLogin = `i:0#.f|membership|${(await userOf('igj-accounthouder')).email}`;
    // SharePoint lets anyone who may add write Author through form values (pnp/pnpjs#3265).
    const forged = await rest('cibg-medewerker', 'POST', `${site}/_api/web/lists/getbytitle('${acknowledgementListTitle('cibg')}')/AddValidateUpdateItemUsingPath()`, {
      listItemCreateInfo: { FolderPath: { DecodedUrl: `${site}/Lists/${acknowledgementListTitle('cibg')}` }, UnderlyingObjectType: 0 },
      formValues: [
        { FieldName: 'Title', FieldValue: 'Vals' },
        { FieldName: ACK.key, FieldValue: next.key },
        { FieldName: 'Author', FieldValue: JSON.stringify([{ Key: igjLogin }]) },
      ],
      bNewDocumentUpdate: false,
    });
    expect(forged).toBe(200);
    const igjEmail = (await userOf('igj-accounthouder')).email;
    const acks = await trail('cibg-accounthouder').acknowledgements();
    expect(acks.some((a) => a.key === next.key && a.party === 'cibg' && a.author?.email === igjEmail)).toBe(true);
    const sp = emu.spForUser('cibg-accounthouder');
    const notice = await configChangeFor(
      { config, configTrail: trail('cibg-accounthouder'), site: new PnpSiteDirectory(sp, config) },
      await userOf('cibg-accounthouder'),
    );
    expect(notice?.party).toBe('cibg');
    expect(notice?.acknowledgedBy).not.toContain('cibg');
  });
});

describe('the Team: dropping a file into a channel folder', () => {
  it('is refused to staff (the Team\'s library is read-only for its members); an owner\'s file there is flagged', async () => {
    const general = `${site}/Shared Documents/General`;
    const add = (user: string, name: string): Promise<number> =>
      rest(user, 'POST', `${site}/_api/web/getfolderbyserverrelativepath(decodedurl='${encodeURIComponent(general)}')/files/addusingpath(decodedurl='${encodeURIComponent(name)}',overwrite=false)`, 'x');
    expect(await add('igj-medewerker', 'In het kanaal.docx')).toBe(403);
    expect(await add('buitenstaander', 'In het kanaal.docx')).toBe(403);
    expect(await add('beheerder', 'Van de eigenaar.docx')).toBe(200);
    const report = await integrityAs('cibg-privacy');
    expect(report.findings.filter((f) => f.kind === 'channel-file').map((f) => f.fileName)).toEqual(['Van de eigenaar.docx']);
  });
});
