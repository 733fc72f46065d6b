/** The integrity check (AVG art. 5(2)): a file the other party reads must be backed by a record the right person wrote. */
import { checkIntegrity, recordChecks, type IntegrityInput, type SharedFile } from '../../src/integrity';
import type { AuditRecord } from '../../src/ports';
import { loadConfigFixture } from '../helpers/config';

const config = loadConfigFixture();
const sanne = { id: 7, displayName: 'Sanne de Vries', email: 'sanne.devries@igj.example' };
const bram = { id: 8, displayName: 'Bram Jansen', email: 'bram.jansen@cibg.example' };
const fatima = { id: 11, displayName: 'Fatima El Amrani', email: 'fatima.elamrani@igj.example' };

function record(over: Partial<AuditRecord> & Pick<AuditRecord, 'toetsId' | 'decision'>): AuditRecord {
  return {
    at: '2026-11-01T10:00:00Z',
    user: sanne,
    author: sanne,
    party: 'igj',
    fileName: 'brief.pdf',
    ruleVersion: 'igj-cibg@1',
    answers: {},
    findings: [],
    reasons: [],
    ...over,
  };
}

const file: SharedFile = {
  id: 1,
  name: 'brief.pdf',
  serverRelativeUrl: '/sites/s/Uitwisseling/Gedeeld-igj/brief.pdf',
  party: 'igj',
  toetsId: 't1',
  toetsstatus: 'Toegestaan',
  modified: '2026-11-02T10:00:00Z',
  editor: sanne,
};

function input(over: Partial<IntegrityInput> = {}): IntegrityInput {
  return {
    config,
    files: [file],
    channelFiles: [],
    records: new Map([['t1', record({ toetsId: 't1', decision: 'toegestaan' })]]),
    reviews: new Map(),
    byName: new Map(),
    privacyOfficers: new Map([
      ['igj', new Set(['fatima.elamrani@igj.example'])],
      ['cibg', new Set(['johan.smit@cibg.example'])],
    ]),
    ...over,
  };
}

describe('checkIntegrity', () => {
  it('passes an allowed file backed by its own party member\'s record', () => {
    expect(checkIntegrity(input())).toEqual([]);
  });

  it('flags a hand-published draft without a record, naming its status and who changed it last (art. 8, 9.2)', () => {
    const [f] = checkIntegrity(input({ files: [{ ...file, toetsId: undefined, toetsstatus: 'Te classificeren' }] }));
    expect(f.kind).toBe('no-record');
    expect(f.reason).toMatch(/Te classificeren.*art\. 8, 9\.2.*Sanne de Vries/);
  });

  it('flags a status set to Toegestaan by hand with a ToetsId that has no record', () => {
    const [f] = checkIntegrity(input({ records: new Map() }));
    expect(f.kind).toBe('record-missing');
  });

  it('flags a record written by someone of the other party, or naming another person than SharePoint\'s Author', () => {
    const byOther = record({ toetsId: 't1', decision: 'toegestaan', author: bram, user: bram });
    expect(checkIntegrity(input({ records: new Map([['t1', byOther]]) }))[0].kind).toBe('record-mismatch');
    const forged = record({ toetsId: 't1', decision: 'toegestaan', user: fatima, author: sanne });
    expect(checkIntegrity(input({ records: new Map([['t1', forged]]) }))[0].reason).toMatch(/noemt Fatima.*vastgelegd door Sanne/);
    const otherFile = record({ toetsId: 't1', decision: 'toegestaan', fileName: 'iets-anders.pdf' });
    expect(checkIntegrity(input({ records: new Map([['t1', otherFile]]) }))[0].reason).toMatch(/iets-anders\.pdf/);
  });

  it('needs a privacy officer\'s approval for a file that went to review (art. 9.2)', () => {
    const review = record({ toetsId: 't1', decision: 'review' });
    const records = new Map([['t1', review]]);
    expect(checkIntegrity(input({ records }))[0].kind).toBe('not-approved');
    const bySelf = record({ toetsId: 't1-review-7', decision: 'goedgekeurd', reviewOf: 't1' });
    expect(checkIntegrity(input({ records, reviews: new Map([['t1', [bySelf]]]) }))[0]).toMatchObject({
      kind: 'approved-by-wrong-person',
      reason: expect.stringMatching(/Sanne de Vries, geen privacy officer van IGJ/),
    });
    const byOfficer = record({ toetsId: 't1-review-11', decision: 'goedgekeurd', reviewOf: 't1', user: fatima, author: fatima });
    expect(checkIntegrity(input({ records, reviews: new Map([['t1', [byOfficer]]]) }))).toEqual([]);
  });

  it('flags a re-upload under the same name of a file that waits for review, unless its bytes differ', () => {
    const earlier = record({ toetsId: 't0', decision: 'review', contentHash: 'aaa' });
    const now = record({ toetsId: 't1', decision: 'toegestaan', contentHash: 'aaa' });
    const base = { records: new Map([['t1', now]]), byName: new Map([['brief.pdf', [now, earlier]]]) };
    expect(checkIntegrity(input(base))[0]).toMatchObject({ kind: 'resubmitted', reason: expect.stringMatching(/t0.*art\. 9\.2/) });
    const corrected = record({ toetsId: 't1', decision: 'toegestaan', contentHash: 'bbb' });
    expect(
      checkIntegrity(input({ records: new Map([['t1', corrected]]), byName: new Map([['brief.pdf', [corrected, earlier]]]) })),
    ).toEqual([]);
    // Without hashes the name decides: what could not be checked is not passed.
    const noHash = record({ toetsId: 't1', decision: 'toegestaan' });
    expect(
      checkIntegrity(input({ records: new Map([['t1', noHash]]), byName: new Map([['brief.pdf', [noHash, earlier]]]) }))[0].kind,
    ).toBe('resubmitted');
  });

  it('lists files in a Teams channel folder as shared around the check', () => {
    const found = checkIntegrity(
      input({ channelFiles: [{ name: 'x.docx', serverRelativeUrl: '/sites/s/Shared Documents/General/x.docx', modified: '', author: bram }] }),
    );
    expect(found).toEqual([expect.objectContaining({ kind: 'channel-file', reason: expect.stringMatching(/Bram Jansen/) })]);
  });
});

describe('recordChecks (the export\'s Controle column)', () => {
  it('marks a record naming another person than its Author, and a review by a non-officer', () => {
    const checks = recordChecks(
      config,
      [
        record({ toetsId: 'a', decision: 'toegestaan', user: fatima, author: sanne }),
        record({ toetsId: 'b', decision: 'goedgekeurd', reviewOf: 'x' }),
        record({ toetsId: 'c', decision: 'goedgekeurd', reviewOf: 'y', user: fatima, author: fatima }),
      ],
      new Map([['igj', new Set(['fatima.elamrani@igj.example'])]]),
    );
    expect(checks.get('a')).toMatch(/vastgelegd door Sanne de Vries, noemt Fatima/);
    expect(checks.get('b')).toMatch(/geen privacy officer van IGJ/);
    expect(checks.has('c')).toBe(false);
  });
});
