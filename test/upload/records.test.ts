/** Metadata and Toetslog record of a decision, and the upload-only reasons (art. 10.1, unscannable files). */
import { auditRecordFor, decideFile, mayStoreRestricted, metadataFor } from '../../src/upload';
import { config, form, scanWith } from './fixtures';

const igj = { party: 'igj', groupKeys: ['igj-medewerkers', 'igj-vertrouwelijk'] };
const now = new Date('2026-11-23T10:00:00Z');

describe('decideFile', () => {
  it('an unscannable file is never allowed on the answers alone: review by the privacy officer (art. 9.2)', () => {
    const scan = {
      findings: [],
      scannedChars: 0,
      unsupported: { reason: 'x / y', nl: '.png: afbeelding', en: '.png: image' },
    };
    const d = decideFile(config, form(), scan, igj);
    expect(d.outcome).toBe('review');
    expect(d.reasons.find((r) => r.code === 'scan_unsupported')).toMatchObject({
      outcome: 'review',
      source: 'art. 9.2; seed 004',
      nl: expect.stringMatching(/^niet gescand: \.png: afbeelding; wat niet gelezen is, telt niet als "geen persoonsgegevens"/),
    });
  });

  it('the recipients are the other parties: a purpose that does not send to them refuses (art. 8)', () => {
    const d = decideFile(
      config,
      form({
        answers: {
          containsPersonalData: true,
          activityKey: 'registerinformatie-toezicht', // recipients: igj only
          categories: ['naw'],
          necessity: 'Nodig voor het toezicht op deze zorgverlener.',
          lessDataPossible: false,
        },
      }),
      scanWith({}),
      igj,
    );
    expect(d.reasons.map((r) => r.code)).toContain('recipient_outside_purpose');
  });
});

describe("mayStoreRestricted (art. 10.1: only a party's own vertrouwelijk group edits its restricted folder)", () => {
  const partyLess = {
    ...config,
    groups: config.groups.map((g) => (g.key === 'igj-vertrouwelijk' ? { ...g, party: undefined } : g)),
  };
  const restricted = form({ classification: 'departementaal-vertrouwelijk' });

  it('is true for a member of the vertrouwelijk group of their own party', () => {
    expect(mayStoreRestricted(config, igj)).toBe(true);
    expect(mayStoreRestricted(config, { party: 'cibg', groupKeys: ['cibg-medewerkers', 'cibg-vertrouwelijk'] })).toBe(
      true,
    );
  });

  it("is false in another party's vertrouwelijk group, and without any", () => {
    expect(mayStoreRestricted(config, { party: 'igj', groupKeys: ['igj-medewerkers', 'cibg-vertrouwelijk'] })).toBe(
      false,
    );
    expect(mayStoreRestricted(config, { party: 'igj', groupKeys: ['igj-medewerkers', 'igj-privacy'] })).toBe(false);
    expect(mayStoreRestricted(config, { party: null, groupKeys: ['igj-vertrouwelijk'] })).toBe(false);
  });

  it('is false in a vertrouwelijk group without a party', () => {
    expect(mayStoreRestricted(partyLess, igj)).toBe(false);
  });

  it('is true for an owner of the space, of any party or none', () => {
    expect(mayStoreRestricted(config, { party: null, groupKeys: ['eigenaars'] })).toBe(true);
    expect(mayStoreRestricted(config, { party: 'cibg', groupKeys: ['eigenaars'] })).toBe(true);
  });

  it("the refusal names the party's own group (art. 10.1); with a party-less group: the party has none", () => {
    const other = decideFile(config, restricted, scanWith({}), { party: 'igj', groupKeys: ['cibg-vertrouwelijk'] });
    expect(other.outcome).toBe('refused');
    expect(other.reasons[0]).toMatchObject({ code: 'not_on_autorisatielijst', source: 'art. 10.1' });
    expect(other.reasons[0].nl).toContain("niet in 'IGJ Autorisatielijst Vertrouwelijk', de autorisatielijstgroep");
    expect(other.reasons[0].en).toContain("your party's autorisatielijst group");
    const none = decideFile(partyLess, restricted, scanWith({}), igj);
    expect(none.outcome).toBe('refused');
    expect(none.reasons[0]).toMatchObject({ code: 'not_on_autorisatielijst', source: 'art. 10.1' });
    expect(none.reasons[0].nl).toContain('uw partij heeft geen eigen autorisatielijstgroep');
    expect(decideFile(config, restricted, scanWith({}), igj).reasons.map((r) => r.code)).not.toContain(
      'not_on_autorisatielijst',
    );
  });
});

describe('metadataFor and auditRecordFor', () => {
  it('no metadata for a refusal; an allowed personal-data file gets purpose, categories and a retention date', () => {
    const f = form({
      classification: 'intern',
      answers: {
        containsPersonalData: true,
        activityKey: 'registerinformatie-toezicht',
        categories: ['naw', 'big-gegevens'],
        necessity: 'Nodig voor het toezicht op deze zorgverlener.',
        lessDataPossible: false,
      },
    });
    expect(metadataFor(config, f, { outcome: 'refused', reasons: [], ruleVersion: 'v' }, 'igj', 't', now)).toBeNull();
    const m = metadataFor(config, f, { outcome: 'allowed', reasons: [], ruleVersion: 'v' }, 'igj', 't', now);
    // seed 004: registerinformatie-toezicht is kept 1 year after its trigger; the upload is the earliest trigger.
    expect(m).toEqual({
      documentType: 'overlegstuk',
      classification: 'intern',
      toetsstatus: 'Toegestaan',
      activity: 'registerinformatie-toezicht',
      categories: ['naw', 'big-gegevens'],
      party: 'igj',
      // Two parties: the uploader chose nothing, so the one other party reads it (art. 8, 9.5).
      recipients: ['cibg'],
      retainUntil: '2027-11-23',
      confidential: false,
      toetsId: 't',
    });
  });

  it('the record keeps kinds and counts only, the answers, every reason with its article, and says when unscanned', () => {
    const scan = {
      ...scanWith({ email: 2 }),
      findings: [{ kind: 'email' as const, count: 2, positions: [{ start: 1, end: 9 }] }],
    };
    const decision = decideFile(config, form(), scan, igj);
    const r = auditRecordFor({
      toetsId: 't',
      now,
      user: { id: 7, displayName: 'Sanne de Vries' },
      party: 'igj',
      fileName: 'a.txt',
      form: form(),
      scan,
      decision,
    });
    expect(r.findings).toEqual([{ kind: 'email', count: 2 }]);
    expect(r.answers).toEqual({
      documentType: 'overlegstuk',
      classification: 'intern',
      confidential: false,
      containsPersonalData: false,
      scanned: true,
    });
    expect(r.decision).toBe('review');
    expect(r.reasons[0]).toEqual({
      article: 'art. 9.1; seed 004',
      text: expect.stringMatching(/2× e-mailadres gevonden/),
    });
  });
});
