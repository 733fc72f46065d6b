import { PnpDocumentStore, PnpSiteDirectory } from '../../../src/adapters/sharepoint';
import { ConcurrencyError, UploadRefusedError, type DocumentMetadata } from '../../../src/ports/documents';
import { placeDocument, placeUpload, type PlaceOutcome } from '../../../src/upload/place';
import { EXCHANGE_CONTENT_TYPE_ID } from '../../../src/provisioning/names';
import { seedSite } from '../../../workbench/seed/seed';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { loadConfigFixture } from '../../helpers/config';
import { startTestEmulator, TEST_SITE_PATH, type TestEmulator } from '../../helpers/emulator';
import { siteUserId, uploadAs, type TestUpload } from '../../helpers/placeAs';

/**
 * The exchange library through PnpDocumentStore against a seeded emulator site, as different demo identities; files are
 * placed through the product's own steps (src/upload/place.ts) over the adapter's single operations.
 */
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
  const LIB = `${TEST_SITE_PATH}/Uitwisseling`;
  /** Uploads through the product's steps (src/upload/place.ts) as a demo user. */
  const upload = (key: string, file: TestUpload): Promise<PlaceOutcome> =>
    uploadAs(emu.spForUser(key), config, file, { store: { chunkThresholdBytes: 64 * 1024, chunkBytes: 32 * 1024 } });

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
    const result = await upload('igj-medewerker', {
      fileName: 'Agenda bestuurlijk overleg 2026.txt',
      content: text('Agenda, art. 7'),
      metadata: meta(),
    });
    expect(result).toMatchObject({ state: 'done', reached: 'publish' });
    expect(result.document).toMatchObject({
      documentType: 'overlegstuk',
      toetsstatus: 'Toegestaan',
      party: 'igj',
      year: 2026,
    });
    const item: { ContentTypeId: string } = await emu
      .spForUser('igj-medewerker')
      .web.lists.getByTitle(config.space.exchangeLibraryTitle)
      .items.getById(result.document!.id)
      .select('ContentTypeId')();
    expect(item.ContentTypeId.toUpperCase().startsWith(EXCHANGE_CONTENT_TYPE_ID.toUpperCase())).toBe(true);
    const page = await store('cibg-medewerker').list({ view: 'alle', pageSize: 50 });
    expect(page.items.map((d) => d.name)).toContain('Agenda bestuurlijk overleg 2026.txt');
    const bytes = new Uint8Array(await store('cibg-medewerker').download(result.document!.id));
    expect(new TextDecoder().decode(bytes)).toBe('Agenda, art. 7');
  });

  it('uploads a large file in chunks with progress and gets it back intact', async () => {
    const big = new Uint8Array(200 * 1024).map((_, i) => i % 251);
    const progress: number[] = [];
    const result = await upload('igj-medewerker', {
      fileName: 'Rapportage groot.bin',
      content: big,
      metadata: meta(),
      onProgress: (sent) => progress.push(sent),
    });
    expect(result.state).toBe('done');
    expect(progress.length).toBeGreaterThan(3);
    expect(progress[progress.length - 1]).toBe(big.byteLength);
    const back = new Uint8Array(await store('igj-medewerker').download(result.document!.id));
    expect(Buffer.from(back).equals(Buffer.from(big))).toBe(true);
  });

  it('keeps a file in review to the sharing party and its privacy officer until approved (art. 9.2)', async () => {
    const result = await upload('igj-medewerker', {
      fileName: 'Signaal in review.txt',
      content: text('signaal'),
      metadata: meta({ toetsstatus: 'In review', documentType: 'signaal' }),
    });
    // Handed in: the uploader cannot read the review folder, so this end state is concluded, with its evidence.
    expect(result).toMatchObject({ state: 'done', reached: 'move', inferred: true });
    const id = result.document!.id;
    await expect(store('igj-medewerker').get(id)).rejects.toMatchObject({ status: 404 });
    const seen = async (key: string): Promise<boolean> =>
      (await store(key).list({ view: 'in-review', pageSize: 100 })).items.some((d) => d.id === id);
    expect(await seen('igj-privacy')).toBe(true);
    expect(await seen('cibg-medewerker')).toBe(false);
    expect(await seen('cibg-privacy')).toBe(false);
    const inReview = await store('igj-privacy').get(id);
    expect(inReview).toMatchObject({ toetsstatus: 'In review', version: '0.2' });
    const approved = await placeDocument({ documents: store('igj-privacy') }, inReview, { toetsstatus: 'Toegestaan' }, inReview.etag);
    expect(approved).toMatchObject({ serverRelativeUrl: `${LIB}/Gedeeld-igj/Signaal in review.txt`, version: '1.0' });
    expect((await store('cibg-medewerker').get(id)).toetsstatus).toBe('Toegestaan');
  });

  it('lets only the autorisatielijst read a restricted file (art. 10.1)', async () => {
    const { document } = await upload('igj-medewerker', {
      fileName: 'Vertrouwelijk signaal.txt',
      content: text('vertrouwelijk'),
      metadata: meta({ classification: 'departementaal-vertrouwelijk', confidential: true, documentType: 'signaal' }),
    });
    expect((await store('cibg-medewerker').get(document!.id)).classification).toBe('departementaal-vertrouwelijk');
    // The CIBG director works in the space but is not on the autorisatielijst for confidential material.
    await expect(store('cibg-directeur').get(document!.id)).rejects.toMatchObject({ status: expect.any(Number) });
    const dirView = await store('cibg-directeur').list({ view: 'vertrouwelijk', pageSize: 100 });
    expect(dirView.items.map((d) => d.id)).not.toContain(document!.id);
  });

  it('refuses a restricted upload by someone not on that autorisatielijst, naming art. 10.1', async () => {
    const attempt = await upload('igj-hoofdinspecteur', {
      fileName: 'Niet toegestaan.txt',
      content: text('x'),
      metadata: meta({ classification: 'departementaal-vertrouwelijk' }),
    });
    expect(attempt).toMatchObject({ state: 'failed', error: { code: 'denied', message: expect.stringContaining('art. 10.1') } });
  });

  it('refuses an outsider who is on no autorisatielijst (a Team member reaches the site, not the library)', async () => {
    // SharePoint answers 404 for a list the caller has no access to: it does not reveal that it exists.
    await expect(store('buitenstaander').list({ view: 'alle' })).rejects.toMatchObject({ status: 404 });
  });

  it('refuses a stale etag with a ConcurrencyError (412) and keeps the newer value', async () => {
    const { document } = await upload('igj-medewerker', { fileName: 'Etag.txt', content: text('x'), metadata: meta() });
    const s = store('igj-medewerker');
    await placeDocument({ documents: s }, document!, { year: 2027 }, document!.etag);
    await expect(placeDocument({ documents: s }, document!, { year: 2028 }, document!.etag)).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    expect((await s.get(document!.id)).year).toBe(2027);
    // The adapter itself: a stale etag is SharePoint's 412, a missing one never leaves the client.
    await expect(s.writeMetadata(document!.id, meta({ year: 2029 }), document!.etag)).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    await expect(s.writeMetadata(document!.id, meta({ year: 2029 }), '')).rejects.toThrow(/zonder etag/);
    await expect(s.writeMetadata(document!.id, meta({ year: 2029 }), '*')).rejects.toThrow(/zonder etag/);
    await expect(s.flagIncomplete(document!.id, '')).rejects.toThrow(/zonder etag/);
  });

  it('shares an allowed file as a published major version in the folder of the sharing party', async () => {
    const { document } = await upload('cibg-medewerker', {
      fileName: 'Gedeeld door CIBG.txt',
      content: text('registerinformatie'),
      metadata: meta({ party: 'cibg' }),
    });
    expect(document!.serverRelativeUrl).toBe(`${TEST_SITE_PATH}/Uitwisseling/Gedeeld-cibg/Gedeeld door CIBG.txt`);
    expect(document!.version).toBe('1.0');
    expect((await store('igj-medewerker').get(document!.id)).version).toBe('1.0');
    // A later change by CIBG is published again with it: IGJ reads the new value, as a new major version.
    const current = await store('cibg-medewerker').get(document!.id);
    await placeDocument({ documents: store('cibg-medewerker') }, current, { year: 2027 }, current.etag);
    expect(await store('igj-medewerker').get(document!.id)).toMatchObject({ year: 2027, version: '2.0' });
  });

  it('keeps a native upload a draft only its own party reads until it is classified', async () => {
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
    await placeDocument({ documents: store('igj-medewerker') }, draft, meta(), draft.etag);
    expect(await store('cibg-medewerker').get(draft.id)).toMatchObject({ toetsstatus: 'Toegestaan', version: '1.0' });
  });

  it('flags a file Onvolledig, still a draft of its party, when publishing fails; the retry completes it', async () => {
    emu.raw.faults.set({ rateReset: 1, pathPattern: 'publish\\(', seed: 3 });
    let result!: PlaceOutcome;
    try {
      result = await upload('igj-medewerker', { fileName: 'Publiceren mislukt.txt', content: text('x'), metadata: meta() });
    } finally {
      emu.raw.faults.clear();
    }
    expect(result).toMatchObject({ state: 'incomplete', step: 'publish', reached: 'metadata' });
    const id = result.document!.id;
    expect(await store('igj-medewerker').get(id)).toMatchObject({
      toetsstatus: 'Onvolledig',
      version: expect.stringMatching(/^0\./),
    });
    await expect(store('cibg-medewerker').get(id)).rejects.toMatchObject({ status: 404 });
    // Completing it (the dialog's repair) carries on after the bytes: the metadata again, then publish.
    const sp = emu.spForUser('igj-medewerker');
    const fixed = await placeUpload(
      { config, documents: store('igj-medewerker'), user: { id: await siteUserId(sp) } },
      { fileName: 'Publiceren mislukt.txt', metadata: meta() },
      result,
    );
    expect(fixed.state).toBe('done');
    expect((await store('cibg-medewerker').get(id)).version).toBe('1.0');
  });

  it('refuses duplicates and bad names before sending a byte', async () => {
    expect(await upload('igj-medewerker', { fileName: 'Etag.txt', content: text('y'), metadata: meta() })).toMatchObject({
      state: 'failed',
      error: { code: 'duplicate' },
    });
    // Someone else's file in the other party's folder takes the name as well.
    expect(
      await upload('igj-medewerker', { fileName: 'Gedeeld door CIBG.txt', content: text('y'), metadata: meta() }),
    ).toMatchObject({ state: 'failed', error: { code: 'duplicate' } });
    expect(await upload('igj-medewerker', { fileName: 'a|b.txt', content: text('y'), metadata: meta() })).toMatchObject({
      state: 'failed',
      error: expect.any(UploadRefusedError),
    });
    expect(
      await store('igj-medewerker')
        .exists('a|b.txt')
        .catch(() => false),
    ).toBe(false);
  });

  it('refuses metadata the configuration lacks before sending a byte (REST does not enforce choices)', async () => {
    const attempt = await upload('igj-medewerker', {
      fileName: 'Onbekend type.txt',
      content: text('x'),
      metadata: meta({ documentType: 'bestaat-niet' }),
    });
    expect(attempt.error).toMatchObject({ code: 'invalid-metadata', message: expect.stringContaining('Documenttype') });
    expect(await store('igj-medewerker').exists('Onbekend type.txt')).toBe(false);
  });

  it('never sends If-Match: * — every write carries the etag it read (upload, review, approval, rejection, flag)', async () => {
    const realFetch = globalThis.fetch;
    const writes: Array<{ method: string; url: string; ifMatch: string | null; override: string | null }> = [];
    globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      writes.push({
        method: (init?.method ?? 'GET').toUpperCase(),
        url: decodeURIComponent(String(input)),
        ifMatch: headers.get('If-Match'),
        override: headers.get('X-HTTP-Method'),
      });
      return realFetch(input, init);
    };
    try {
      const big = new Uint8Array(100 * 1024).map((_, i) => i % 199);
      await upload('igj-medewerker', { fileName: 'Etag allowed.txt', content: text('a'), metadata: meta() });
      await upload('igj-medewerker', { fileName: 'Etag groot.bin', content: big, metadata: meta() });
      const review = await upload('igj-medewerker', {
        fileName: 'Etag review.txt',
        content: text('r'),
        metadata: meta({ toetsstatus: 'In review' }),
      });
      const rejected = await upload('igj-medewerker', {
        fileName: 'Etag afgewezen.txt',
        content: text('r'),
        metadata: meta({ toetsstatus: 'In review' }),
      });
      const officer = store('igj-privacy');
      const one = await officer.get(review.document!.id);
      await placeDocument({ documents: officer }, one, { toetsstatus: 'Toegestaan', reviewNote: 'ok' }, one.etag);
      const two = await officer.get(rejected.document!.id);
      const after = await placeDocument({ documents: officer }, two, { toetsstatus: 'Afgewezen', reviewNote: 'nee' }, two.etag);
      await officer.publishFile(after.serverRelativeUrl, 'Afgewezen door de privacy officer (art. 9.2)');
      // A chunked upload that keeps failing removes its stub with the stub's own etag.
      emu.raw.faults.set({ rateReset: 1, pathPattern: 'continueUpload', seed: 2 });
      await upload('igj-medewerker', { fileName: 'Etag kapot.bin', content: big, metadata: meta() });
      emu.raw.faults.clear();
      // The flag, on its own.
      const mine = await store('igj-medewerker').fileAt(`${LIB}/Gedeeld-igj`, 'Etag allowed.txt');
      await store('igj-medewerker').flagIncomplete(mine!.id, mine!.etag);
    } finally {
      globalThis.fetch = realFetch;
      emu.raw.faults.clear();
    }
    const guarded = writes.filter((w) => w.override === 'MERGE' || w.override === 'DELETE');
    expect(guarded.length).toBeGreaterThanOrEqual(8);
    expect(writes.filter((w) => w.ifMatch !== null && w.ifMatch.trim() === '*')).toEqual([]);
    // Every MERGE and DELETE carries a real etag (the stub of the failed chunked upload was deleted with its own).
    expect(guarded.filter((w) => !w.ifMatch)).toEqual([]);
    expect(guarded.some((w) => w.override === 'DELETE')).toBe(true);
    expect(await store('igj-medewerker').exists('Etag kapot.bin')).toBe(false);
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
