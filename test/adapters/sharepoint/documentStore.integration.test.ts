import { PnpDocumentStore, PnpSiteDirectory } from '../../../src/adapters/sharepoint';
import {
  ConcurrencyError,
  UploadRefusedError,
  type DocumentMetadata,
  type UploadProgress,
} from '../../../src/ports/documents';
import { EXCHANGE_CONTENT_TYPE_ID } from '../../../src/provisioning/names';
import { seedSite } from '../../../workbench/seed/seed';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { loadConfigFixture } from '../../helpers/config';
import { startTestEmulator, TEST_SITE_PATH, type TestEmulator } from '../../helpers/emulator';

/** The exchange library through PnpDocumentStore against a seeded emulator site, as different demo identities. */
describe('PnpDocumentStore against the emulator', () => {
  const config = loadConfigFixture();
  let emu: TestEmulator;
  const store = (key: string): PnpDocumentStore =>
    new PnpDocumentStore(emu.spForUser(key), config, { chunkThresholdBytes: 64 * 1024, chunkBytes: 32 * 1024 });
  const meta = (over: Partial<DocumentMetadata> = {}): DocumentMetadata => ({
    documentType: 'overlegstuk',
    classification: 'intern',
    toetsstatus: 'Toegestaan',
    categories: [],
    party: 'igj',
    confidential: false,
    year: 2026,
    ...over,
  });
  const text = (s: string): Uint8Array => new TextEncoder().encode(s);

  beforeAll(async () => {
    emu = await startTestEmulator();
    await seedSite(emu.siteUrl, { agreement: config });
  }, 180000);
  afterAll(async () => emu?.close());

  it('knows the current user, their groups (autorisatielijst) and party', async () => {
    const me = await new PnpSiteDirectory(emu.spForUser('igj-privacy'), config).currentUser();
    expect(me).toMatchObject({ displayName: 'Fatima El Amrani', party: 'igj' });
    expect(me.groupKeys.sort()).toEqual(['igj-medewerkers', 'igj-privacy', 'igj-vertrouwelijk']);
  });

  it('uploads a small file with its metadata; it is in the view and downloads byte for byte', async () => {
    const result = await store('igj-medewerker').upload({
      fileName: 'Agenda bestuurlijk overleg 2026.txt',
      content: text('Agenda, art. 7'),
      metadata: meta(),
    });
    expect(result).toMatchObject({ complete: true, problems: [] });
    expect(result.document).toMatchObject({
      documentType: 'overlegstuk',
      toetsstatus: 'Toegestaan',
      party: 'igj',
      year: 2026,
    });
    const item: { ContentTypeId: string } = await emu
      .spForUser('igj-medewerker')
      .web.lists.getByTitle(config.space.exchangeLibraryTitle)
      .items.getById(result.document.id)
      .select('ContentTypeId')();
    expect(item.ContentTypeId.toUpperCase().startsWith(EXCHANGE_CONTENT_TYPE_ID.toUpperCase())).toBe(true);
    const page = await store('cibg-medewerker').list({ view: 'alle', pageSize: 50 });
    expect(page.items.map((d) => d.name)).toContain('Agenda bestuurlijk overleg 2026.txt');
    const bytes = new Uint8Array(await store('cibg-medewerker').download(result.document.id));
    expect(new TextDecoder().decode(bytes)).toBe('Agenda, art. 7');
  });

  it('uploads a large file in chunks with progress and gets it back intact', async () => {
    const big = new Uint8Array(200 * 1024).map((_, i) => i % 251);
    const progress: UploadProgress[] = [];
    const result = await store('igj-medewerker').upload({
      fileName: 'Rapportage groot.bin',
      content: big,
      metadata: meta(),
      onProgress: (p) => progress.push(p),
    });
    expect(result.complete).toBe(true);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress[progress.length - 1]).toMatchObject({ bytesSent: big.byteLength, totalBytes: big.byteLength });
    const back = new Uint8Array(await store('igj-medewerker').download(result.document.id));
    expect(Buffer.from(back).equals(Buffer.from(big))).toBe(true);
  });

  it('keeps a file in review to the sharing party and its privacy officer until approved (art. 9.2)', async () => {
    const { document } = await store('igj-medewerker').upload({
      fileName: 'Signaal in review.txt',
      content: text('signaal'),
      metadata: meta({ toetsstatus: 'In review', documentType: 'signaal' }),
    });
    const seen = async (key: string): Promise<boolean> =>
      (await store(key).list({ view: 'in-review', pageSize: 100 })).items.some((d) => d.id === document.id);
    expect(await seen('igj-privacy')).toBe(true);
    expect(await seen('cibg-medewerker')).toBe(false);
    expect(await seen('cibg-privacy')).toBe(false);
    await store('igj-privacy').updateMetadata(document.id, { toetsstatus: 'Toegestaan' });
    expect((await store('cibg-medewerker').get(document.id)).toetsstatus).toBe('Toegestaan');
  });

  it('lets only the autorisatielijst read a restricted file (art. 10.1)', async () => {
    const { document } = await store('igj-medewerker').upload({
      fileName: 'Vertrouwelijk signaal.txt',
      content: text('vertrouwelijk'),
      metadata: meta({ classification: 'departementaal-vertrouwelijk', confidential: true, documentType: 'signaal' }),
    });
    expect((await store('cibg-medewerker').get(document.id)).classification).toBe('departementaal-vertrouwelijk');
    // The CIBG director works in the space but is not on the autorisatielijst for confidential material.
    await expect(store('cibg-directeur').get(document.id)).rejects.toMatchObject({ status: expect.any(Number) });
    const dirView = await store('cibg-directeur').list({ view: 'vertrouwelijk', pageSize: 100 });
    expect(dirView.items.map((d) => d.id)).not.toContain(document.id);
  });

  it('refuses a restricted upload by someone not on that autorisatielijst, naming art. 10.1', async () => {
    const attempt = store('igj-hoofdinspecteur').upload({
      fileName: 'Niet toegestaan.txt',
      content: text('x'),
      metadata: meta({ classification: 'departementaal-vertrouwelijk' }),
    });
    await expect(attempt).rejects.toMatchObject({ code: 'denied', message: expect.stringContaining('art. 10.1') });
  });

  it('refuses an outsider who is on no autorisatielijst (a Team member reaches the site, not the library)', async () => {
    // SharePoint answers 404 for a list the caller has no access to: it does not reveal that it exists.
    await expect(store('buitenstaander').list({ view: 'alle' })).rejects.toMatchObject({ status: 404 });
  });

  it('refuses a stale etag with a ConcurrencyError (412) and keeps the newer value', async () => {
    const { document } = await store('igj-medewerker').upload({
      fileName: 'Etag.txt',
      content: text('x'),
      metadata: meta(),
    });
    await store('igj-medewerker').updateMetadata(document.id, { year: 2027 }, document.etag);
    await expect(
      store('igj-medewerker').updateMetadata(document.id, { year: 2028 }, document.etag),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    expect((await store('igj-medewerker').get(document.id)).year).toBe(2027);
  });

  it('shares an allowed file as a published major version in the folder of the sharing party', async () => {
    const { document } = await store('cibg-medewerker').upload({
      fileName: 'Gedeeld door CIBG.txt',
      content: text('registerinformatie'),
      metadata: meta({ party: 'cibg' }),
    });
    expect(document.serverRelativeUrl).toBe(`${TEST_SITE_PATH}/Uitwisseling/Gedeeld-cibg/Gedeeld door CIBG.txt`);
    expect(document.version).toBe('1.0');
    expect((await store('igj-medewerker').get(document.id)).version).toBe('1.0');
    // A later change by CIBG is published again with it: IGJ reads the new value, as a new major version.
    await store('cibg-medewerker').updateMetadata(document.id, { year: 2027 });
    expect(await store('igj-medewerker').get(document.id)).toMatchObject({ year: 2027, version: '2.0' });
  });

  it('keeps a native upload a draft only its own party reads until it is classified (issue 4)', async () => {
    const lib = `${TEST_SITE_PATH}/Uitwisseling`;
    await emu
      .spForUser('igj-medewerker')
      .web.getFolderByServerRelativePath(`${lib}/Gedeeld-igj`)
      .files.addUsingPath('Buiten de toets.txt', text('sleep-upload'), { Overwrite: false });
    const unclassified = async (key: string): Promise<string[]> =>
      (await store(key).list({ view: 'te-classificeren', pageSize: 100 })).items.map((d) => d.name);
    expect(await unclassified('igj-hoofdinspecteur')).toContain('Buiten de toets.txt');
    expect(await unclassified('cibg-medewerker')).not.toContain('Buiten de toets.txt');
    expect(await unclassified('cibg-privacy')).not.toContain('Buiten de toets.txt');
    expect(await store('cibg-medewerker').exists('Buiten de toets.txt')).toBe(false);
    const draft = (await store('igj-medewerker').list({ view: 'te-classificeren', pageSize: 100 })).items.find(
      (d) => d.name === 'Buiten de toets.txt',
    )!;
    expect(draft.version).toBe('0.1');
    await store('igj-medewerker').updateMetadata(draft.id, meta(), draft.etag);
    expect(await store('cibg-medewerker').get(draft.id)).toMatchObject({ toetsstatus: 'Toegestaan', version: '1.0' });
  });

  it('flags a file Onvolledig, still a draft of its party, when publishing fails', async () => {
    emu.raw.faults.set({ rateReset: 1, pathPattern: 'publish\\(', seed: 3 });
    let result!: Awaited<ReturnType<PnpDocumentStore['upload']>>;
    try {
      result = await store('igj-medewerker').upload({
        fileName: 'Publiceren mislukt.txt',
        content: text('x'),
        metadata: meta(),
      });
    } finally {
      emu.raw.faults.clear();
    }
    expect(result.complete).toBe(false);
    expect(result.problems.join()).toMatch(/^publiceren: /);
    expect(result.document).toMatchObject({ toetsstatus: 'Onvolledig', version: expect.stringMatching(/^0\./) });
    await expect(store('cibg-medewerker').get(result.document.id)).rejects.toMatchObject({ status: 404 });
    // Completing it (the dialog's repair) writes the metadata again and publishes.
    await store('igj-medewerker').updateMetadata(result.document.id, meta());
    expect((await store('cibg-medewerker').get(result.document.id)).version).toBe('1.0');
  });

  it('refuses duplicates and bad names before sending a byte', async () => {
    await expect(
      store('igj-medewerker').upload({ fileName: 'Etag.txt', content: text('y'), metadata: meta() }),
    ).rejects.toMatchObject({ code: 'duplicate' });
    await expect(
      store('igj-medewerker').upload({ fileName: 'a|b.txt', content: text('y'), metadata: meta() }),
    ).rejects.toBeInstanceOf(UploadRefusedError);
    expect(
      await store('igj-medewerker')
        .exists('a|b.txt')
        .catch(() => false),
    ).toBe(false);
  });

  it('refuses metadata the configuration lacks before sending a byte (REST does not enforce choices)', async () => {
    const attempt = store('igj-medewerker').upload({
      fileName: 'Onbekend type.txt',
      content: text('x'),
      metadata: meta({ documentType: 'bestaat-niet' }),
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'invalid-metadata',
      message: expect.stringContaining('Documenttype'),
    });
    expect(await store('igj-medewerker').exists('Onbekend type.txt')).toBe(false);
  });

  it('answers several views in one $batch request', async () => {
    const s = store('igj-medewerker');
    await s.list({ view: 'alle', pageSize: 1 }); // warm-up: resolves the library once
    const realFetch = globalThis.fetch;
    const urls: string[] = [];
    globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      urls.push(String(input));
      return realFetch(input, init);
    };
    try {
      const pages = await s.listMany([
        { view: 'werkafspraken' },
        { view: 'dva' },
        { view: 'te-classificeren' },
        { view: 'in-review' },
      ]);
      expect(pages).toHaveLength(4);
      expect(pages[1].items.map((d) => d.name)).toEqual(
        expect.arrayContaining(['DVA IGJ-CIBG 2025.txt', 'DVA IGJ-CIBG 2026.txt']),
      );
    } finally {
      globalThis.fetch = realFetch;
    }
    // One $batch POST (PnPjs may first fetch a form digest for it once).
    expect(urls.filter((u) => !u.endsWith('/_api/contextinfo'))).toEqual([`${emu.siteUrl}/_api/$batch`]);
  });
});
