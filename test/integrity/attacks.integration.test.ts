/**
 * The red-team review of the integrity check, against the emulator with a site seeded as shipped. A staff member
 * (`igj-medewerker`) does, with real PnPjs and their own identity (raw REST only for the move), what SharePoint cannot
 * refuse them, and the check, run as the privacy officer of each party, must flag each act:
 *
 * 1. a subfolder of their party folder (one named like a review folder, one whose name holds a BSN), a file in it;
 * 2. the bytes of a shared file swapped after the check and published again;
 * 3. a Toetslog record of their own without SHA-256 behind a file;
 * 4. a restricted file moved out of the restricted folder (art. 10.1);
 * 5. a file in Site Assets, a library and a list of their own;
 * 6. a second Toetslog record under a ToetsId already taken;
 * 7. an approval in the Toetslog with a privacy officer written in as its Author (form values), behind a file of theirs
 *    that went to review: shown as an unproven approval, never accepted.
 *
 * Each act is first shown to be real (the other party reads what it must not), so the test fails if the emulator
 * stops allowing it rather than passing for the wrong reason.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import {
  PnpAuditLog,
  PnpChannelFiles,
  PnpDocumentStore,
  PnpSiteDirectory,
  PnpSiteInventory,
} from '../../src/adapters/sharepoint';
import { contentHash } from '../../src/domain/common/hash';
import type { AgreementConfig } from '../../src/domain/agreement/schema';
import { runIntegrityCheck, type IntegrityReport } from '../../src/integrity';
import { AUDIT, DOC, LISTS } from '../../src/provisioning/names';
import { DEMO_DOCUMENTS } from '../../workbench/seed/demoContent';
import { seedSite } from '../../workbench/seed/seed';
import { loadConfigFixture } from '../helpers/config';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator';

jest.setTimeout(240_000);

const config: AgreementConfig = loadConfigFixture();
const parties = config.parties.map((p) => p.key);
const OFFICERS = ['igj-privacy', 'cibg-privacy'];
const STAFF = 'igj-medewerker';
const restricted = config.classification.levels.find((l) => l.restricted)!;
const open = config.classification.levels.find((l) => !l.restricted)!;
let emu: TestEmulator;
let site: string;
let lib: string;
/** What each officer's check found on the seeded site before any act. */
const baseline = new Map<string, IntegrityReport>();

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

/** The check as a demo identity, through the product's own adapters. */
function integrityAs(key: string): Promise<IntegrityReport> {
  const sp = emu.spForUser(key);
  return runIntegrityCheck({
    config,
    documents: new PnpDocumentStore(sp, config),
    audit: new PnpAuditLog(sp, parties),
    site: new PnpSiteDirectory(sp, config),
    channelFiles: new PnpChannelFiles(sp),
    inventory: new PnpSiteInventory(sp, config),
  });
}

/** Findings as [kind, name] pairs. */
function pairs(report: IntegrityReport): Array<[string, string]> {
  return report.findings.map((f) => [f.kind, f.fileName]);
}

/** Findings an officer's check has now that it did not have on the seeded site. */
async function newFindings(officer: string): Promise<{ report: IntegrityReport; found: Array<[string, string]> }> {
  const report = await integrityAs(officer);
  const before = new Set(pairs(baseline.get(officer) as IntegrityReport).map((p) => p.join('|')));
  return { report, found: pairs(report).filter((p) => !before.has(p.join('|'))) };
}

/** Status of a GET as a demo identity (cookie-less: the identity header). */
async function readStatus(user: string, path: string): Promise<{ status: number; text: string }> {
  const r = await fetch(`${emu.url}${path}`, { headers: { Accept: 'application/json;odata=nometadata', 'X-Emulator-User': user } });
  return { status: r.status, text: await r.text() };
}

/** A file's `_api` path. */
function fileApi(url: string): string {
  return `${site}/_api/web/getfilebyserverrelativepath(decodedurl='${encodeURIComponent(url)}')`;
}

/** What the other party's staff read of a file: its published bytes, or the HTTP status. */
async function readAs(user: string, url: string): Promise<string> {
  const r = await readStatus(user, `${fileApi(url)}/$value`);
  return r.status === 200 ? r.text : `HTTP ${r.status}`;
}

/** Writes a file into a folder and returns its item. */
async function put(sp: SPFI, folder: string, name: string, content: string): Promise<{ Id: number }> {
  await sp.web.getFolderByServerRelativePath(folder).files.addUsingPath(name, bytes(content), { Overwrite: false });
  return sp.web.getFileByServerRelativePath(`${folder}/${name}`).getItem<{ Id: number }>('Id');
}

/**
 * Shares a file as the product does, step by step with the staff member's own rights: the Toetslog record with the
 * SHA-256 of the bytes first, then the draft in the party's own folder, its metadata, and the publish.
 */
async function shareAllowed(name: string, content: string, classification = open.key): Promise<string> {
  const sp = emu.spForUser(STAFF);
  const me: { Id: number; Title: string; Email: string } = await sp.web.currentUser.select('Id', 'Title', 'Email')();
  const toetsId = `int-${name.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}`;
  const hash = await contentHash(bytes(content));
  await new PnpAuditLog(sp, parties).append({
    toetsId,
    at: new Date().toISOString(),
    user: { id: me.Id, displayName: me.Title, email: me.Email },
    party: 'igj',
    fileName: name,
    decision: 'toegestaan',
    ruleVersion: `${config.id}@${config.agreement.version}`,
    answers: { documentType: 'signaal', classification, containsPersonalData: false },
    findings: [],
    reasons: [{ article: 'art. 8', text: 'Geen persoonsgegevens' }],
    ...(hash ? { contentHash: hash } : {}),
  });
  const folder = `${lib}/${restricted.key === classification ? 'Vertrouwelijk-igj' : 'Gedeeld-igj'}`;
  const item = await put(sp, folder, name, content);
  await sp.web.lists.getByTitle(config.space.exchangeLibraryTitle).items.getById(item.Id).update({
    [DOC.documentType]: 'signaal',
    [DOC.classification]: classification,
    [DOC.toetsstatus]: 'Toegestaan',
    [DOC.party]: 'igj',
    [DOC.confidential]: classification === restricted.key,
    [DOC.toetsId]: toetsId,
  });
  await sp.web.getFileByServerRelativePath(`${folder}/${name}`).publish('Doelbindingstoets doorlopen (art. 8, 9)');
  return `${folder}/${name}`;
}

beforeAll(async () => {
  emu = await startTestEmulator();
  site = new URL(emu.siteUrl).pathname;
  await seedSite(emu.siteUrl, {
    agreement: JSON.parse(readFileSync(join(__dirname, '..', '..', 'config', 'agreements', 'igj-cibg.json'), 'utf8')),
  });
  const root: { ServerRelativeUrl: string } = await emu
    .spForUser('beheerder')
    .web.lists.getByTitle(config.space.exchangeLibraryTitle)
    .rootFolder.select('ServerRelativeUrl')();
  lib = root.ServerRelativeUrl;
  // A Team site always has Site Assets (Teams keeps the channel notebook and page images there).
  await emu.spForUser('beheerder').web.lists.ensureSiteAssetsLibrary();
  for (const officer of OFFICERS) baseline.set(officer, await integrityAs(officer));
});
afterAll(() => emu?.close());

describe('the seeded site, and files shared as the product shares them', () => {
  const seedNames = new Set(DEMO_DOCUMENTS.map((d) => d.file));

  it.each(OFFICERS)('%s: nothing is found on the seeded site but the seed\'s own records without SHA-256', (officer) => {
    const report = baseline.get(officer) as IntegrityReport;
    expect(report.findings.filter((f) => !(f.kind === 'no-hash' && seedNames.has(f.fileName)))).toEqual([]);
    expect(report.unchecked).toEqual([]);
  });

  describe('shared with their SHA-256, one of them with a draft over it', () => {
    beforeAll(async () => {
      await shareAllowed('Onschuldig.txt', 'Agenda van het overleg, geen persoonsgegevens.');
      await shareAllowed('Concept gewijzigd.txt', 'Versie die gedeeld is.');
      await shareAllowed('Vertrouwelijk dossier.txt', 'Vertrouwelijk, geen persoonsgegevens.', restricted.key);
      // A draft over a shared file: only the own party reads it; the other party still reads version 1.0.
      await emu
        .spForUser(STAFF)
        .web.getFileByServerRelativePath(`${lib}/Gedeeld-igj/Concept gewijzigd.txt`)
        .setContent(bytes('Concept met BSN 111222333'));
    });

    it('the other party reads the shared version, not the draft', async () => {
      expect(await readAs('cibg-medewerker', `${lib}/Gedeeld-igj/Concept gewijzigd.txt`)).toBe('Versie die gedeeld is.');
    });

    it.each(OFFICERS)('%s finds nothing about them, and compared every file\'s bytes', async (officer) => {
      const { report, found } = await newFindings(officer);
      expect(found).toEqual([]);
      expect(report.content.unchecked).toBe(0);
      expect(report.content.checked).toBeGreaterThanOrEqual(3);
    });
  });
});

describe('the attacks, each flagged to the privacy officers of both parties', () => {
  let duplicated: string;

  beforeAll(async () => {
    const sp = emu.spForUser(STAFF);
    const gedeeld = `${lib}/Gedeeld-igj`;
    const folders = sp.web.getFolderByServerRelativePath(gedeeld).folders;

    // 1. Subfolders of the party folder, with files published in them; a folder whose name is itself personal data.
    await folders.addUsingPath('sub');
    await put(sp, `${gedeeld}/sub`, 'Notitie in submap.txt', 'BSN 111222333');
    await sp.web.getFileByServerRelativePath(`${gedeeld}/sub/Notitie in submap.txt`).publish('zelf');
    await folders.addUsingPath('Review-igj');
    await put(sp, `${gedeeld}/Review-igj`, 'In nep-review.txt', 'BSN 111222333');
    await sp.web.getFileByServerRelativePath(`${gedeeld}/Review-igj/In nep-review.txt`).publish('zelf');
    await folders.addUsingPath('J. Jansen BSN 111222333');

    // 2. The bytes of a shared file swapped after the check, and published again (same record, same name).
    const swapped = sp.web.getFileByServerRelativePath(`${gedeeld}/Onschuldig.txt`);
    await swapped.setContent(bytes('Dossier J. Jansen, BSN 111222333'));
    await swapped.publish('zelf');

    // 3. A record of one's own, 'toegestaan', without SHA-256, behind a file published by hand.
    const me: { Id: number } = await sp.web.currentUser.select('Id')();
    await sp.web.lists.getByTitle(LISTS.audit).items.add({
      Title: 'Eigen record.txt',
      [AUDIT.toetsId]: 'eigen-record',
      [AUDIT.at]: new Date().toISOString(),
      [`${AUDIT.user}Id`]: me.Id,
      [AUDIT.party]: 'igj',
      [AUDIT.file]: 'Eigen record.txt',
      [AUDIT.decision]: 'toegestaan',
      [AUDIT.ruleVersion]: 'zelf',
      [AUDIT.details]: JSON.stringify({ answers: {}, findings: [], reasons: [] }),
    });
    const own = await put(sp, gedeeld, 'Eigen record.txt', 'BSN 111222333');
    await sp.web.lists
      .getByTitle(config.space.exchangeLibraryTitle)
      .items.getById(own.Id)
      .update({ [DOC.toetsId]: 'eigen-record', [DOC.toetsstatus]: 'Toegestaan', [DOC.classification]: open.key, [DOC.party]: 'igj' });
    await sp.web.getFileByServerRelativePath(`${gedeeld}/Eigen record.txt`).publish('zelf');

    // 4. A restricted file moved out of the restricted folder (the staff member is on the autorisatielijst).
    const digest: { FormDigestValue: string } = await (
      await fetch(`${emu.siteUrl}/_api/contextinfo`, { method: 'POST', headers: { Accept: 'application/json', 'X-Emulator-User': STAFF } })
    ).json();
    const moved = await fetch(`${emu.url}${site}/_api/SP.MoveCopyUtil.MoveFileByPath(overwrite=false)`, {
      method: 'POST',
      headers: {
        Accept: 'application/json;odata=nometadata',
        'content-type': 'application/json',
        'X-Emulator-User': STAFF,
        'X-RequestDigest': digest.FormDigestValue,
      },
      body: JSON.stringify({
        srcPath: { DecodedUrl: `${emu.url}${lib}/Vertrouwelijk-igj/Vertrouwelijk dossier.txt` },
        destPath: { DecodedUrl: `${emu.url}${gedeeld}/Vertrouwelijk dossier.txt` },
      }),
    });
    expect(moved.status).toBe(200);

    // 5. Containers the product never looks at: Site Assets, a library and a list of one's own (Edit on the web).
    await put(sp, `${site}/SiteAssets`, 'dossier.txt', 'Dossier J. Jansen, BSN 111222333');
    await sp.web.lists.add('Dossiers', '', 101);
    await put(sp, `${site}/Dossiers`, 'Jansen.txt', 'BSN 111222333');
    await sp.web.lists.add('Notities', '', 100);
    await sp.web.lists.getByTitle('Notities').items.add({ Title: 'J. Jansen, BSN 111222333' });

    // 6. A second record under a ToetsId somebody else's shared file carries.
    const seedDoc = DEMO_DOCUMENTS.find((d) => d.metadata.party === 'igj' && d.metadata.classification !== restricted.key);
    if (!seedDoc) throw new Error('no shared IGJ demo document');
    duplicated = `seed-${seedDoc.file.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}`;
    await sp.web.lists.getByTitle(LISTS.audit).items.add({
      Title: 'Iets anders.txt',
      [AUDIT.toetsId]: duplicated,
      [AUDIT.at]: new Date().toISOString(),
      [`${AUDIT.user}Id`]: me.Id,
      [AUDIT.party]: 'igj',
      [AUDIT.file]: 'Iets anders.txt',
      [AUDIT.decision]: 'toegestaan',
      [AUDIT.ruleVersion]: 'zelf',
      [AUDIT.details]: JSON.stringify({ answers: {}, findings: [], reasons: [] }),
    });

    // 7. A file of one's own that went to review, published by hand, "approved" in the Toetslog under the privacy
    // officer's name: Author and Gebruiker written as form values, which SharePoint accepts from whoever may add.
    const name = 'Zelf goedgekeurd.txt';
    const content = 'Lijst met BSN 111222333';
    const hash = await contentHash(bytes(content));
    const who: { Id: number; Title: string; Email: string } = await sp.web.currentUser.select('Id', 'Title', 'Email')();
    await new PnpAuditLog(sp, parties).append({
      toetsId: 'zelf-review',
      at: new Date().toISOString(),
      user: { id: who.Id, displayName: who.Title, email: who.Email },
      party: 'igj',
      fileName: name,
      decision: 'review',
      ruleVersion: `${config.id}@${config.agreement.version}`,
      answers: { classification: open.key },
      findings: [{ kind: 'bsn', count: 1 }],
      reasons: [{ article: 'art. 9.2', text: 'Ter beoordeling' }],
      ...(hash ? { contentHash: hash } : {}),
    });
    const reviewed = await put(sp, gedeeld, name, content);
    await sp.web.lists
      .getByTitle(config.space.exchangeLibraryTitle)
      .items.getById(reviewed.Id)
      .update({ [DOC.toetsId]: 'zelf-review', [DOC.toetsstatus]: 'Toegestaan', [DOC.classification]: open.key, [DOC.party]: 'igj' });
    await sp.web.getFileByServerRelativePath(`${gedeeld}/${name}`).publish('zelf');
    const officer = JSON.stringify([{ Key: 'i:0#.f|membership|fatima.elamrani@igj.example' }]);
    const forged = await sp.web.lists.getByTitle(LISTS.audit).addValidateUpdateItemUsingPath(
      [
        { FieldName: 'Title', FieldValue: name },
        { FieldName: AUDIT.toetsId, FieldValue: 'zelf-review-goedgekeurd' },
        { FieldName: AUDIT.reviewOf, FieldValue: 'zelf-review' },
        { FieldName: AUDIT.at, FieldValue: new Date().toISOString() },
        { FieldName: AUDIT.user, FieldValue: officer },
        { FieldName: AUDIT.party, FieldValue: 'igj' },
        { FieldName: AUDIT.file, FieldValue: name },
        { FieldName: AUDIT.decision, FieldValue: 'goedgekeurd' },
        { FieldName: AUDIT.ruleVersion, FieldValue: 'zelf' },
        { FieldName: AUDIT.details, FieldValue: JSON.stringify({ answers: {}, findings: [], reasons: [], reviewNote: 'Akkoord' }) },
        { FieldName: 'Author', FieldValue: officer },
        { FieldName: 'Editor', FieldValue: officer },
      ],
      `${site}/Lists/${LISTS.audit}`,
    );
    expect(forged.filter((r) => r.HasException)).toEqual([]);
  });

  it('each act is real: the other party reads what it must not', async () => {
    const gedeeld = `${lib}/Gedeeld-igj`;
    const other = 'cibg-medewerker';
    expect(await readAs(other, `${gedeeld}/sub/Notitie in submap.txt`)).toBe('BSN 111222333');
    expect(await readAs(other, `${gedeeld}/Review-igj/In nep-review.txt`)).toBe('BSN 111222333');
    const listed = await readStatus(other, `${site}/_api/web/getfolderbyserverrelativepath(decodedurl='${encodeURIComponent(gedeeld)}')/folders`);
    expect(listed.text).toContain('J. Jansen BSN 111222333');
    expect(await readAs(other, `${gedeeld}/Onschuldig.txt`)).toBe('Dossier J. Jansen, BSN 111222333');
    expect(await readAs(other, `${gedeeld}/Eigen record.txt`)).toBe('BSN 111222333');
    expect(await readAs(other, `${gedeeld}/Zelf goedgekeurd.txt`)).toBe('Lijst met BSN 111222333');
    // The forged approval carries the privacy officer as SharePoint's Author.
    const approval = await emu
      .spForUser('igj-privacy')
      .web.lists.getByTitle(LISTS.audit)
      .items.filter(`${AUDIT.toetsId} eq 'zelf-review-goedgekeurd'`)
      .select('Author/EMail')
      .expand('Author')<Array<{ Author: { EMail: string } }>>();
    expect(approval.map((a) => a.Author.EMail)).toEqual(['fatima.elamrani@igj.example']);
    // Not on the autorisatielijst, and still reads the restricted file.
    expect(await readAs('cibg-directeur', `${gedeeld}/Vertrouwelijk dossier.txt`)).toBe('Vertrouwelijk, geen persoonsgegevens.');
    expect(await readAs(other, `${site}/SiteAssets/dossier.txt`)).toMatch(/BSN/);
    expect(await readAs(other, `${site}/Dossiers/Jansen.txt`)).toBe('BSN 111222333');
    expect((await readStatus(other, `${site}/_api/web/lists/getbytitle('Notities')/items`)).text).toContain('BSN 111222333');
  });

  it.each(OFFICERS)('%s sees every act flagged, each with its article', async (officer) => {
    const { report, found } = await newFindings(officer);
    expect(found).toEqual(
      expect.arrayContaining([
        // 1
        ['file-in-subfolder', 'Notitie in submap.txt'],
        ['no-record', 'Notitie in submap.txt'],
        ['folder-outside-schema', 'sub'],
        ['file-in-subfolder', 'In nep-review.txt'],
        ['no-record', 'In nep-review.txt'],
        ['folder-outside-schema', 'Review-igj'],
        ['folder-outside-schema', 'J. Jansen BSN 111222333'],
        // 2
        ['content-mismatch', 'Onschuldig.txt'],
        // 3
        ['no-hash', 'Eigen record.txt'],
        // 4
        ['restricted-outside', 'Vertrouwelijk dossier.txt'],
        // 5
        ['site-assets-file', 'dossier.txt'],
        ['foreign-container', 'Dossiers'],
        ['foreign-container', 'Notities'],
      ]),
    );
    // 7: the forged approval names the privacy officer as its Author, and still approves nothing.
    expect(found).toContainEqual(['unproven-approval', 'Zelf goedgekeurd.txt']);
    expect(report.findings.find((f) => f.kind === 'unproven-approval')?.reason).toMatch(/Fatima El Amrani.*niet bewezen/);
    // 6
    expect(report.findings.filter((f) => f.kind === 'duplicate-toetsid').map((f) => f.toetsId)).toEqual([duplicated]);
    // The draft over a shared file is still not what the other party reads: not flagged.
    expect(found.filter(([, name]) => name === 'Concept gewijzigd.txt')).toEqual([]);
    // Nothing else, and nothing left unchecked.
    expect(found.length).toBe(15);
    expect(report.unchecked).toEqual([]);
    expect(report.content.unchecked).toBe(0);
    const byKind = (kind: string): string => report.findings.find((f) => f.kind === kind)?.reason ?? '';
    expect(byKind('restricted-outside')).toMatch(/art\. 10\.1/);
    expect(byKind('content-mismatch')).toMatch(/SHA-256 wijkt af.*Sanne de Vries/);
    expect(byKind('duplicate-toetsid')).toMatch(/Sanne de Vries/);
    expect(report.findings.find((f) => f.fileName === 'In nep-review.txt' && f.kind === 'file-in-subfolder')?.party).toBe('igj');
    for (const f of report.findings) expect({ kind: f.kind, en: f.reasonEn }).toEqual({ kind: f.kind, en: expect.stringMatching(/art\. \d/) });
  });
});
