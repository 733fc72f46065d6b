/** The privacy officer's review (art. 9.2) and the Toetslog CSV export (AVG art. 5(2)). */
import type { AuditRecord, ExchangeDocument } from '../../src/ports';
import { auditCsv, mayReview, reviewDocument, ReviewRefusedError, type ReviewDeps } from '../../src/upload';
import { config } from './fixtures';

const pending: ExchangeDocument = {
  id: 12,
  name: 'Verificatie.txt',
  serverRelativeUrl: '/sites/s/Uitwisseling/Review-igj/Verificatie.txt',
  toetsstatus: 'In review',
  party: 'igj',
  categories: ['identificatie'],
  confidential: false,
  toetsId: 't-1',
  created: '',
  modified: '',
  etag: '"3"',
};

function deps(groupKeys: string[]): ReviewDeps & { records: AuditRecord[]; updates: unknown[] } {
  const records: AuditRecord[] = [];
  const updates: unknown[] = [];
  return {
    config,
    records,
    updates,
    user: { id: 9, displayName: 'Fatima El Amrani', email: 'fatima.elamrani@igj.example', party: 'igj', groupKeys },
    now: () => new Date('2026-11-23T12:00:00Z'),
    audit: {
      append: async (r) => void (records.some((x) => x.toetsId === r.toetsId) || records.push(r)),
      get: async (id) => (id === 't-1' ? ({ ruleVersion: 'igj-cibg@x', findings: [{ kind: 'bsn', count: 1 }] } as AuditRecord) : null),
    },
    documents: {
      updateMetadata: async (id, patch, etag) => {
        updates.push({ id, patch, etag });
        return { ...pending, ...patch } as ExchangeDocument;
      },
    },
  };
}

describe('reviewDocument', () => {
  it('only the privacy officer of the sharing party may review (art. 9.2)', async () => {
    expect(mayReview(config, { groupKeys: ['igj-privacy'] }, pending)).toBe(true);
    expect(mayReview(config, { groupKeys: ['cibg-privacy'] }, pending)).toBe(false);
    await expect(reviewDocument(deps(['cibg-privacy', 'vertrouwelijk']), pending, 'approved', '')).rejects.toThrow(
      /Alleen de privacy officer van IGJ.*art\. 9\.2/,
    );
  });

  it('approve: logs goedgekeurd with the original findings, then sets Toegestaan with the etag', async () => {
    const d = deps(['igj-privacy']);
    const after = await reviewDocument(d, pending, 'approved', 'Noodzakelijk en binnen het doel.');
    expect(after.toetsstatus).toBe('Toegestaan');
    expect(d.records[0]).toMatchObject({
      toetsId: 't-1:goedgekeurd',
      decision: 'goedgekeurd',
      reviewNote: 'Noodzakelijk en binnen het doel.',
      findings: [{ kind: 'bsn', count: 1 }],
      ruleVersion: 'igj-cibg@x',
    });
    expect(d.updates).toEqual([{ id: 12, patch: { toetsstatus: 'Toegestaan' }, etag: '"3"' }]);
  });

  it('reject needs a note; it sets Afgewezen (the file stays with the sharing party)', async () => {
    const d = deps(['igj-privacy']);
    await expect(reviewDocument(d, pending, 'rejected', '  ')).rejects.toBeInstanceOf(ReviewRefusedError);
    expect(d.records).toHaveLength(0);
    const after = await reviewDocument(d, pending, 'rejected', 'BSN doorhalen en opnieuw delen.');
    expect(after.toetsstatus).toBe('Afgewezen');
    expect(d.records[0]).toMatchObject({ decision: 'afgewezen', reviewNote: 'BSN doorhalen en opnieuw delen.' });
  });

  it('refuses to review a document that is not in review', async () => {
    await expect(reviewDocument(deps(['igj-privacy']), { ...pending, toetsstatus: 'Toegestaan' }, 'approved', '')).rejects.toThrow(
      /wacht niet \(meer\) op review/,
    );
  });
});

describe('auditCsv', () => {
  it('one line per record, semicolons, quoting, findings as kinds and counts, formulas neutralised', () => {
    const csv = auditCsv([
      {
        toetsId: 't-1',
        at: '2026-11-23T10:00:00.000Z',
        user: { id: 7, displayName: 'Sanne de Vries', email: 'sanne.devries@igj.example' },
        party: 'igj',
        fileName: '=HYPERLINK("x");notitie.txt',
        decision: 'geweigerd',
        ruleVersion: 'igj-cibg@2025-06+doelbinding/1',
        answers: { containsPersonalData: false },
        findings: [{ kind: 'bsn', count: 2 }],
        reasons: [{ article: 'art. 9.1; seed 004', text: '2× BSN gevonden' }],
      },
    ]);
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0].split(';')[0]).toBe('ToetsId');
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"");notitie.txt"`);
    expect(lines[1]).toContain(';bsn: 2;');
    expect(lines[1]).toContain('"art. 9.1; seed 004: 2× BSN gevonden"');
  });
});
