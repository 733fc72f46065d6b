/**
 * The integrity check (AVG art. 5(2)): what the other party reads must be backed by a record the right person wrote,
 * about exactly those bytes, in the schema's folders and lists.
 */
import {
  FINDING_KINDS,
  checkIntegrity,
  countByKind,
  recordChecks,
  type IntegrityInput,
  type SharedFile,
} from '../../src/integrity';
import type { AuditRecord, ToetslogEntry } from '../../src/ports';
import { loadConfigFixture } from '../helpers/config';

const config = loadConfigFixture();
const sanne = { id: 7, displayName: 'Sanne de Vries', email: 'sanne.devries@igj.example' };
const bram = { id: 8, displayName: 'Bram Jansen', email: 'bram.jansen@cibg.example' };
const fatima = { id: 11, displayName: 'Fatima El Amrani', email: 'fatima.elamrani@igj.example' };
const johan = { id: 12, displayName: 'Johan Smit', email: 'johan.smit@cibg.example' };
const restricted = config.classification.levels.find((l) => l.restricted)!;
const open = config.classification.levels.find((l) => !l.restricted)!;

function record(over: Partial<AuditRecord> & Pick<AuditRecord, 'toetsId' | 'decision'>): AuditRecord {
  return {
    at: '2026-11-01T10:00:00Z',
    user: sanne,
    author: sanne,
    party: 'igj',
    fileName: 'brief.pdf',
    ruleVersion: 'igj-cibg@1',
    answers: { classification: open.key },
    findings: [],
    reasons: [],
    contentHash: 'aaa',
    ...over,
  };
}

const file: SharedFile = {
  id: 1,
  name: 'brief.pdf',
  serverRelativeUrl: '/sites/s/Uitwisseling/Gedeeld-igj/brief.pdf',
  party: 'igj',
  folderKind: 'shared',
  classification: open.key,
  toetsId: 't1',
  toetsstatus: 'Toegestaan',
  modified: '2026-11-02T10:00:00Z',
  editor: sanne,
  publishedHash: 'aaa',
};

function entry(toetsId: string, author = sanne, over: Partial<ToetslogEntry> = {}): ToetslogEntry {
  return { itemId: 1, toetsId, decision: 'toegestaan', fileName: 'brief.pdf', created: '2026-11-01T10:00:00Z', author, ...over };
}

function input(over: Partial<IntegrityInput> = {}): IntegrityInput {
  return {
    config,
    files: [file],
    channelFiles: [],
    records: new Map([['t1', record({ toetsId: 't1', decision: 'toegestaan' })]]),
    reviews: new Map(),
    byName: new Map(),
    byHash: new Map(),
    privacyOfficers: new Map([
      ['igj', new Set([fatima.id])],
      ['cibg', new Set([johan.id])],
    ]),
    partyMembers: new Map([
      ['igj', new Set([sanne.id, fatima.id])],
      ['cibg', new Set([bram.id, johan.id])],
    ]),
    misplaced: [],
    outsideFolders: [],
    containers: [],
    siteAssetsFiles: [],
    duplicates: new Map([['t1', [entry('t1')]]]),
    ...over,
  };
}

/** The kinds found, in order. */
function kinds(over: Partial<IntegrityInput> = {}): string[] {
  return checkIntegrity(input(over)).map((f) => f.kind);
}

describe('checkIntegrity', () => {
  it('finds nothing on a clean site: an allowed file whose published bytes are its record\'s, a restricted one in its folder', () => {
    const vertrouwelijk: SharedFile = {
      ...file,
      id: 2,
      name: 'dossier.pdf',
      serverRelativeUrl: '/sites/s/Uitwisseling/Vertrouwelijk-igj/dossier.pdf',
      folderKind: 'restricted',
      classification: restricted.key,
      toetsId: 't2',
      publishedHash: 'bbb',
    };
    const t2 = record({ toetsId: 't2', decision: 'toegestaan', fileName: 'dossier.pdf', contentHash: 'bbb', answers: { classification: restricted.key } });
    expect(
      checkIntegrity(
        input({
          files: [file, vertrouwelijk],
          records: new Map([
            ['t1', record({ toetsId: 't1', decision: 'toegestaan' })],
            ['t2', t2],
          ]),
        }),
      ),
    ).toEqual([]);
  });

  it('flags a hand-published draft without a record, naming its status and who changed it last (art. 8, 9.2)', () => {
    const [f] = checkIntegrity(input({ files: [{ ...file, toetsId: undefined, toetsstatus: 'Te classificeren' }] }));
    expect(f.kind).toBe('no-record');
    expect(f.reason).toMatch(/Te classificeren.*art\. 8, 9\.2.*Sanne de Vries/);
    expect(f.reasonEn).toMatch(/Te classificeren.*art\. 8, 9\.2.*Sanne de Vries/);
  });

  it('flags a status set to Toegestaan by hand with a ToetsId that has no record', () => {
    expect(kinds({ records: new Map() })).toEqual(['record-missing']);
  });

  it('flags a record written by someone of the other party, or naming another person than SharePoint\'s Author', () => {
    const byOther = record({ toetsId: 't1', decision: 'toegestaan', author: bram, user: bram });
    expect(kinds({ records: new Map([['t1', byOther]]) })).toEqual(['record-mismatch']);
    const forged = record({ toetsId: 't1', decision: 'toegestaan', user: fatima, author: sanne });
    expect(checkIntegrity(input({ records: new Map([['t1', forged]]) }))[0].reason).toMatch(/noemt Fatima.*vastgelegd door Sanne/);
    const otherFile = record({ toetsId: 't1', decision: 'toegestaan', fileName: 'iets-anders.pdf' });
    expect(checkIntegrity(input({ records: new Map([['t1', otherFile]]) }))[0].reason).toMatch(/iets-anders\.pdf/);
  });

  describe('approvals (art. 9.2): only the party\'s own review list proves who approved', () => {
    const review = record({ toetsId: 't1', decision: 'review' });
    const records = new Map([['t1', review]]);

    it('needs an approval at all', () => {
      expect(kinds({ records })).toEqual(['not-approved']);
    });

    it('passes an approval from the review list of the file\'s party', () => {
      const proven = record({ toetsId: 't1-review-11', decision: 'goedgekeurd', reviewOf: 't1', user: fatima, author: fatima, proof: 'container' });
      expect(kinds({ records, reviews: new Map([['t1', [proven]]]) })).toEqual([]);
    });

    it('shows an approval found only in the Toetslog as unproven, even with a privacy officer as Author', () => {
      for (const proof of ['author', undefined] as const) {
        const legacy = record({ toetsId: 't1-review-11', decision: 'goedgekeurd', reviewOf: 't1', user: fatima, author: fatima, ...(proof ? { proof } : {}) });
        const [f] = checkIntegrity(input({ records, reviews: new Map([['t1', [legacy]]]) }));
        expect(f).toMatchObject({ kind: 'unproven-approval', rule: expect.stringMatching(/art\. 9\.2/) });
        expect(f.reason).toMatch(/Fatima El Amrani.*niet bewezen/);
        expect(f.reasonEn).toMatch(/Fatima El Amrani.*not proven/);
      }
    });

    it('flags an approval by someone who is no privacy officer of the party, or from another party\'s list', () => {
      const bySelf = record({ toetsId: 't1-review-7', decision: 'goedgekeurd', reviewOf: 't1' });
      expect(checkIntegrity(input({ records, reviews: new Map([['t1', [bySelf]]]) }))[0]).toMatchObject({
        kind: 'approved-by-wrong-person',
        reason: expect.stringMatching(/Sanne de Vries, geen privacy officer van IGJ/),
      });
      const otherList = record({ toetsId: 't1-review-12', decision: 'goedgekeurd', reviewOf: 't1', user: johan, author: johan, party: 'cibg', proof: 'container' });
      expect(kinds({ records, reviews: new Map([['t1', [otherList]]]) })).toEqual(['approved-by-wrong-person']);
    });

    it('checks the bytes of an approved file too', () => {
      const proven = record({ toetsId: 't1-review-11', decision: 'goedgekeurd', reviewOf: 't1', user: fatima, author: fatima, proof: 'container' });
      expect(kinds({ records, reviews: new Map([['t1', [proven]]]), files: [{ ...file, publishedHash: 'bad' }] })).toEqual([
        'content-mismatch',
      ]);
    });
  });

  it('flags a re-upload under the same name of a file that waits for review, unless its bytes differ', () => {
    const earlier = record({ toetsId: 't0', decision: 'review', contentHash: 'aaa' });
    const now = record({ toetsId: 't1', decision: 'toegestaan', contentHash: 'aaa' });
    const base = { records: new Map([['t1', now]]), byName: new Map([['brief.pdf', [now, earlier]]]) };
    expect(checkIntegrity(input(base))[0]).toMatchObject({ kind: 'resubmitted', reason: expect.stringMatching(/t0.*art\. 9\.2/) });
    const corrected = record({ toetsId: 't1', decision: 'toegestaan', contentHash: 'bbb' });
    expect(
      checkIntegrity(
        input({
          records: new Map([['t1', corrected]]),
          byName: new Map([['brief.pdf', [corrected, earlier]]]),
          files: [{ ...file, publishedHash: 'bbb' }],
        }),
      ),
    ).toEqual([]);
    // Without the earlier record's hash the name decides: what could not be checked is not passed.
    const noHash = record({ toetsId: 't0', decision: 'review', contentHash: undefined });
    expect(kinds({ byName: new Map([['brief.pdf', [record({ toetsId: 't1', decision: 'toegestaan' }), noHash]]]) })).toEqual([
      'resubmitted',
    ]);
  });

  it('flags the same bytes under a new name, found by SHA-256 (art. 9.2), unless that review was approved in the list', () => {
    const earlier = record({ toetsId: 't0', decision: 'review', fileName: 'origineel.pdf', contentHash: 'aaa' });
    const byHash = new Map([['aaa', [earlier]]]);
    expect(checkIntegrity(input({ byHash }))[0]).toMatchObject({
      kind: 'resubmitted',
      reason: expect.stringMatching(/als 'origineel\.pdf'.*t0/),
      reasonEn: expect.stringMatching(/as 'origineel\.pdf'.*t0/),
    });
    const refused = record({ toetsId: 't0', decision: 'geweigerd', fileName: 'origineel.pdf', contentHash: 'aaa' });
    expect(kinds({ byHash: new Map([['aaa', [refused]]]) })).toEqual(['resubmitted']);
    const approved = record({ toetsId: 't0-review-11', decision: 'goedgekeurd', reviewOf: 't0', user: fatima, author: fatima, proof: 'container' });
    expect(kinds({ byHash, reviews: new Map([['t0', [approved]]]) })).toEqual([]);
    const legacy = { ...approved, proof: 'author' as const };
    expect(kinds({ byHash, reviews: new Map([['t0', [legacy]]]) })).toEqual(['unproven-approval']);
    // The other party's earlier review of the same bytes is not this party's to approve.
    expect(kinds({ byHash: new Map([['aaa', [{ ...earlier, author: bram, user: bram }]]]) })).toEqual([]);
  });

  describe('the bytes the other party reads', () => {
    it('flags a record without SHA-256: nothing says what was decided on', () => {
      const [f] = checkIntegrity(input({ records: new Map([['t1', record({ toetsId: 't1', decision: 'toegestaan', contentHash: undefined })]]) }));
      expect(f).toMatchObject({ kind: 'no-hash', rule: expect.stringMatching(/AVG art\. 5 lid 2/) });
      expect(f.reasonEn).toMatch(/no SHA-256.*GDPR art\. 5\(2\)/);
    });

    it('flags published bytes that are not the bytes of the record (swapped after the check)', () => {
      const [f] = checkIntegrity(input({ files: [{ ...file, publishedHash: 'other' }] }));
      expect(f).toMatchObject({ kind: 'content-mismatch', reason: expect.stringMatching(/SHA-256 wijkt af.*Sanne de Vries/) });
    });

    it('does not judge bytes it did not read (they are counted as not checked by the run, never as fine)', () => {
      expect(kinds({ files: [{ ...file, publishedHash: undefined }] })).toEqual([]);
    });
  });

  describe('art. 10.1: a restricted level only in its party\'s restricted folder', () => {
    it('flags a restricted classification in the shared folder, by the column or by the record', () => {
      const [f] = checkIntegrity(input({ files: [{ ...file, classification: restricted.key }] }));
      expect(f).toMatchObject({ kind: 'restricted-outside', rule: 'art. 10.1' });
      expect(f.reason).toContain(restricted.label);
      expect(f.reasonEn).toMatch(/authorisation list \(art\. 10\.1\)/);
      // The column set back to an open level after the move: the record still says what was decided.
      const decidedRestricted = record({ toetsId: 't1', decision: 'toegestaan', answers: { classification: restricted.key } });
      expect(kinds({ records: new Map([['t1', decidedRestricted]]) })).toEqual(['restricted-outside']);
    });

    it('judges the record too: a restricted file without a record gets both findings', () => {
      expect(kinds({ files: [{ ...file, classification: restricted.key, toetsId: undefined }] })).toEqual([
        'restricted-outside',
        'no-record',
      ]);
    });
  });

  describe('only the schema\'s folders, lists and libraries', () => {
    it('flags a file in a subfolder of a party folder, naming the folder', () => {
      const [f] = checkIntegrity(
        input({
          files: [],
          misplaced: [
            {
              name: 'x.txt',
              serverRelativeUrl: '/sites/s/Uitwisseling/Gedeeld-igj/Review-igj/x.txt',
              modified: '2026-11-03T10:00:00Z',
              editor: sanne,
              party: 'igj',
              folder: 'Gedeeld-igj/Review-igj',
              published: true,
            },
          ],
        }),
      );
      expect(f).toMatchObject({ kind: 'file-in-subfolder', party: 'igj', reason: expect.stringMatching(/'Gedeeld-igj\/Review-igj'.*art\. 9\.5/) });
    });

    it('flags a file at the library root or in a folder outside the schema', () => {
      const found = checkIntegrity(
        input({
          files: [],
          misplaced: [
            { name: 'a.txt', serverRelativeUrl: '/sites/s/Uitwisseling/a.txt', modified: '', party: '', folder: '', published: true },
            { name: 'b.txt', serverRelativeUrl: '/sites/s/Uitwisseling/Los/b.txt', modified: '', party: '', folder: 'Los', published: false },
          ],
        }),
      );
      expect(found.map((f) => f.kind)).toEqual(['file-outside-schema', 'file-outside-schema']);
      expect(found[0].reason).toMatch(/hoofdmap/);
      expect(found[1].reason).toMatch(/'Los'.*concept/);
    });

    it('flags a folder the schema does not know: its name is read at once', () => {
      const [f] = checkIntegrity(
        input({
          files: [],
          outsideFolders: [
            {
              name: 'J. Jansen BSN 111222333',
              serverRelativeUrl: '/sites/s/Uitwisseling/Gedeeld-igj/J. Jansen BSN 111222333',
              path: 'Gedeeld-igj/J. Jansen BSN 111222333',
              party: 'igj',
            },
          ],
        }),
      );
      expect(f).toMatchObject({ kind: 'folder-outside-schema', fileName: 'J. Jansen BSN 111222333', party: 'igj' });
      expect(f.reason).toMatch(/mapnaam.*nooit een concept.*art\. 8, 9\.5/);
      expect(f.reasonEn).toMatch(/never a draft.*art\. 8, 9\.5/);
    });

    it('flags a list or library outside the schema that holds items, and Site Assets files', () => {
      const found = checkIntegrity(
        input({
          files: [],
          containers: [
            { title: 'Dossiers', url: '/sites/s/Dossiers', library: true, itemCount: 2, newest: { modified: '2026-11-05T10:00:00Z', editor: sanne } },
          ],
          siteAssetsFiles: [{ name: 'dossier.txt', serverRelativeUrl: '/sites/s/SiteAssets/dossier.txt', modified: '', author: sanne }],
        }),
      );
      expect(found.map((f) => f.kind)).toEqual(['foreign-container', 'site-assets-file']);
      expect(found[0].reason).toMatch(/Bibliotheek 'Dossiers'.*2 item.*Sanne de Vries op 2026-11-05/);
      expect(found[1].reason).toMatch(/Site Assets.*Sanne de Vries/);
    });

    it('flags channel files as shared around the check', () => {
      const found = checkIntegrity(
        input({ channelFiles: [{ name: 'x.docx', serverRelativeUrl: '/sites/s/Shared Documents/General/x.docx', modified: '', author: bram }] }),
      );
      expect(found).toEqual([expect.objectContaining({ kind: 'channel-file', reason: expect.stringMatching(/Bram Jansen/) })]);
    });
  });

  describe('AVG art. 5(2): one record per ToetsId', () => {
    it('flags a ToetsId held by two records, naming who wrote each', () => {
      const twins = new Map([['t9', [entry('t9'), entry('t9', bram, { decision: 'toegestaan', fileName: 'ander.pdf' })]]]);
      const found = checkIntegrity(input({ duplicates: twins }));
      expect(found).toEqual([expect.objectContaining({ kind: 'duplicate-toetsid', toetsId: 't9', url: '' })]);
      expect(found[0].reason).toMatch(/2 keer.*Sanne de Vries.*Bram Jansen/);
    });

    it('does not judge a shared file by a record whose ToetsId is held twice, and lists that ToetsId once', () => {
      const twins = new Map([['t1', [entry('t1'), entry('t1', sanne)]]]);
      expect(kinds({ duplicates: twins })).toEqual(['duplicate-toetsid']);
    });
  });

  it('says for every finding which article or rule it breaks, in Dutch and English', () => {
    const found = checkIntegrity(
      input({
        files: [
          { ...file, toetsId: undefined },
          { ...file, id: 3, toetsId: 't1', classification: restricted.key, publishedHash: 'x' },
        ],
        misplaced: [{ name: 'a', serverRelativeUrl: '/s/U/a', modified: '', party: '', folder: '', published: true }],
        outsideFolders: [{ name: 'f', serverRelativeUrl: '/s/U/f', path: 'f', party: '' }],
        containers: [{ title: 'L', url: '/s/L', library: false, itemCount: 1 }],
        siteAssetsFiles: [{ name: 's', serverRelativeUrl: '/s/SiteAssets/s', modified: '' }],
        duplicates: new Map([['t9', [entry('t9'), entry('t9')]]]),
        channelFiles: [{ name: 'c', serverRelativeUrl: '/s/D/c', modified: '' }],
      }),
    );
    expect(new Set(found.map((f) => f.kind)).size).toBeGreaterThanOrEqual(8);
    for (const f of found) {
      expect({ kind: f.kind, rule: f.rule }).toEqual({ kind: f.kind, rule: expect.stringMatching(/art\. \d/) });
      expect({ kind: f.kind, nl: f.reason }).toEqual({ kind: f.kind, nl: expect.stringContaining(f.rule.split(';')[0].split(' (')[0]) });
      expect({ kind: f.kind, en: f.reasonEn }).toEqual({ kind: f.kind, en: expect.stringMatching(/art\. \d/) });
      expect(f.reasonEn).not.toEqual(f.reason);
    }
  });

  it('counts findings by kind', () => {
    const counts = countByKind(checkIntegrity(input({ records: new Map() })));
    expect(counts['record-missing']).toBe(1);
    expect(Object.keys(counts).sort()).toEqual([...FINDING_KINDS].sort());
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(1);
  });
});

describe('recordChecks (the export\'s Controle column)', () => {
  it('marks a record naming another person than its Author, a review by a non-officer, and an unproven approval', () => {
    const checks = recordChecks(
      config,
      [
        record({ toetsId: 'a', decision: 'toegestaan', user: fatima, author: sanne }),
        record({ toetsId: 'b', decision: 'goedgekeurd', reviewOf: 'x' }),
        record({ toetsId: 'c', decision: 'goedgekeurd', reviewOf: 'y', user: fatima, author: fatima, proof: 'container' }),
        record({ toetsId: 'd', decision: 'goedgekeurd', reviewOf: 'z', user: fatima, author: fatima }),
      ],
      new Map([['igj', new Set([fatima.id])]]),
    );
    expect(checks.get('a')).toMatch(/vastgelegd door Sanne de Vries, noemt Fatima/);
    expect(checks.get('b')).toMatch(/geen privacy officer van IGJ/);
    expect(checks.has('c')).toBe(false);
    expect(checks.get('d')).toMatch(/alleen in de Toetslog.*niet bewezen \(art\. 9\.2\)/);
  });

  it('knows people by site user id: an e-mail or name changed to a privacy officer\'s makes nobody one', () => {
    // A user may change the e-mail and name of their own site user entry; the id stays theirs.
    const impostor = { id: 99, displayName: fatima.displayName, email: fatima.email };
    const checks = recordChecks(
      config,
      [record({ toetsId: 'e', decision: 'goedgekeurd', reviewOf: 'q', user: impostor, author: impostor })],
      new Map([['igj', new Set([fatima.id])]]),
    );
    expect(checks.get('e')).toMatch(/geen privacy officer van IGJ/);
    const findings = checkIntegrity(
      input({ records: new Map([['t1', record({ toetsId: 't1', decision: 'toegestaan', author: { ...impostor, email: sanne.email } })]]) }),
    );
    expect(findings.map((f) => f.kind)).toContain('record-mismatch');
  });

  it('marks a ToetsId held by more than one record', () => {
    const checks = recordChecks(
      config,
      [record({ toetsId: 'a', decision: 'toegestaan' }), record({ toetsId: 'a', decision: 'toegestaan', author: bram, user: bram })],
      new Map(),
    );
    expect(checks.get('a')).toMatch(/2 keer.*AVG art\. 5 lid 2/);
  });
});
