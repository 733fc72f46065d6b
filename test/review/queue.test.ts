/** The queue holds only the reviewer's own party's files in review (art. 9.2); outcomes join the uploader's records. */
import type { AuditRecord, DocumentQuery, ExchangeDocument, Page } from '../../src/ports';
import { loadOutcomes, loadQueue } from '../../src/review/queue';
import { loadConfigFixture } from '../helpers/config';

const config = loadConfigFixture();

function doc(id: number, party: string, toetsstatus: ExchangeDocument['toetsstatus']): ExchangeDocument {
  return { id, name: `d${id}.txt`, serverRelativeUrl: `/d${id}.txt`, toetsstatus, categories: [], party, confidential: false, toetsId: `t-${id}`, created: '', modified: '', etag: '*' };
}

function record(toetsId: string): AuditRecord {
  return { toetsId, at: '2026-11-23T10:00:00Z', user: { id: 1, displayName: 'x' }, party: 'igj', fileName: 'f', decision: 'review', ruleVersion: 'r', answers: {}, findings: [], reasons: [] };
}

const library = [doc(1, 'igj', 'In review'), doc(2, 'cibg', 'In review'), doc(3, 'igj', 'Toegestaan')];

const documents = {
  queries: [] as DocumentQuery[],
  async list(q: DocumentQuery): Promise<Page<ExchangeDocument>> {
    documents.queries.push(q);
    const inView = q.view === 'in-review' ? library.filter((d) => d.toetsstatus === 'In review') : library;
    return { items: inView.filter((d) => !q.party || d.party === q.party) };
  },
};

it('a privacy officer of IGJ gets the IGJ files in review with their records; staff get no queue', async () => {
  const gets: string[] = [];
  const audit = { get: async (id: string) => (gets.push(id), record(id)) };
  const queue = await loadQueue({ config, documents, audit }, { groupKeys: ['igj-privacy'], isSiteAdmin: false });
  expect(queue.map((e) => e.document.id)).toEqual([1]);
  expect(queue[0].record?.toetsId).toBe('t-1');
  expect(documents.queries.at(-1)).toMatchObject({ view: 'in-review', party: 'igj' });
  expect(await loadQueue({ config, documents, audit }, { groupKeys: ['igj-medewerkers'], isSiteAdmin: false })).toEqual([]);
});

it('outcomes: records from the log page, older ones looked up by ToetsId', async () => {
  const gets: string[] = [];
  const audit = {
    list: async () => ({ items: [record('t-1')] }),
    get: async (id: string) => (gets.push(id), id === 't-3' ? record('t-3') : null),
  };
  const outcomes = await loadOutcomes({ documents, audit });
  expect(outcomes.map((o) => [o.document?.id, o.record?.toetsId ?? null])).toEqual([
    [1, 't-1'],
    [2, null],
    [3, 't-3'],
  ]);
  expect(gets.sort()).toEqual(['t-2', 't-3']);
});
