/** The privacy officer's review (art. 9.2): who may decide, the note, and the order record → status → publish. */
import { ConcurrencyError, type AuditRecord, type DocumentMetadata, type ExchangeDocument } from '../../src/ports';
import { checkReview, reviewDocument, ReviewError, type ReviewDeps } from '../../src/review/decide';
import { loadConfigFixture } from '../helpers/config';
import { LIBRARY, memoryLibrary, type MemoryLibrary } from '../helpers/memoryLibrary';

const config = loadConfigFixture();

const doc: ExchangeDocument = {
  id: 12,
  name: 'Verificatie.txt',
  serverRelativeUrl: '/sites/s/Uitwisseling/Review-igj/Verificatie.txt',
  documentType: 'signaal',
  classification: 'intern',
  toetsstatus: 'In review',
  categories: ['naw'],
  party: 'igj',
  confidential: false,
  toetsId: 't-1',
  created: '',
  modified: '',
  etag: '"1"',
};

const original: AuditRecord = {
  toetsId: 't-1',
  at: '2026-11-20T09:30:00Z',
  user: { id: 7, displayName: 'Sanne de Vries' },
  party: 'igj',
  fileName: 'Verificatie.txt',
  decision: 'review',
  ruleVersion: 'igj-cibg@1',
  answers: {},
  findings: [{ kind: 'bsn', count: 1 }],
  reasons: [],
};

const igjPrivacy = { id: 11, displayName: 'Fatima El Amrani', groupKeys: ['igj-medewerkers', 'igj-privacy'], isSiteAdmin: false };

function deps(over: { failUpdate?: unknown } = {}): ReviewDeps & {
  calls: string[];
  appended: AuditRecord[];
  patches: Array<Partial<DocumentMetadata>>;
} {
  const calls: string[] = [];
  const appended: AuditRecord[] = [];
  const patches: Array<Partial<DocumentMetadata>> = [];
  return {
    calls,
    appended,
    patches,
    config,
    reviewer: igjPrivacy,
    now: () => new Date('2026-11-23T12:00:00Z'),
    audit: {
      appendReview: async (r) => void (calls.push('append'), appended.push(r)),
      get: async (id) => (id === 't-1' ? original : null),
    },
    documents: library(calls, patches, over.failUpdate),
  };
}

/** The library in memory holding `doc` (privacy officer 11 reads the review folder); its writes are logged in `calls`. */
function library(calls: string[], patches: Array<Partial<DocumentMetadata>>, failUpdate?: unknown): MemoryLibrary {
  const lib = memoryLibrary(config, { userId: 11 });
  lib.seed({ id: doc.id, folder: LIBRARY + '/Review-igj', name: doc.name, authorId: 7, meta: { ...doc } });
  const { writeMetadata, moveFile, publishFile } = lib;
  lib.moveFile = async (...args) => (calls.push('move'), moveFile(...args));
  lib.publishFile = async (...args) => (calls.push('publish'), publishFile(...args));
  lib.writeMetadata = async (id, m, etag) => {
    calls.push(`update:${m.toetsstatus}`);
    patches.push(m);
    if (failUpdate) throw failUpdate;
    return writeMetadata(id, m, etag);
  };
  return lib;
}

it('approval: a record of the officer’s own first, then status and note on the file (the store moves and publishes it)', async () => {
  const d = deps();
  const result = await reviewDocument(d, doc, 'approved', '  Noodzaak is onderbouwd.  ');
  // The move out of the review folder first, then status and note with the etag read after it, published last.
  expect(d.calls).toEqual(['append', 'move', 'update:Toegestaan', 'publish']);
  expect(d.appended[0]).toMatchObject({
    toetsId: 't-1-review-11',
    reviewOf: 't-1',
    decision: 'goedgekeurd',
    user: { id: 11 },
    party: 'igj',
    ruleVersion: 'igj-cibg@1',
    answers: { reviewOf: 't-1' },
    findings: [{ kind: 'bsn', count: 1 }],
    reviewNote: 'Noodzaak is onderbouwd.',
  });
  expect(d.patches[0]).toMatchObject({ toetsstatus: 'Toegestaan', reviewNote: 'Noodzaak is onderbouwd.', toetsId: 't-1' });
  expect(result.document).toMatchObject({ serverRelativeUrl: `${LIBRARY}/Gedeeld-igj/Verificatie.txt`, version: '1.0' });
  expect(result.uploaderInformed).toBe(true);
});

it('rejection keeps the file with the party as Afgewezen, publishes it there for the party and says so in the record', async () => {
  const d = deps();
  await reviewDocument(d, doc, 'rejected', 'BSN is niet nodig voor deze vraag.');
  expect(d.calls).toEqual(['append', 'update:Afgewezen', 'publish']);
  expect(d.patches[0].reviewNote).toBe('BSN is niet nodig voor deze vraag.');
  expect(d.appended[0].reasons[0].text).toMatch(/blijft in de reviewmap .* 'Afgewezen', niet zichtbaar voor CIBG/);
});

it('a failed status change leaves the review to retry with the same ToetsId (no second record)', async () => {
  const d = deps({ failUpdate: new ConcurrencyError('gewijzigd') });
  await expect(reviewDocument(d, doc, 'approved', 'ok')).rejects.toBeInstanceOf(ConcurrencyError);
  expect(d.calls).toEqual(['append', 'move', 'update:Toegestaan']);
  expect(d.appended[0].toetsId).toBe('t-1-review-11');
});

it('needs a note, the sharing party’s privacy officer and a file still in review', () => {
  expect(() => checkReview(config, igjPrivacy, doc, 'rejected', '  ')).toThrow(/Notitie: schrijf waarom u afwijst/);
  expect(() => checkReview(config, igjPrivacy, doc, 'approved', '')).not.toThrow();
  const cibg = { ...igjPrivacy, groupKeys: ['cibg-privacy'] };
  expect(() => checkReview(config, cibg, doc, 'approved', 'ok')).toThrow(/privacy officer van de delende partij .*art\. 9\.2/);
  const staff = { ...igjPrivacy, groupKeys: ['igj-medewerkers'] };
  expect(() => checkReview(config, staff, doc, 'approved', 'ok')).toThrow(ReviewError);
  expect(() => checkReview(config, igjPrivacy, { ...doc, toetsstatus: 'Toegestaan' }, 'approved', 'ok')).toThrow(/niet \(meer\) in review/);
  expect(() => checkReview(config, igjPrivacy, doc, 'approved', 'x'.repeat(2001))).toThrow(/hoogstens 2000/);
});
