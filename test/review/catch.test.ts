/**
 * Classifying a file already in the library (nothing unclassified reaches the other party): who may, and the order
 * record → metadata.
 */
import type { AuditRecord, DocumentMetadata, ExchangeDocument } from '../../src/ports';
import { classifyExisting, mayClassify, type ClassifyDeps } from '../../src/review/catch';
import { form, scanWith } from '../upload/fixtures';
import { loadConfigFixture } from '../helpers/config';
import { LIBRARY, memoryLibrary, type MemoryLibrary } from '../helpers/memoryLibrary';

const config = loadConfigFixture();

const native: ExchangeDocument = {
  id: 40,
  name: 'Sleep-upload.txt',
  serverRelativeUrl: '/sites/s/Uitwisseling/Gedeeld-igj/Sleep-upload.txt',
  toetsstatus: 'Te classificeren',
  categories: [],
  confidential: false,
  author: { id: 7, displayName: 'Sanne de Vries', email: 'sanne.devries@igj.example' },
  created: '',
  modified: '',
  etag: '"1"',
};

function deps(party: string): ClassifyDeps & { calls: string[]; appended: AuditRecord[]; patches: Array<Partial<DocumentMetadata>> } {
  const calls: string[] = [];
  const appended: AuditRecord[] = [];
  const patches: Array<Partial<DocumentMetadata>> = [];
  return {
    calls,
    appended,
    patches,
    config,
    user: { id: 7, displayName: 'Sanne de Vries', email: 'sanne.devries@igj.example', party, groupKeys: [`${party}-medewerkers`] },
    newId: () => 'toets-40',
    audit: { append: async (r) => void (calls.push('append'), appended.push(r)) },
    documents: library(calls, patches),
  };
}

/** The library in memory holding the native upload in IGJ's shared folder; its metadata writes are logged. */
function library(calls: string[], patches: Array<Partial<DocumentMetadata>>): MemoryLibrary {
  const lib = memoryLibrary(config, { userId: 7 });
  lib.seed({ id: native.id, folder: `${LIBRARY}/Gedeeld-igj`, name: native.name });
  const { writeMetadata } = lib;
  lib.writeMetadata = async (id, m, etag) => {
    calls.push('update');
    patches.push(m);
    return writeMetadata(id, m, etag);
  };
  return lib;
}

it('only the party that put the file there classifies it (art. 9.2); an unknown owner any party member', () => {
  expect(mayClassify(config, { party: 'igj' }, native)).toBe(true);
  expect(mayClassify(config, { party: 'cibg' }, native)).toBe(false);
  expect(mayClassify(config, { party: null }, native)).toBe(false);
  expect(mayClassify(config, { party: 'cibg' }, { party: undefined, author: undefined })).toBe(true);
});

it('allowed: the Toetslog record first, then the metadata', async () => {
  const d = deps('igj');
  const result = await classifyExisting(d, native, form(), scanWith({}));
  expect(result.decision.outcome).toBe('allowed');
  expect(d.calls).toEqual(['append', 'update']);
  expect(d.appended[0]).toMatchObject({ toetsId: 'toets-40', decision: 'toegestaan', fileName: native.name, party: 'igj' });
  expect(d.patches[0]).toMatchObject({ toetsstatus: 'Toegestaan', party: 'igj', toetsId: 'toets-40' });
  expect(result.document).toMatchObject({ toetsstatus: 'Toegestaan', version: '1.0' });
});

it('refused: kept from the other party as Afgewezen in the own party (never left readable to all)', async () => {
  const d = deps('igj');
  const result = await classifyExisting(d, native, form(), scanWith({ bsn: 2 }));
  expect(result.decision.outcome).toBe('refused');
  expect(d.appended[0]).toMatchObject({ decision: 'geweigerd', findings: [{ kind: 'bsn', count: 2 }] });
  expect(d.patches[0]).toMatchObject({ toetsstatus: 'Afgewezen', party: 'igj', classification: 'intern' });
  // Metadata where it is, then the move into the party's review folder (staff may add there, not edit).
  expect(result.document.serverRelativeUrl).toBe(`${LIBRARY}/Review-igj/Sleep-upload.txt`);
});

it('the other party cannot classify it, and nothing is written', async () => {
  const d = deps('cibg');
  await expect(classifyExisting(d, native, form(), scanWith({}))).rejects.toThrow(/alleen die partij classificeert het \(art\. 9\.2\)/);
  expect(d.calls).toEqual([]);
});
