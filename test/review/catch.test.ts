/** Classifying a file already in the library: who may, and the order record → metadata (issue 4). */
import type { AuditRecord, DocumentMetadata, ExchangeDocument } from '../../src/ports';
import { classifyExisting, mayClassify, type ClassifyDeps } from '../../src/review/catch';
import { form, scanWith } from '../upload/fixtures';
import { loadConfigFixture } from '../helpers/config';

const config = loadConfigFixture();

const native: ExchangeDocument = {
  id: 40,
  name: 'Sleep-upload.txt',
  serverRelativeUrl: '/sites/s/Uitwisseling/Sleep-upload.txt',
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
    documents: {
      updateMetadata: async (_id, patch) => {
        calls.push('update');
        patches.push(patch);
        return { ...native, ...patch } as ExchangeDocument;
      },
    },
  };
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
});

it('refused: kept from the other party as Afgewezen in the own party (never left readable to all)', async () => {
  const d = deps('igj');
  const result = await classifyExisting(d, native, form(), scanWith({ bsn: 2 }));
  expect(result.decision.outcome).toBe('refused');
  expect(d.appended[0]).toMatchObject({ decision: 'geweigerd', findings: [{ kind: 'bsn', count: 2 }] });
  expect(d.patches[0]).toMatchObject({ toetsstatus: 'Afgewezen', party: 'igj', classification: 'intern' });
});

it('the other party cannot classify it, and nothing is written', async () => {
  const d = deps('cibg');
  await expect(classifyExisting(d, native, form(), scanWith({}))).rejects.toThrow(/alleen die partij classificeert het \(art\. 9\.2\)/);
  expect(d.calls).toEqual([]);
});
