/**
 * What the integrity check reads (AVG art. 5(2)), with fake ports: the party folder is the first folder below the
 * library root, the published bytes are compared within a byte budget (newest first; what was not read is counted as
 * not checked, never as fine), a checker remembers what it verified, and lists, libraries, Site Assets and the
 * Toetslog's ToetsIds are read beyond the product's own views.
 */
import { contentHash } from '../../src/domain/common/hash';
import { IntegrityChecker, integrityForExport, runIntegrityCheck, type IntegrityDeps } from '../../src/integrity';
import type {
  AuditRecord,
  ExchangeDocument,
  FolderInfo,
  LibraryFileInfo,
  ListInfo,
  PublishedContent,
  SiteInventory,
  ToetslogEntry,
} from '../../src/ports';
import { LISTS } from '../../src/provisioning/names';
import { loadConfigFixture } from '../helpers/config';

const config = loadConfigFixture();
const sanne = { id: 7, displayName: 'Sanne de Vries', email: 'sanne.devries@igj.example' };
const ROOT = '/sites/s/Uitwisseling';
const text = (s: string): ArrayBuffer => new TextEncoder().encode(s).buffer as ArrayBuffer;

/** A published document of the exchange library. */
function doc(path: string, over: Partial<ExchangeDocument> = {}): ExchangeDocument {
  const name = path.split('/').pop() as string;
  return {
    id: Math.floor(Math.random() * 1e6),
    name,
    serverRelativeUrl: `${ROOT}/${path}`,
    toetsstatus: 'Toegestaan',
    categories: [],
    confidential: false,
    created: '2026-11-01T10:00:00Z',
    modified: '2026-11-01T10:00:00Z',
    etag: '"1"',
    version: '1.0',
    editor: sanne,
    ...over,
  };
}

/** A Toetslog record by Sanne. */
function record(toetsId: string, fileName: string, over: Partial<AuditRecord> = {}): AuditRecord {
  return {
    toetsId,
    at: '2026-11-01T10:00:00Z',
    user: sanne,
    author: sanne,
    party: 'igj',
    fileName,
    decision: 'toegestaan',
    ruleVersion: 'igj-cibg@1',
    answers: {},
    findings: [],
    reasons: [],
    ...over,
  };
}

/** The site as the fakes describe it. */
interface Site {
  docs: ExchangeDocument[];
  records: AuditRecord[];
  /** Published bytes by server-relative URL. */
  bytes: Map<string, ArrayBuffer>;
  folders: FolderInfo[];
  lists: ListInfo[];
  defaultLibraryId?: string;
  libraryFiles: Map<string, LibraryFileInfo[]>;
}

function site(over: Partial<Site> = {}): Site {
  return { docs: [], records: [], bytes: new Map(), folders: [], lists: [], libraryFiles: new Map(), ...over };
}

/** Fake ports over a site, counting the bytes reads. */
function ports(s: Site, withInventory = true): IntegrityDeps & { reads: string[]; getMany: string[][] } {
  const reads: string[] = [];
  const getMany: string[][] = [];
  const inventory: SiteInventory = {
    exchangeFolders: async () => ({ root: ROOT, folders: s.folders, more: false }),
    lists: async () => ({ lists: s.lists, ...(s.defaultLibraryId ? { defaultLibraryId: s.defaultLibraryId } : {}) }),
    newestItem: async () => ({ modified: '2026-11-05T10:00:00Z', editor: sanne }),
    libraryFiles: async (id, max) => ({ items: (s.libraryFiles.get(id) ?? []).slice(0, max), more: false }),
    toetslog: async () => ({
      items: s.records.map((r, i): ToetslogEntry => ({
        itemId: i + 1,
        toetsId: r.toetsId,
        decision: r.decision,
        fileName: r.fileName,
        ...(r.author ? { author: r.author } : {}),
      })),
      more: false,
    }),
    publishedContent: async (file, maxBytes): Promise<PublishedContent> => {
      const bytes = s.bytes.get(file.serverRelativeUrl);
      if (!bytes) throw new Error('404');
      if (bytes.byteLength > maxBytes) return { state: 'too-large', size: bytes.byteLength };
      reads.push(file.serverRelativeUrl);
      return { state: 'read', bytes, version: file.version };
    },
  };
  return {
    reads,
    getMany,
    config,
    documents: {
      list: async () => ({ items: [...s.docs].sort((a, b) => b.modified.localeCompare(a.modified)) }),
    },
    audit: {
      getMany: async (ids) => {
        getMany.push([...ids]);
        return s.records.filter((r) => ids.includes(r.toetsId));
      },
      reviewsOf: async (ids) => s.records.filter((r) => r.reviewOf && ids.includes(r.reviewOf)),
      byFileNames: async (names) => s.records.filter((r) => names.includes(r.fileName)),
    },
    site: {
      groupMembers: async (key) =>
        key === 'igj-privacy'
          ? [{ id: 11, displayName: 'Fatima El Amrani', email: 'fatima.elamrani@igj.example' }]
          : key === 'igj-medewerkers'
            ? [sanne]
            : [],
    },
    channelFiles: { list: async () => ({ items: [], more: false }) },
    ...(withInventory ? { inventory } : {}),
  };
}

/** A shared file with its record and bytes, `size` bytes long. */
async function shared(s: Site, name: string, modified: string, body: string, recordBody = body): Promise<void> {
  const id = `t-${name}`;
  s.docs.push(doc(`Gedeeld-igj/${name}`, { toetsId: id, modified }));
  s.records.push(record(id, name, { contentHash: await contentHash(text(recordBody)) }));
  s.bytes.set(`${ROOT}/Gedeeld-igj/${name}`, text(body));
}

describe('runIntegrityCheck', () => {
  it('reports a clean site clean: every shared file compared, nothing unchecked', async () => {
    const s = site({ folders: ['Gedeeld-igj', 'Review-igj', 'Gedeeld-cibg'].map((n) => ({ name: n, serverRelativeUrl: `${ROOT}/${n}` })) });
    await shared(s, 'a.txt', '2026-11-03T10:00:00Z', 'harmless');
    const report = await runIntegrityCheck(ports(s));
    expect(report.findings).toEqual([]);
    expect(report.unchecked).toEqual([]);
    expect(report.content).toMatchObject({ checked: 1, unchecked: 0, bytesRead: 8 });
  });

  it('takes a file\'s party from the first folder below the root, never its parent (a "Review-igj" inside "Gedeeld-igj")', async () => {
    const s = site({
      docs: [doc('Gedeeld-igj/Review-igj/x.txt'), doc('Gedeeld-igj/sub/concept.txt', { version: '0.1' }), doc('los.txt')],
      folders: [
        { name: 'Gedeeld-igj', serverRelativeUrl: `${ROOT}/Gedeeld-igj` },
        { name: 'Review-igj', serverRelativeUrl: `${ROOT}/Gedeeld-igj/Review-igj` },
        { name: 'sub', serverRelativeUrl: `${ROOT}/Gedeeld-igj/sub` },
        { name: 'J. Jansen BSN 111222333', serverRelativeUrl: `${ROOT}/Gedeeld-igj/J. Jansen BSN 111222333` },
      ],
    });
    const report = await runIntegrityCheck(ports(s));
    const found = report.findings.map((f) => [f.kind, f.fileName, f.party]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['no-record', 'x.txt', 'igj'],
        ['file-in-subfolder', 'x.txt', 'igj'],
        ['file-in-subfolder', 'concept.txt', 'igj'],
        ['file-outside-schema', 'los.txt', ''],
        ['folder-outside-schema', 'Review-igj', 'igj'],
        ['folder-outside-schema', 'sub', 'igj'],
        ['folder-outside-schema', 'J. Jansen BSN 111222333', 'igj'],
      ]),
    );
    // The draft in the subfolder is not read by the other party: no record is asked of it.
    expect(found).not.toContainEqual(['no-record', 'concept.txt', 'igj']);
    expect(found).toHaveLength(7);
    expect(report.findings.find((f) => f.fileName === 'x.txt' && f.kind === 'file-in-subfolder')?.reason).toContain(
      "'Gedeeld-igj/Review-igj'",
    );
  });

  it('reads published bytes newest first within the byte budget; the rest is counted as not checked, never passed', async () => {
    const s = site();
    await shared(s, 'nieuw.txt', '2026-11-05T10:00:00Z', 'x'.repeat(60));
    await shared(s, 'midden.txt', '2026-11-04T10:00:00Z', 'y'.repeat(60));
    await shared(s, 'oud.txt', '2026-11-03T10:00:00Z', 'BSN 111222333'.padEnd(60), 'z'.repeat(60));
    const deps = ports(s);
    const report = await runIntegrityCheck(deps, { byteBudget: 100 });
    expect(deps.reads).toEqual([`${ROOT}/Gedeeld-igj/nieuw.txt`]);
    expect(report.content).toEqual({ checked: 1, unchecked: 2, bytesRead: 60, budget: 100 });
    // The swapped file was not read: no finding, but said to be not checked, with the count and the names.
    expect(report.findings).toEqual([]);
    expect(report.unchecked.join()).toMatch(/inhoud van 2 gedeeld\(e\) stuk\(ken\) niet gecontroleerd.*midden\.txt, oud\.txt/);
    expect(report.uncheckedEn.join()).toMatch(/content of 2 shared file\(s\) not checked/);
    // With room for all, the swapped bytes are found.
    const all = await runIntegrityCheck(ports(s));
    expect(all.findings.map((f) => [f.kind, f.fileName])).toEqual([['content-mismatch', 'oud.txt']]);
    expect(all.content.unchecked).toBe(0);
  });

  it('remembers verified versions per checker: a second run reads only what changed', async () => {
    const s = site();
    await shared(s, 'a.txt', '2026-11-05T10:00:00Z', 'aaa');
    await shared(s, 'b.txt', '2026-11-04T10:00:00Z', 'bbb');
    const deps = ports(s);
    const checker = new IntegrityChecker(deps);
    await checker.run();
    expect(deps.reads).toHaveLength(2);
    const again = await checker.run();
    expect(deps.reads).toHaveLength(2);
    expect(again.content.checked).toBe(2);
    // New bytes published under a new version and etag: read again, and found.
    const b = s.docs.find((d) => d.name === 'b.txt') as ExchangeDocument;
    Object.assign(b, { version: '2.0', etag: '"5"' });
    s.bytes.set(b.serverRelativeUrl, text('BSN 111222333'));
    const third = await checker.run();
    expect(deps.reads).toEqual([...deps.reads.slice(0, 2), b.serverRelativeUrl]);
    expect(third.findings.map((f) => [f.kind, f.fileName])).toEqual([['content-mismatch', 'b.txt']]);
  });

  it('finds the same bytes handed in for review under another name by SHA-256 (art. 9.2)', async () => {
    const s = site();
    await shared(s, 'kopie.txt', '2026-11-05T10:00:00Z', 'geheim');
    s.records.push(record('t-origineel', 'origineel.txt', { decision: 'review', contentHash: await contentHash(text('geheim')) }));
    const report = await runIntegrityCheck(ports(s));
    expect(report.findings.map((f) => [f.kind, f.fileName])).toEqual([['resubmitted', 'kopie.txt']]);
    expect(report.findings[0].reason).toMatch(/als 'origineel\.txt'/);
  });

  it('flags ToetsIds held by more than one Toetslog record', async () => {
    const s = site();
    await shared(s, 'a.txt', '2026-11-05T10:00:00Z', 'aaa');
    s.records.push(record('t-oud', 'oud.txt', { contentHash: 'x' }), record('t-oud', 'nep.txt', { contentHash: 'y' }));
    const report = await runIntegrityCheck(ports(s));
    expect(report.findings.map((f) => [f.kind, f.toetsId])).toEqual([['duplicate-toetsid', 't-oud']]);
    expect(report.counts['duplicate-toetsid']).toBe(1);
  });

  it('flags lists and libraries outside the schema that hold items, and Site Assets files but the configuration file', async () => {
    const list = (over: Partial<ListInfo> & Pick<ListInfo, 'title' | 'rootFolder'>): ListInfo => ({
      id: over.title,
      baseTemplate: 100,
      hidden: false,
      itemCount: 3,
      ...over,
    });
    const s = site({
      defaultLibraryId: 'docs',
      lists: [
        list({ title: config.space.exchangeLibraryTitle, rootFolder: ROOT, baseTemplate: 101 }),
        list({ title: LISTS.audit, rootFolder: '/sites/s/Lists/Toetslog' }),
        list({ id: 'docs', title: 'Documenten', rootFolder: '/sites/s/Shared Documents', baseTemplate: 101 }),
        list({ id: 'assets', title: 'Siteactiva', rootFolder: '/sites/s/SiteAssets', baseTemplate: 101 }),
        list({ title: 'User Information List', rootFolder: '/sites/s/_catalogs/users', baseTemplate: 112, hidden: true }),
        list({ title: 'TaxonomyHiddenList', rootFolder: '/sites/s/Lists/TaxonomyHiddenList', hidden: true }),
        list({ title: 'Leeg', rootFolder: '/sites/s/Lists/Leeg', itemCount: 0 }),
        list({ title: 'Dossiers', rootFolder: '/sites/s/Dossiers', baseTemplate: 101 }),
        // Hidden by its maker: a list of staff is still judged.
        list({ title: 'Verstopt', rootFolder: '/sites/s/Lists/Verstopt', hidden: true }),
      ],
      libraryFiles: new Map([
        [
          'assets',
          [
            { name: 'agreement.json', serverRelativeUrl: '/sites/s/SiteAssets/Samenwerkingsruimte/agreement.json', modified: '' },
            { name: 'dossier.txt', serverRelativeUrl: '/sites/s/SiteAssets/dossier.txt', modified: '', author: sanne },
            // Beside the configuration file in its folder: not the product's.
            { name: 'bijlage.txt', serverRelativeUrl: '/sites/s/SiteAssets/Samenwerkingsruimte/bijlage.txt', modified: '' },
          ],
        ],
      ]),
    });
    const report = await runIntegrityCheck(ports(s));
    expect(report.findings.map((f) => [f.kind, f.fileName])).toEqual([
      ['foreign-container', 'Dossiers'],
      ['foreign-container', 'Verstopt'],
      ['site-assets-file', 'dossier.txt'],
      ['site-assets-file', 'bijlage.txt'],
    ]);
    expect(report.findings[0].reason).toMatch(/Bibliotheek 'Dossiers'.*3 item/);
    expect(report.findings[1].reason).toMatch(/Lijst 'Verstopt'/);
  });

  it('says what it could not read without an inventory, and never counts the unread bytes as fine', async () => {
    const s = site();
    await shared(s, 'a.txt', '2026-11-05T10:00:00Z', 'aaa');
    const report = await runIntegrityCheck(ports(s, false));
    expect(report.findings).toEqual([]);
    expect(report.content).toMatchObject({ checked: 0, unchecked: 1 });
    expect(report.unchecked.join('; ')).toMatch(/mappen, lijsten en bibliotheken buiten het schema.*geen inventaris/);
    expect(report.unchecked.join('; ')).toMatch(/inhoud van 1 gedeeld/);
  });

  it('reports a part it could not read as not checked', async () => {
    const s = site();
    const deps = ports(s);
    const inventory = deps.inventory as SiteInventory;
    const report = await runIntegrityCheck({
      ...deps,
      inventory: { ...inventory, lists: async () => Promise.reject(new Error('503 Service Unavailable')) },
    });
    expect(report.unchecked).toEqual([expect.stringMatching(/lijsten en bibliotheken van de site: 503/)]);
  });
});

describe('integrityForExport', () => {
  it('makes every finding a row of its own, naming where a folder or list is, and marks duplicate ToetsIds', async () => {
    const s = site({
      folders: [{ name: 'BSN 111222333', serverRelativeUrl: `${ROOT}/Gedeeld-igj/BSN 111222333` }],
      lists: [{ id: 'n', title: 'Notities', baseTemplate: 100, hidden: false, itemCount: 1, rootFolder: '/sites/s/Lists/Notities' }],
    });
    await shared(s, 'a.txt', '2026-11-05T10:00:00Z', 'aaa', 'iets anders');
    const twice = [record('t-x', 'x.txt'), record('t-x', 'y.txt')];
    const out = await integrityForExport(ports(s), twice);
    expect(out.anomalies.map((a) => [a.fileName, a.party])).toEqual([
      ['a.txt', 'igj'],
      ['BSN 111222333', 'igj'],
      ['Notities', ''],
    ]);
    expect(out.anomalies[0].reason).toMatch(/SHA-256 wijkt af/);
    expect(out.anomalies[0].toetsId).toBe('t-a.txt');
    expect(out.anomalies[1].reason).toMatch(/mapnaam.*\[\/sites\/s\/Uitwisseling\/Gedeeld-igj\/BSN 111222333\]$/);
    expect(out.anomalies[2].reason).toMatch(/Lijst 'Notities'.*\[\/sites\/s\/Lists\/Notities\]$/);
    expect(out.checks.get('t-x')).toMatch(/2 keer/);
    expect(out.unchecked).toEqual([]);
  });
});
