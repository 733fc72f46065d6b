/**
 * The upload steps of src/upload/place.ts over the in-memory library, whose operations can land and then lose their
 * answer ('lose') or never arrive ('fail'): for every step, the placement carries on from what landed and ends with
 * exactly one file, the right metadata, published only when allowed.
 */
import { contentHash } from '../../src/domain/common/hash';
import { ConcurrencyError, type DocumentMetadata, type ExchangeDocument } from '../../src/ports/documents';
import { placeDocument, placeUpload, type PlaceDeps, type UploadPlan } from '../../src/upload/place';
import { loadConfigFixture } from '../helpers/config';
import { LIBRARY, memoryLibrary, type MemoryLibrary, type MemoryOp } from '../helpers/memoryLibrary';

const config = loadConfigFixture();
const content = new TextEncoder().encode('Verslag van het ambtelijk overleg, art. 6');
const SHARED = `${LIBRARY}/Gedeeld-igj`;
const REVIEW = `${LIBRARY}/Review-igj`;

const meta = (over: Partial<DocumentMetadata> = {}): DocumentMetadata => ({
  documentType: 'overlegstuk',
  classification: 'intern',
  toetsstatus: 'Toegestaan',
  categories: [],
  party: 'igj',
  confidential: false,
  toetsId: 't-1',
  ...over,
});

/** A staff member of IGJ (user 7), who cannot read the party's review folder (art. 9.2). */
function setup(options: { drafts?: boolean } = {}): { lib: MemoryLibrary; deps: PlaceDeps } {
  const lib = memoryLibrary(config, { userId: 7, ...options });
  lib.unreadable.add(REVIEW);
  return { lib, deps: { config, documents: lib, user: { id: 7 } } };
}

async function plan(over: Partial<UploadPlan> = {}): Promise<UploadPlan> {
  return { fileName: 'Verslag.txt', content, metadata: meta(), contentHash: await contentHash(content), ...over };
}

/** The writes the library received, by operation. */
const writes = (lib: MemoryLibrary): string[] =>
  lib.calls.filter((c) => /^(putFile|writeMetadata|moveFile|publishFile|flagIncomplete)/.test(c)).map((c) => c.split(' ')[0]);

describe('placeUpload: every step carries on after its answer was lost', () => {
  const allowed: MemoryOp[] = ['putFile', 'writeMetadata', 'publishFile'];
  it.each(allowed)('allowed file, %s lands and loses its answer: one file, metadata, published once', async (op) => {
    const { lib, deps } = setup();
    lib.faults.push({ op, mode: 'lose' });
    const outcome = await placeUpload(deps, await plan());
    expect(outcome).toMatchObject({ state: 'done', reached: 'publish' });
    expect(lib.files).toHaveLength(1);
    expect(lib.files[0]).toMatchObject({ folder: SHARED, name: 'Verslag.txt', major: 1, minor: 0 });
    expect(lib.files[0].meta).toMatchObject({ toetsId: 't-1', toetsstatus: 'Toegestaan' });
    expect(new TextDecoder().decode(lib.files[0].bytes)).toBe(new TextDecoder().decode(content));
    expect(writes(lib)).toEqual(['putFile', 'writeMetadata', 'publishFile']);
  });

  it.each(allowed)('allowed file, %s never arrives: sent again after reading, one file', async (op) => {
    const { lib, deps } = setup();
    lib.faults.push({ op, mode: 'fail', times: 2 });
    const outcome = await placeUpload(deps, await plan());
    expect(outcome.state).toBe('done');
    expect(lib.files).toHaveLength(1);
    expect(writes(lib).filter((w) => w === op)).toHaveLength(3);
    expect(lib.files[0]).toMatchObject({ major: 1, minor: 0 });
  });

  const review: MemoryOp[] = ['putFile', 'writeMetadata', 'moveFile'];
  it.each(review)('file for review, %s lands and loses its answer: handed in once, never published', async (op) => {
    const { lib, deps } = setup();
    lib.faults.push({ op, mode: 'lose' });
    const outcome = await placeUpload(deps, await plan({ metadata: meta({ toetsstatus: 'In review' }) }));
    expect(outcome).toMatchObject({ state: 'done', reached: 'move', inferred: true });
    expect(outcome.document).toMatchObject({ serverRelativeUrl: `${REVIEW}/Verslag.txt`, toetsstatus: 'In review' });
    expect(lib.files).toHaveLength(1);
    expect(lib.files[0]).toMatchObject({ folder: REVIEW, major: 0 });
    expect(lib.files[0].meta).toMatchObject({ toetsId: 't-1', toetsstatus: 'In review' });
    expect(writes(lib)).toEqual(['putFile', 'writeMetadata', 'moveFile']);
  });

  it('a privacy officer (who reads the review folder) sees the move land: read, not inferred', async () => {
    const { lib, deps } = setup();
    lib.unreadable.clear();
    lib.faults.push({ op: 'moveFile', mode: 'lose' });
    const outcome = await placeUpload(deps, await plan({ metadata: meta({ toetsstatus: 'In review' }) }));
    expect(outcome).toMatchObject({ state: 'done', reached: 'move' });
    expect(outcome.inferred).toBeUndefined();
    expect(outcome.document?.version).toBe('0.2');
  });

  it('the move was sent, then nothing could be read: the next call concludes "handed in" from that evidence', async () => {
    const { lib, deps } = setup();
    lib.faults.push({ op: 'moveFile', mode: 'lose' });
    const move = lib.moveFile.bind(lib);
    lib.moveFile = async (...args) => {
      try {
        return await move(...args);
      } finally {
        lib.faults.push({ op: 'fileAt', mode: 'fail', times: 5 });
      }
    };
    const first = await placeUpload(deps, await plan({ metadata: meta({ toetsstatus: 'In review' }) }));
    expect(first).toMatchObject({ state: 'incomplete', reached: 'metadata', attempted: 'move', step: 'move' });
    lib.faults.length = 0;
    // Retried without the bytes (the dialog's repair), or with them (its retry): both conclude from the evidence.
    const second = await placeUpload(deps, { fileName: 'Verslag.txt', metadata: meta({ toetsstatus: 'In review' }) }, first);
    expect(second).toMatchObject({ state: 'done', inferred: true });
    expect(lib.files).toHaveLength(1);
    expect(writes(lib)).toEqual(['putFile', 'writeMetadata', 'moveFile']);
  });

  it('without that evidence a file that is nowhere is sent again, not concluded', async () => {
    const { lib, deps } = setup();
    const outcome = await placeUpload(deps, await plan({ metadata: meta({ toetsstatus: 'In review' }) }), {
      reached: 'metadata',
    });
    expect(outcome.state).toBe('done');
    expect(writes(lib)).toEqual(['putFile', 'writeMetadata', 'moveFile']);
  });

  it('a restricted file is written in the restricted folder and stays there (art. 10.1)', async () => {
    const { lib, deps } = setup();
    lib.faults.push({ op: 'publishFile', mode: 'lose' });
    const outcome = await placeUpload(deps, await plan({ metadata: meta({ classification: 'departementaal-vertrouwelijk' }) }));
    expect(outcome.state).toBe('done');
    expect(lib.files[0]).toMatchObject({ folder: `${LIBRARY}/Vertrouwelijk-igj`, major: 1 });
  });

  it('a library without drafts publishes nothing: every version is major already', async () => {
    const { lib, deps } = setup({ drafts: false });
    const outcome = await placeUpload(deps, await plan());
    expect(outcome.state).toBe('done');
    expect(writes(lib)).toEqual(['putFile', 'writeMetadata']);
  });

  it('a status that is not shareable is never published (Te classificeren)', async () => {
    const { lib, deps } = setup();
    const outcome = await placeUpload(deps, await plan({ metadata: meta({ toetsstatus: 'Te classificeren' }) }));
    expect(outcome.state).toBe('done');
    expect(lib.files[0]).toMatchObject({ folder: SHARED, major: 0 });
  });
});

describe('placeUpload: whose file is it?', () => {
  it('another person’s file under the name is a duplicate, refused before any byte', async () => {
    const { lib, deps } = setup();
    lib.seed({ folder: SHARED, name: 'Verslag.txt', authorId: 9, bytes: content });
    const outcome = await placeUpload(deps, await plan());
    expect(outcome).toMatchObject({ state: 'failed', step: 'bytes', error: { code: 'duplicate' } });
    expect(writes(lib)).toEqual([]);
  });

  it('a file carrying another ToetsId is a duplicate, even the user’s own', async () => {
    const { lib, deps } = setup();
    lib.seed({ folder: SHARED, name: 'Verslag.txt', bytes: content, meta: { toetsId: 't-0', toetsstatus: 'Toegestaan' } });
    expect((await placeUpload(deps, await plan())).state).toBe('failed');
    expect(writes(lib)).toEqual([]);
  });

  it('the user’s own file of the same size without a trace of this upload: the SHA-256 of its bytes decides', async () => {
    const { lib, deps } = setup();
    lib.seed({ folder: SHARED, name: 'Verslag.txt', bytes: content });
    const same = await placeUpload(deps, await plan());
    expect(same.state).toBe('done');
    expect(writes(lib)).toEqual(['writeMetadata', 'publishFile']);

    const other = setup();
    const differs = new Uint8Array(content.byteLength).fill(65);
    other.lib.seed({ folder: SHARED, name: 'Verslag.txt', bytes: differs });
    const refused = await placeUpload(other.deps, await plan());
    expect(refused).toMatchObject({ state: 'failed', error: { code: 'duplicate' } });
    expect(writes(other.lib)).toEqual([]);
  });

  it('a file elsewhere in the library (another party’s folder) takes the name too', async () => {
    const { lib, deps } = setup();
    lib.seed({ folder: `${LIBRARY}/Gedeeld-cibg`, name: 'Verslag.txt', authorId: 21 });
    expect(await placeUpload(deps, await plan())).toMatchObject({ state: 'failed', error: { code: 'duplicate' } });
  });

  it('the user’s empty stub (left by an upload session) is written into', async () => {
    const { lib, deps } = setup();
    lib.seed({ folder: SHARED, name: 'Verslag.txt', bytes: new Uint8Array() });
    expect((await placeUpload(deps, await plan())).state).toBe('done');
    expect(lib.files).toHaveLength(1);
    expect(lib.files[0].bytes.byteLength).toBe(content.byteLength);
  });
});

describe('placeUpload: giving up, visibly', () => {
  it('a step that keeps failing ends incomplete and flagged Onvolledig where the file is', async () => {
    const { lib, deps } = setup();
    lib.faults.push({ op: 'publishFile', mode: 'fail', times: 3 });
    const outcome = await placeUpload(deps, await plan());
    expect(outcome).toMatchObject({ state: 'incomplete', step: 'publish', reached: 'metadata', attempted: 'publish' });
    expect(lib.files[0].meta.toetsstatus).toBe('Onvolledig');
    expect(lib.files[0].major).toBe(0);
    // The retry carries on: the metadata again (the flag replaced the status), then publish.
    const again = await placeUpload(deps, { fileName: 'Verslag.txt', metadata: meta() }, outcome);
    expect(again).toMatchObject({ state: 'done', reached: 'publish' });
    expect(lib.files[0]).toMatchObject({ major: 1, minor: 0 });
    expect(lib.files[0].meta.toetsstatus).toBe('Toegestaan');
  });

  it('bytes that never land end "failed" with nothing stored', async () => {
    const { lib, deps } = setup();
    lib.faults.push({ op: 'putFile', mode: 'fail', times: 3 });
    expect(await placeUpload(deps, await plan())).toMatchObject({ state: 'failed', step: 'bytes' });
    expect(lib.files).toHaveLength(0);
  });

  it('bad input is refused before any request (name, size, metadata)', async () => {
    const { lib, deps } = setup();
    expect((await placeUpload(deps, await plan({ fileName: 'a|b.txt' }))).error).toMatchObject({ code: 'bad-name' });
    expect((await placeUpload(deps, await plan({ content: new Uint8Array() }))).error).toMatchObject({ code: 'empty' });
    const bad = await placeUpload(deps, await plan({ metadata: meta({ documentType: 'bestaat-niet' }) }));
    expect(bad.error).toMatchObject({ code: 'invalid-metadata' });
    expect(lib.calls).toEqual([]);
  });

  it('a write without an etag is a programming error, never a blind overwrite', async () => {
    const { lib } = setup();
    const f = lib.seed({ folder: SHARED, name: 'X.txt' });
    await expect(lib.writeMetadata(f.id, meta(), '')).rejects.toThrow(/zonder etag/);
    await expect(lib.writeMetadata(f.id, meta(), '*')).rejects.toThrow(/zonder etag/);
    await expect(lib.flagIncomplete(f.id, '')).rejects.toThrow(/zonder etag/);
  });
});

describe('placeDocument: an existing file, in the order its new state demands', () => {
  /** A file in review by IGJ staff member 7, seen by IGJ's privacy officer (12), who reads the review folder. */
  function inReview(): { lib: MemoryLibrary; doc: () => Promise<ExchangeDocument> } {
    const lib = memoryLibrary(config, { userId: 12 });
    const f = lib.seed({ folder: REVIEW, name: 'Signaal.txt', authorId: 7, meta: meta({ toetsstatus: 'In review' }) });
    return { lib, doc: async () => lib.get(f.id) };
  }

  it.each<MemoryOp | 'none'>(['none', 'moveFile', 'writeMetadata', 'publishFile'])(
    'approval out of the review folder: move, metadata (etag read after the move), publish; %s answer lost',
    async (op) => {
      const { lib, doc } = inReview();
      if (op !== 'none') lib.faults.push({ op, mode: 'lose' });
      const before = await doc();
      const after = await placeDocument({ documents: lib }, before, { toetsstatus: 'Toegestaan', reviewNote: 'ok' }, before.etag);
      expect(after).toMatchObject({ serverRelativeUrl: `${SHARED}/Signaal.txt`, toetsstatus: 'Toegestaan', version: '1.0' });
      expect(writes(lib)).toEqual(['moveFile', 'writeMetadata', 'publishFile']);
      expect(lib.files[0].meta).toMatchObject({ toetsId: 't-1', reviewNote: 'ok' });
    },
  );

  it('a retry of the approval with the document as first read carries on after the move (stale etag, no 412)', async () => {
    const { lib, doc } = inReview();
    const before = await doc();
    lib.faults.push({ op: 'writeMetadata', mode: 'fail', times: 3 });
    await expect(placeDocument({ documents: lib }, before, { toetsstatus: 'Toegestaan' }, before.etag)).rejects.toThrow();
    const after = await placeDocument({ documents: lib }, before, { toetsstatus: 'Toegestaan' }, before.etag);
    expect(after).toMatchObject({ toetsstatus: 'Toegestaan', version: '1.0' });
    expect(writes(lib).filter((w) => w === 'moveFile')).toHaveLength(1);
  });

  it('someone else changed it since it was read: refused (ConcurrencyError), nothing written', async () => {
    const { lib, doc } = inReview();
    const before = await doc();
    lib.files[0].etag++;
    await expect(placeDocument({ documents: lib }, before, { toetsstatus: 'Toegestaan' }, before.etag)).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    expect(writes(lib)).toEqual([]);
  });

  it.each<MemoryOp | 'none'>(['none', 'writeMetadata', 'moveFile'])(
    'classified into review by staff: metadata where it is (guarded by its etag), then the move; %s answer lost',
    async (op) => {
      const lib = memoryLibrary(config, { userId: 7 });
      lib.unreadable.add(REVIEW);
      const f = lib.seed({ folder: SHARED, name: 'Sleep.txt' });
      if (op !== 'none') lib.faults.push({ op, mode: 'lose' });
      const before = await lib.get(f.id);
      const after = await placeDocument({ documents: lib }, before, meta({ toetsstatus: 'Afgewezen', toetsId: 't-9' }), before.etag);
      expect(after).toMatchObject({ serverRelativeUrl: `${REVIEW}/Sleep.txt`, toetsstatus: 'Afgewezen', toetsId: 't-9' });
      expect(writes(lib)).toEqual(['writeMetadata', 'moveFile']);
      expect(lib.files[0]).toMatchObject({ folder: REVIEW });
    },
  );

  it('a stale etag on the first write is refused by the store (412), not overwritten', async () => {
    const lib = memoryLibrary(config, { userId: 7 });
    const f = lib.seed({ folder: SHARED, name: 'Sleep.txt' });
    const before = await lib.get(f.id);
    f.etag++;
    await expect(placeDocument({ documents: lib }, before, meta(), before.etag)).rejects.toBeInstanceOf(ConcurrencyError);
    expect(lib.files[0].meta).toEqual({});
  });

  it('a publish that keeps failing flags the file Onvolledig and says so', async () => {
    const lib = memoryLibrary(config, { userId: 7 });
    const f = lib.seed({ folder: SHARED, name: 'Sleep.txt' });
    lib.faults.push({ op: 'publishFile', mode: 'fail', times: 3 });
    const before = await lib.get(f.id);
    await expect(placeDocument({ documents: lib }, before, meta(), before.etag)).rejects.toThrow(
      /vastgelegd als 'Toegestaan', maar niet gepubliceerd.*Onvolledig/,
    );
    expect(lib.files[0].meta.toetsstatus).toBe('Onvolledig');
  });
});
