/** validateDatalek: every required field of bijlage 2b, date order (AVG art. 33(1)), absurd scale numbers, markup kept. */
import { validateDatalek, MAX_SCALE, type DatalekReport } from '../../../src/domain/datalek';
import { fixtureConfig } from '../../fixtures/cards/agreement';
import { HOSTILE, NOW, validReport } from '../../fixtures/cards/report';

const config = fixtureConfig();

function errorsOf(input: unknown): Array<{ field: string; code: string; article: string }> {
  const r = validateDatalek(input, NOW, config);
  return r.ok ? [] : r.errors.map(({ field, code, article }) => ({ field, code, article }));
}

describe('validateDatalek', () => {
  it('accepts a complete report and normalises date-times to UTC ISO', () => {
    const r = validateDatalek({ ...validReport(), reportedAt: '2026-11-23T13:30:00+01:00' }, NOW, config);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.reportedAt).toBe('2026-11-23T12:30:00.000Z');
  });

  // bijlage 2b: every field of the form is required (scale: at least one of its parts).
  it.each<[keyof DatalekReport, string]>([
    ['reportingParty', 'bijlage 2b'],
    ['reportingOrganisation', 'bijlage 2b'],
    ['contactName', 'bijlage 2b'],
    ['contactFunction', 'bijlage 2b'],
    ['contactPhone', 'bijlage 2b'],
    ['contactEmail', 'bijlage 2b'],
    ['reportedAt', 'bijlage 2b'],
    ['breachDate', 'bijlage 2b'],
    ['description', 'bijlage 2b'],
    ['affectedPersonalData', 'bijlage 2b'],
    ['affectedDataSubjects', 'bijlage 2b'],
    ['consequences', 'bijlage 2b'],
    ['measures', 'bijlage 2b'],
    ['discoveredAt', 'AVG art. 33(1)'],
    ['measuresBefore', 'AVG art. 33(3)'],
    ['ongoing', 'AVG art. 33(3)'],
    ['dataSubjectsInformed', 'AVG art. 34'],
    ['crossBorder', 'AVG art. 33(3)'],
    ['controllerParty', 'art. 8.2 (seed 003)'],
  ])('missing %s is an error citing %s', (field, article) => {
    for (const empty of [undefined, '', '   ']) {
      const input: Record<string, unknown> = { ...validReport() };
      if (empty === undefined) delete input[field];
      else input[field] = empty;
      const errors = errorsOf(input);
      expect(errors).toContainEqual({ field, code: 'required', article });
    }
  });

  it('needs some scale: a number of data subjects, of files, or a description (bijlage 2b)', () => {
    expect(errorsOf(validReport({ scaleDataSubjects: null, scaleFiles: null, scaleDescription: '' }))).toContainEqual({
      field: 'scaleDescription',
      code: 'required',
      article: 'bijlage 2b',
    });
    expect(errorsOf(validReport({ scaleDataSubjects: null, scaleFiles: 3, scaleDescription: '' }))).toEqual([]);
  });

  it('requires details when the breach is cross-border (AVG art. 33(3))', () => {
    expect(errorsOf(validReport({ crossBorder: 'ja', crossBorderDetails: '' }))).toContainEqual({
      field: 'crossBorderDetails',
      code: 'required',
      article: 'AVG art. 33(3)',
    });
  });

  it.each<[string, Partial<DatalekReport>, { field: string; code: string; article: string }]>([
    [
      'breach date after the report date',
      { breachDate: '2026-11-24', discoveredAt: '2026-11-23T08:00:00Z' },
      { field: 'breachDate', code: 'after_report', article: 'bijlage 2b' },
    ],
    [
      'discovery before the breach date',
      { discoveredAt: '2026-11-21T10:00:00Z' },
      { field: 'discoveredAt', code: 'before_breach', article: 'AVG art. 33(1)' },
    ],
    [
      'discovery after the report',
      { discoveredAt: '2026-11-23T12:45:00Z' },
      { field: 'discoveredAt', code: 'after_report', article: 'AVG art. 33(1)' },
    ],
    [
      'a report dated in the future',
      { reportedAt: '2026-11-23T15:00:00Z' },
      { field: 'reportedAt', code: 'in_future', article: 'bijlage 2b' },
    ],
    [
      'an impossible calendar date',
      { breachDate: '2026-02-30' },
      { field: 'breachDate', code: 'invalid_date', article: 'bijlage 2b' },
    ],
    [
      'a date-time without time zone',
      { discoveredAt: '2026-11-23T08:00' },
      { field: 'discoveredAt', code: 'invalid_datetime', article: 'AVG art. 33(1)' },
    ],
    [
      'an invalid e-mail',
      { contactEmail: 'sanne@' },
      { field: 'contactEmail', code: 'invalid_email', article: 'bijlage 2b' },
    ],
    [
      'an invalid phone number',
      { contactPhone: 'bel maar' },
      { field: 'contactPhone', code: 'invalid_phone', article: 'bijlage 2b' },
    ],
    [
      'an unknown controller',
      { controllerParty: 'om' },
      { field: 'controllerParty', code: 'unknown_party', article: 'art. 8.2 (seed 003)' },
    ],
  ])('refuses %s', (_name, overrides, expected) => {
    expect(errorsOf(validReport(overrides))).toContainEqual(expected);
  });

  it('reads the breach and report dates in Amsterdam time (a report at 00:30 CET is the next day)', () => {
    // 23:30 UTC on 22 Nov is 00:30 on 23 Nov in Amsterdam: a breach on 23 Nov is not after that report.
    const r = validReport({
      reportedAt: '2026-11-22T23:30:00Z',
      breachDate: '2026-11-23',
      discoveredAt: '2026-11-22T23:10:00Z',
    });
    expect(errorsOf(r)).toEqual([]);
  });

  it.each<[unknown, string]>([
    [-1, 'negative'],
    [2.5, 'not_integer'],
    [MAX_SCALE + 1, 'too_large'],
    [1e12, 'too_large'],
    ['veel', 'not_a_number'],
    [Number.NaN, 'not_a_number'],
    [Number.POSITIVE_INFINITY, 'not_a_number'],
  ])('refuses the absurd scale number %p (%s)', (value, code) => {
    for (const field of ['scaleDataSubjects', 'scaleFiles']) {
      expect(errorsOf({ ...validReport(), [field]: value })).toContainEqual({ field, code, article: 'bijlage 2b' });
    }
  });

  it('accepts a scale of exactly the maximum and numeric strings from form inputs', () => {
    const r = validateDatalek({ ...validReport(), scaleDataSubjects: MAX_SCALE, scaleFiles: '40' }, NOW, config);
    expect(r.ok && r.value.scaleFiles).toBe(40);
  });

  it('refuses over-long text with the length in the message', () => {
    const r = validateDatalek(
      validReport({ description: 'x'.repeat(4001), contactName: 'y'.repeat(201) }),
      NOW,
      config,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toContainEqual(expect.objectContaining({ field: 'description', code: 'too_long' }));
      expect(r.errors).toContainEqual(expect.objectContaining({ field: 'contactName', code: 'too_long' }));
      expect(r.errors.find((e) => e.field === 'description')?.nl).toContain('4001');
    }
  });

  it('keeps script and markup in every text field as text, unchanged, with a warning per field', () => {
    const textFields = [
      'reportingOrganisation',
      'contactName',
      'contactFunction',
      'description',
      'affectedPersonalData',
      'affectedDataSubjects',
      'scaleDescription',
      'consequences',
      'measures',
      'measuresBefore',
    ] as const;
    for (const payload of HOSTILE.slice(0, 2)) {
      const input = validReport();
      for (const f of textFields) (input as unknown as Record<string, string>)[f] = payload;
      const r = validateDatalek(input, NOW, config);
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      for (const f of textFields) expect(r.value[f]).toBe(payload);
      expect(r.warnings.map((w) => w.field).sort()).toEqual([...textFields].sort());
      expect(r.warnings.every((w) => w.code === 'markup_kept_as_text')).toBe(true);
    }
  });

  it('gives every error a field, an article and Dutch and English text', () => {
    const r = validateDatalek({}, NOW, config);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.length).toBeGreaterThan(15);
      for (const e of r.errors) {
        expect(e.field).not.toBe('');
        expect(e.article).toMatch(/bijlage|art\./);
        expect(e.nl.length).toBeGreaterThan(3);
        expect(e.en.length).toBeGreaterThan(3);
      }
    }
    expect(validateDatalek(null, NOW).ok).toBe(false);
    expect(validateDatalek('report', NOW).ok).toBe(false);
  });

  describe('register status and decisions (AVG art. 33, 34)', () => {
    const decision = {
      reason: 'Laag risico: ontvanger heeft verwijdering bevestigd.',
      decidedAt: '2026-11-23T12:50:00Z',
      decidedBy: 'Johan Smit',
    };

    it('requires a reason for every decision, also when not notifying (art. 33(5))', () => {
      expect(errorsOf(validReport({ apDecision: { ...decision, notify: false, reason: '' } }))).toContainEqual({
        field: 'apDecision.reason',
        code: 'required',
        article: 'AVG art. 33(5)',
      });
      expect(
        errorsOf(validReport({ dataSubjectsDecision: { ...decision, inform: false, reason: ' ' } })),
      ).toContainEqual({
        field: 'dataSubjectsDecision.reason',
        code: 'required',
        article: 'AVG art. 34',
      });
    });

    it.each<[DatalekReport['status'], Partial<DatalekReport>, string]>([
      ['beoordeeld', {}, 'form_not_mailed'],
      ['gemeld aan AP', { apDecision: { ...decision, notify: false } }, 'ap_decision_missing'],
      ['betrokkenen geïnformeerd', {}, 'subjects_decision_missing'],
      ['afgesloten', { apDecision: { ...decision, notify: false } }, 'decisions_missing'],
    ])('status %s needs what it claims (%s)', (status, extra, code) => {
      expect(errorsOf(validReport({ status, ...extra })).map((e) => e.code)).toContain(code);
    });

    it('closes a report with both decisions recorded, even when neither the AP nor the data subjects are notified', () => {
      const r = validateDatalek(
        validReport({
          status: 'afgesloten',
          procedure: {
            formMailedAt: '2026-11-23T12:31:00Z',
            phonedAt: '2026-11-23T12:40:00Z',
            callConfirmedAt: '2026-11-23T12:45:00Z',
          },
          apDecision: { ...decision, notify: false },
          dataSubjectsDecision: { ...decision, inform: false },
        }),
        NOW,
        config,
      );
      expect(r.ok).toBe(true);
    });

    it('refuses a confirmed phone call that never took place (bijlage 2, Communicatie)', () => {
      expect(errorsOf(validReport({ procedure: { callConfirmedAt: '2026-11-23T12:45:00Z' } }))).toContainEqual({
        field: 'procedure.callConfirmedAt',
        code: 'call_missing',
        article: 'bijlage 2 (Communicatie)',
      });
    });
  });
});
