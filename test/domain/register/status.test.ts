import {
  allowedNext,
  checkEdit,
  dvaExpiring,
  needsEvaluation,
  newRecord,
  ownersOf,
  replaceSuperseded,
  transition,
  validateRecord,
  withDerivedDates,
  type RegisterRecord,
} from '../../../src/domain/register';
import { loadConfigFixture } from '../../helpers/config';

const config = loadConfigFixture();
const today = '2026-03-01';

/** The IGJ–CIBG agreement as signed on 4 June 2025, in force. */
function inForce(over: Partial<RegisterRecord> = {}): RegisterRecord {
  return {
    ...newRecord(config, 'samenwerkingsovereenkomst'),
    id: 1,
    title: 'Samenwerkingsovereenkomst IGJ–CIBG',
    version: '1.0',
    status: 'in werking',
    signedOn: '2025-06-04',
    signedAt: 'Utrecht',
    publishedOn: '2025-06-20',
    staatscourant: 'Stcrt. 2025, 18342',
    effectiveFrom: '2025-06-21',
    evaluationDue: '2026-06-21',
    ...over,
  };
}

/** A change (version 2.0) that supersedes record 1. */
function change(over: Partial<RegisterRecord> = {}): RegisterRecord {
  return {
    ...newRecord(config, 'samenwerkingsovereenkomst'),
    id: 2,
    title: 'Wijziging',
    version: '2.0',
    supersedesId: 1,
    status: 'in overleg',
    ...over,
  };
}

const fields = (r: { ok: boolean; error?: unknown }): string[] =>
  r.ok
    ? []
    : (r as { error: Array<{ field: string; article?: string }> }).error.map((e) =>
        `${e.field} ${e.article ?? ''}`.trim(),
      );

describe('register dates', () => {
  it('effective date is the day after Staatscourant publication and evaluation one year later (art. 14.1, 13.2)', () => {
    const r = withDerivedDates(
      inForce({ effectiveFrom: undefined, evaluationDue: undefined, publishedOn: '2025-12-31' }),
      config,
    );
    expect(r.effectiveFrom).toBe('2026-01-01');
    expect(r.evaluationDue).toBe('2027-01-01');
  });

  it('a DVA expires at the end of its year (art. 12) and shows as expiring within 90 days', () => {
    const dva = withDerivedDates({ ...newRecord(config, 'dva'), title: 'DVA 2026', details: { year: 2026 } }, config);
    expect(dva.expiresOn).toBe('2026-12-31');
    expect(dvaExpiring({ ...dva, status: 'in werking' }, '2026-10-02')).toBe(true);
    expect(dvaExpiring({ ...dva, status: 'in werking' }, '2026-09-01')).toBe(false);
    expect(dvaExpiring({ ...dva, status: 'vervangen' }, '2026-12-30')).toBe(false);
  });

  it('evaluation is needed from 60 days before the due date, only while in force', () => {
    expect(needsEvaluation(inForce(), '2026-04-22')).toBe(true);
    expect(needsEvaluation(inForce(), '2026-04-21')).toBe(false);
    expect(needsEvaluation(inForce({ status: 'beëindigd' }), '2026-07-01')).toBe(false);
  });

  it("a record already 'te evalueren' needs evaluation whatever its due date (art. 13.2)", () => {
    expect(needsEvaluation(inForce({ status: 'te evalueren' }), '2026-04-22')).toBe(true);
    expect(needsEvaluation(inForce({ status: 'te evalueren' }), '2025-07-01')).toBe(true);
    expect(needsEvaluation(inForce({ status: 'te evalueren', evaluationDue: undefined }), '2025-07-01')).toBe(true);
    expect(needsEvaluation(inForce({ evaluationDue: undefined }), '2026-07-01')).toBe(false);
  });
});

describe('register validation names field and article', () => {
  it('refuses an effective date that is not the day after publication (art. 14.1)', () => {
    const errors = validateRecord(inForce({ effectiveFrom: '2025-06-20' }), config);
    expect(errors).toEqual([expect.objectContaining({ field: 'effectiveFrom', article: 'art. 14.1' })]);
    expect(errors[0].message.nl).toContain('2025-06-21');
  });

  it('needs a DVA year (art. 12), accounthouder per party (art. 5) and known parties', () => {
    const r: RegisterRecord = {
      ...newRecord(config, 'dva'),
      title: 'DVA',
      parties: ['igj', 'cibg', 'om'],
      accounthouders: { igj: { functionTitle: '' } },
    };
    const got = validateRecord(r, config).map((e) => `${e.field} ${e.article ?? ''}`.trim());
    expect(got).toEqual(expect.arrayContaining(['details.year art. 12', 'accounthouders art. 5', 'parties']));
  });

  it('an in-force record of the agreement itself needs publication (art. 14.1)', () => {
    const got = validateRecord(inForce({ publishedOn: undefined, staatscourant: undefined }), config).map(
      (e) => e.field,
    );
    expect(got).toEqual(expect.arrayContaining(['publishedOn', 'staatscourant']));
  });
});

describe('status machine', () => {
  it('the agreement itself goes ondertekend → gepubliceerd → in werking, never skipping publication (art. 14.1)', () => {
    const signed: RegisterRecord = {
      ...newRecord(config, 'samenwerkingsovereenkomst'),
      title: 'SO',
      version: '1.0',
      status: 'ondertekend',
      signedOn: '2025-06-04',
      signedAt: 'Utrecht',
    };
    expect(allowedNext(signed)).not.toContain('in werking');
    const skip = transition(signed, 'in werking', config, { today });
    expect(fields(skip)).toEqual(['status art. 14.1']);
    const noRef = transition({ ...signed, publishedOn: '2025-06-20' }, 'gepubliceerd', config, { today });
    expect(fields(noRef)).toEqual(['staatscourant art. 14.1']);
    const pub = transition(
      { ...signed, publishedOn: '2025-06-20', staatscourant: 'Stcrt. 2025, 1' },
      'gepubliceerd',
      config,
      { today, by: 'P. Bakker' },
    );
    if (!pub.ok) throw new Error(JSON.stringify(pub.error));
    expect(pub.value.effectiveFrom).toBe('2025-06-21');
    const live = transition(pub.value, 'in werking', config, { today });
    if (!live.ok) throw new Error(JSON.stringify(live.error));
    expect(live.value.history.map((h) => h.status)).toEqual(['gepubliceerd', 'in werking']);
    expect(live.value.history[0]).toMatchObject({ at: today, by: 'P. Bakker' });
  });

  it('a werkafspraak takes effect on signing without publication', () => {
    const w: RegisterRecord = {
      ...newRecord(config, 'werkafspraak'),
      title: 'Werkafspraak signalen',
      status: 'ondertekend',
      signedOn: '2025-09-01',
      signedAt: 'Den Haag',
    };
    const r = transition(w, 'in werking', config, { today });
    expect(r.ok && r.value.effectiveFrom).toBe('2025-09-01');
  });

  it('final statuses go nowhere, and the error lists what is allowed', () => {
    const r = transition(inForce({ status: 'beëindigd' }), 'in werking', config, { today });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0].message.nl).toContain('eindstatus');
    const s = transition(inForce({ status: 'concept' }), 'in werking', config, { today });
    if (!s.ok) expect(s.error[0].message.en).toContain('allowed: in overleg, beëindigd');
  });
});

describe('a change to the agreement itself (art. 13.2–13.3)', () => {
  const heldMeeting = { id: 7, kind: 'bestuurlijk', date: '2026-02-10T10:00:00', status: 'gehouden' as const };

  it('is not agreed without a bestuurlijk overleg and a new signature, and says why', () => {
    const r = transition(change({ signedAt: 'Utrecht' }), 'ondertekend', config, { today });
    expect(fields(r)).toEqual(expect.arrayContaining(['meetingId art. 13.2', 'signedOn art. 13.3']));
    if (!r.ok) expect(r.error.find((e) => e.field === 'meetingId')?.message.nl).toContain('bestuurlijk overleg');
  });

  it('is refused when the meeting is not bestuurlijk, not yet held, or signed before it', () => {
    const base = change({ meetingId: 7, signedOn: '2026-02-20', signedAt: 'Utrecht' });
    expect(
      fields(transition(base, 'ondertekend', config, { today, meeting: { ...heldMeeting, kind: 'ambtelijk' } })),
    ).toEqual(['meetingId art. 13.2']);
    expect(
      fields(transition(base, 'ondertekend', config, { today, meeting: { ...heldMeeting, status: 'gepland' } })),
    ).toEqual(['meetingId art. 13.2']);
    expect(
      fields(transition({ ...base, signedOn: '2026-02-01' }, 'ondertekend', config, { today, meeting: heldMeeting })),
    ).toEqual(['signedOn art. 13.3']);
  });

  it('is refused when the "new" signature is the old version’s', () => {
    const r = transition(change({ meetingId: 7, signedOn: '2025-06-04', signedAt: 'Utrecht' }), 'ondertekend', config, {
      today,
      superseded: inForce(),
    });
    expect(fields(r)).toEqual(['signedOn art. 13.3']);
  });

  it('is agreed when linked to a held bestuurlijk overleg and re-signed after it; in force it replaces the old version', () => {
    const signed = transition(
      change({ meetingId: 7, signedOn: '2026-02-20', signedAt: 'Utrecht' }),
      'ondertekend',
      config,
      { today, meeting: heldMeeting, superseded: inForce() },
    );
    if (!signed.ok) throw new Error(JSON.stringify(signed.error));
    const pub = transition(
      { ...signed.value, publishedOn: '2026-02-25', staatscourant: 'Stcrt. 2026, 5' },
      'gepubliceerd',
      config,
      { today },
    );
    if (!pub.ok) throw new Error(JSON.stringify(pub.error));
    const live = transition(pub.value, 'in werking', config, { today });
    if (!live.ok) throw new Error(JSON.stringify(live.error));
    const old = replaceSuperseded(inForce(), live.value, config, { today });
    expect(old.ok && old.value.status).toBe('vervangen');
    expect(old.ok && old.value.history[0].note).toContain('versie 2.0');
    expect(replaceSuperseded(inForce(), signed.value, config, { today }).ok).toBe(false);
  });

  it('a signed agreement is not edited in place (art. 13.3), a werkafspraak is', () => {
    expect(checkEdit(inForce(), inForce({ version: '1.1' }))).toEqual([
      expect.objectContaining({ field: 'version', article: 'art. 13.3' }),
    ]);
    expect(checkEdit(inForce(), inForce({ documents: ['/x.pdf'] }))).toEqual([]);
    const w: RegisterRecord = { ...newRecord(config), title: 'W', status: 'in werking' };
    expect(checkEdit(w, { ...w, title: 'W2' })).toEqual([]);
  });
});

describe('details', () => {
  it('a DVA without an explicit year takes the year its expiry falls in (art. 12)', () => {
    const dva: RegisterRecord = { ...newRecord(config, 'dva'), title: 'DVA', expiresOn: '2025-12-31' };
    expect(validateRecord(dva, config).map((e) => e.field)).not.toContain('details.year');
    expect(validateRecord({ ...dva, expiresOn: undefined }, config).map((e) => e.field)).toContain('details.year');
  });

  it('a missing re-signature is reported once, with the art. 13.3 reason', () => {
    const errors = validateRecord(change({ status: 'ondertekend', signedAt: 'Utrecht', meetingId: 7 }), config);
    expect(errors.filter((e) => e.field === 'signedOn')).toEqual([expect.objectContaining({ article: 'art. 13.3' })]);
  });
});

describe('owners', () => {
  it('a DVA is owned by each party’s DVA owner (art. 12), a werkafspraak by the accounthouders (art. 5)', () => {
    const dva = ownersOf(newRecord(config, 'dva'), config);
    expect(dva).toEqual([
      expect.objectContaining({
        party: 'igj',
        functionTitle: 'Afdelingshoofd Risicodetectie en Ontwikkeling',
        article: 'art. 12',
      }),
      expect.objectContaining({
        party: 'cibg',
        functionTitle: expect.stringContaining('Account-, Project- en Kwaliteitsmanagement'),
        article: 'art. 12',
      }),
    ]);
    const w = ownersOf(newRecord(config, 'werkafspraak'), config);
    expect(w.every((o) => o.article === 'art. 5')).toBe(true);
  });
});
