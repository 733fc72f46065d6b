/**
 * An upload after a lost answer, against the emulator: the answer of exactly one request is lost after SharePoint
 * committed it (the emulator's `rateLostAnswer`, aimed at that request's path), for every step of an upload, allowed
 * and for review, and for every request of a chunked upload. The upload carries on from what landed and ends with
 * exactly one file, one Toetslog record, the right metadata, published only when allowed.
 */
import type { SPFI } from '@pnp/sp';
import { PnpAuditLog, PnpDocumentStore, PnpSiteDirectory, Resilience } from '../../src/adapters/sharepoint';
import { decide, shareFile, type ShareDeps, type ShareResult } from '../../src/upload';
import { seedSite } from '../../workbench/seed/seed';
import { startTestEmulator, TEST_SITE_PATH, type TestEmulator } from '../helpers/emulator';
import { config, form, reviewForm, scanWith } from './fixtures';

/** Which request loses its answer: the first POST the matcher accepts. */
type Matcher = (url: string, init: RequestInit | undefined) => boolean;

const LIB = `${TEST_SITE_PATH}/Uitwisseling`;
const post = (pattern: RegExp, override?: string): Matcher => (url, init) => {
  const headers = new Headers(init?.headers);
  return (
    (init?.method ?? 'GET').toUpperCase() === 'POST' &&
    pattern.test(url) &&
    (override === undefined || headers.get('X-HTTP-Method') === override)
  );
};

/** The request of each step (decoded URL). */
const REQUEST: Record<string, Matcher> = {
  record: post(/getByTitle\('Toetslog'\)\/items$/i),
  bytes: post(/AddUsingPath/i),
  metadata: post(/getByTitle\('Uitwisseling'\)\/items\(\d+\)$/i, 'MERGE'),
  move: post(/MoveFileByPath/i),
  publish: post(/\/publish\(/i),
  stub: post(/AddUsingPath/i),
  start: post(/startUpload/i),
  continue: post(/continueUpload/i),
  finish: post(/finishUpload/i),
};

describe('upload steps against the emulator, one lost answer each', () => {
  let emu: TestEmulator;
  let deps: ShareDeps;
  let admin: { store: PnpDocumentStore; audit: PnpAuditLog };
  const realFetch = globalThis.fetch;
  let lost = 0;

  beforeAll(async () => {
    emu = await startTestEmulator();
    await seedSite(emu.siteUrl, { agreement: config });
    // The product's composition: Resilience retries 429/503 and reads, never a write whose answer was lost.
    const sp: SPFI = emu.spForUser('igj-medewerker').using(Resilience({ intervalMs: 5, maxWaitMs: 20 }));
    const store = new PnpDocumentStore(sp, config, { chunkThresholdBytes: 16 * 1024, chunkBytes: 8 * 1024 });
    deps = { config, documents: store, audit: new PnpAuditLog(sp), user: await new PnpSiteDirectory(sp, config).currentUser() };
    const sa = emu.spForUser('beheerder');
    admin = { store: new PnpDocumentStore(sa, config), audit: new PnpAuditLog(sa) };
  }, 180000);
  afterEach(() => {
    globalThis.fetch = realFetch;
    emu.raw.faults.clear();
  });
  afterAll(async () => emu?.close());

  /**
   * Loses the answer of the `nth` request `match` accepts (1 = the first): the emulator's lost-answer fault is set for
   * exactly that request's path while it is in flight, then cleared.
   */
  function loseAnswer(match: Matcher, nth = 1): void {
    let seen = 0;
    globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      if (match(decodeURIComponent(url), init) && ++seen === nth) {
        const path = new URL(url).pathname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        emu.raw.faults.set({ rateLostAnswer: 1, pathPattern: `^${path}$` });
        try {
          return await realFetch(input, init);
        } finally {
          lost += emu.raw.faults.injected().lostAnswer;
          emu.raw.faults.clear();
        }
      }
      return realFetch(input, init);
    };
  }

  /** Shares one file (allowed unless `review`), as the dialog does; retries with `previous` like its retry button. */
  async function share(fileName: string, content: Uint8Array, review = false): Promise<ShareResult> {
    const f = review
      ? reviewForm()
      : form();
    const item = { fileName, content, scan: scanWith(review ? { bsn: 1 } : {}) };
    const decision = decide(deps, f, item);
    expect(decision.outcome).toBe(review ? 'review' : 'allowed');
    return shareFile(deps, f, item, decision);
  }

  /** What the site holds under this name and ToetsId, read by the site collection administrator. */
  async function stored(fileName: string, toetsId: string): Promise<{ files: string[]; records: number; version?: string; status?: string; toetsId?: string }> {
    const all = (await admin.store.list({ view: 'alle', pageSize: 500 })).items.filter((d) => d.name === fileName);
    return {
      files: all.map((d) => d.serverRelativeUrl),
      records: (await admin.audit.getMany([toetsId])).length,
      version: all[0]?.version,
      status: all[0]?.toetsstatus,
      toetsId: all[0]?.toetsId,
    };
  }

  const small = (name: string): Uint8Array => new TextEncoder().encode(`Inhoud van ${name}`);

  it.each(['record', 'bytes', 'metadata', 'publish'])('allowed file, the answer of %s is lost', async (step) => {
    const name = `Toegestaan ${step}.txt`;
    const before = lost;
    loseAnswer(REQUEST[step]);
    const result = await share(name, small(name));
    expect(lost - before).toBe(1);
    expect(result).toMatchObject({ state: 'done', reached: 'publish' });
    expect(await stored(name, result.toetsId)).toEqual({
      files: [`${LIB}/Gedeeld-igj/${name}`],
      records: 1,
      version: '1.0',
      status: 'Toegestaan',
      toetsId: result.toetsId,
    });
  }, 60000);

  it.each(['record', 'bytes', 'metadata', 'move'])('file for review, the answer of %s is lost', async (step) => {
    const name = `Review ${step}.txt`;
    const before = lost;
    loseAnswer(REQUEST[step]);
    const result = await share(name, small(name), true);
    expect(lost - before).toBe(1);
    // Written with its metadata in Vertrouwelijk-igj (art. 10.1), then handed in: the uploader cannot read Review-igj,
    // so "In review" is concluded from the move that was sent.
    expect(result).toMatchObject({ state: 'done', reached: 'move', inferred: true });
    expect(await stored(name, result.toetsId)).toEqual({
      files: [`${LIB}/Review-igj/${name}`],
      records: 1,
      version: '0.2',
      status: 'In review',
      toetsId: result.toetsId,
    });
  }, 60000);

  it.each([
    ['stub', 1],
    ['start', 1],
    ['continue', 2],
    ['finish', 1],
  ] as const)('chunked upload, the answer of %s is lost', async (step, nth) => {
    const name = `Groot ${step}.bin`;
    const big = new Uint8Array(40 * 1024).map((_, i) => (i * 31 + step.length) % 251);
    const before = lost;
    loseAnswer(REQUEST[step], nth);
    const result = await share(name, big);
    expect(lost - before).toBe(1);
    expect(result.state).toBe('done');
    expect(await stored(name, result.toetsId)).toMatchObject({ files: [`${LIB}/Gedeeld-igj/${name}`], records: 1, version: '1.0' });
    const back = new Uint8Array(await admin.store.download(result.document!.id));
    expect(Buffer.from(back).equals(Buffer.from(big))).toBe(true);
  }, 60000);

  it('the emulator keeps upload sessions as SharePoint documents them: StartUpload again with the same id and bytes', async () => {
    const sp = emu.spForUser('igj-medewerker');
    const folder = sp.web.getFolderByServerRelativePath(`${LIB}/Gedeeld-igj`);
    await folder.files.addUsingPath('Sessie.bin', new Uint8Array(), { Overwrite: false });
    const file = sp.web.getFileByServerRelativePath(`${LIB}/Gedeeld-igj/Sessie.bin`);
    const id = '4f0c9c2e-52a5-4d57-9a8b-4f2f58c2d1a1';
    const chunk = new Uint8Array(1000).fill(7);
    const { spPost } = await import('@pnp/sp');
    const { File } = await import('@pnp/sp/files');
    const start = async (bytes: Uint8Array): Promise<unknown> => spPost(File(file, `startUpload(uploadId=guid'${id}')`), { body: bytes });
    expect(Number(await start(chunk))).toBe(1000);
    // "The method is idempotent … as long as you use the same values for uploadId and stream" (File.StartUpload).
    expect(Number(await start(chunk))).toBe(1000);
    await expect(start(new Uint8Array(10))).rejects.toMatchObject({ status: 400 });
    await file.cancelUpload(id);
    // A cancelled session is gone; the file it wrote into keeps its content (it existed before the session).
    await expect(spPost(File(file, `finishUpload(uploadId=guid'${id}',fileOffset=1000)`), { body: new Uint8Array() })).rejects.toMatchObject({
      status: 404,
    });
  });
});
