/** Metadata and Toetslog record of a decision, and the upload-only reasons (art. 10.1, unscannable files). */
import { auditRecordFor, decideFile, metadataFor } from '../../src/upload';
import { config, form, scanWith } from './fixtures';

const igj = { party: 'igj', groupKeys: ['igj-medewerkers', 'vertrouwelijk'] };
const now = new Date('2026-11-23T10:00:00Z');

describe('decideFile', () => {
  it('an unscannable file is decided on the answers alone and says so (seed 004)', () => {
    const scan = {
      findings: [],
      scannedChars: 0,
      unsupported: { reason: 'x / y', nl: '.png: afbeelding', en: '.png: image' },
    };
    const d = decideFile(config, form(), scan, igj);
    expect(d.outcome).toBe('allowed');
    expect(d.reasons.find((r) => r.code === 'scan_unsupported')).toMatchObject({
      source: 'seed 004',
      nl: 'niet gescand: .png: afbeelding; uw antwoorden gelden zonder controle',
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
