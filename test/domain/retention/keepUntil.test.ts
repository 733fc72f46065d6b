/** Retention (bewaartermijn) from the processing register, with the periods of seed 004. */
import fc from 'fast-check';
import { describeRetention, keepUntil, mayDestroy, retentionMonths } from '../../../src/domain/retention';
import { shippedConfig } from '../agreement/shippedConfigs';

const config = shippedConfig('igj-cibg.json');
const activity = (key: string) => config.processingActivities.find((a) => a.key === key)!;
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);

describe('keepUntil', () => {
  it('seed 004: 40 years after removal from the register for a restriction of competence', () => {
    expect(iso(keepUntil(activity('tuchtmaatregelen'), d('2025-06-04')))).toBe('2065-06-04');
  });

  it('seed 004: 20 years after removal of the registration', () => {
    expect(iso(keepUntil(activity('signalen-big-register'), d('2026-01-15')))).toBe('2046-01-15');
  });

  it('seed 004: 1 year after deregistration', () => {
    expect(iso(keepUntil(activity('registerinformatie-toezicht'), d('2025-03-31')))).toBe('2026-03-31');
  });

  it('seed 004: an ID copy is destroyed after handling (0 months)', () => {
    expect(iso(keepUntil(activity('identiteitsverificatie'), d('2025-06-04')))).toBe('2025-06-04');
  });

  it('leap day: 29 February + 1 year is 28 February; + 4 years is 29 February', () => {
    const rule = { years: 1, trigger: 't', source: 's' };
    expect(iso(keepUntil(rule, d('2024-02-29')))).toBe('2025-02-28');
    expect(iso(keepUntil({ ...rule, years: 4 }, d('2024-02-29')))).toBe('2028-02-29');
  });

  it('end of month: 31 August + 6 months clamps to the last day of February', () => {
    const rule = { months: 6, trigger: 't', source: 's' };
    expect(iso(keepUntil(rule, d('2025-08-31')))).toBe('2026-02-28');
    expect(iso(keepUntil(rule, d('2027-08-31')))).toBe('2028-02-29');
    expect(iso(keepUntil({ ...rule, months: 1 }, d('2025-01-31')))).toBe('2025-02-28');
  });

  it('adds years and months together', () => {
    expect(retentionMonths({ years: 2, months: 3 })).toBe(27);
    expect(iso(keepUntil({ years: 2, months: 3, trigger: 't', source: 's' }, d('2025-11-30')))).toBe('2028-02-29');
  });

  it('keeps the time of day of the trigger', () => {
    expect(keepUntil({ years: 1, trigger: 't', source: 's' }, new Date('2025-06-04T13:45:00Z')).toISOString()).toBe(
      '2026-06-04T13:45:00.000Z',
    );
  });

  it('refuses an invalid trigger date', () => {
    expect(() => keepUntil(activity('tuchtmaatregelen'), new Date('nope'))).toThrow(RangeError);
  });

  it('mayDestroy only after the keep-until date', () => {
    const a = activity('registerinformatie-toezicht');
    expect(mayDestroy(a, d('2025-01-01'), d('2026-01-01'))).toBe(false);
    expect(mayDestroy(a, d('2025-01-01'), d('2026-01-02'))).toBe(true);
  });

  it('property: never earlier than the trigger, never more than the period plus one month later, day clamped', () => {
    fc.assert(
      fc.property(
        fc.date({ min: d('1990-01-01'), max: d('2100-12-31'), noInvalidDate: true }),
        fc.nat(50),
        fc.nat(11),
        (from, years, months) => {
          const until = keepUntil({ years, months, trigger: 't', source: 's' }, from);
          expect(until.getTime()).toBeGreaterThanOrEqual(from.getTime());
          const monthsApart =
            (until.getUTCFullYear() - from.getUTCFullYear()) * 12 + until.getUTCMonth() - from.getUTCMonth();
          expect(monthsApart).toBe(years * 12 + months);
          expect(until.getUTCDate()).toBeLessThanOrEqual(from.getUTCDate());
        },
      ),
    );
  });
});

describe('describeRetention', () => {
  it('reads as the register states it, in Dutch and English', () => {
    expect(describeRetention(activity('signalen-big-register').retention, 'nl')).toBe(
      '20 jaar na verwijdering van de registratie uit het register',
    );
    expect(
      describeRetention({ years: 1, months: 6, trigger: 'afronding', triggerEn: 'completion', source: 's' }, 'en'),
    ).toBe('1 year and 6 months after completion');
    expect(describeRetention(activity('identiteitsverificatie').retention, 'nl')).toMatch(/^tot afhandeling/);
  });
});
