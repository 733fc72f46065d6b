/**
 * The Verantwoording's period counts whole days as the agreement's parties do (Europe/Amsterdam), whatever zone the
 * browser or the test machine runs in (AVG art. 5(2): the export must hold exactly the decisions of the period).
 */
import type { AuditLog, AuditRecord } from '../../src/ports/registers';
import { collectAuditRecords, periodBounds } from '../../src/review';

describe('periodBounds', () => {
  it('starts at Amsterdam midnight of the first day and ends at Amsterdam midnight after the last, in winter and summer', () => {
    expect(periodBounds('2026-01-01', '2026-01-31')).toEqual({
      from: '2025-12-31T23:00:00.000Z',
      to: '2026-01-31T23:00:00.000Z',
    });
    expect(periodBounds('2026-07-01', '2026-07-31')).toEqual({
      from: '2026-06-30T22:00:00.000Z',
      to: '2026-07-31T22:00:00.000Z',
    });
    // across the change to summer time (29 March 2026) and back (25 October 2026)
    expect(periodBounds('2026-03-29', '2026-10-25')).toEqual({
      from: '2026-03-28T23:00:00.000Z',
      to: '2026-10-25T23:00:00.000Z',
    });
    expect(periodBounds('2026-12-31', '2026-12-31').to).toBe('2026-12-31T23:00:00.000Z');
  });

  it('leaves out a bound that is not given', () => {
    expect(periodBounds(undefined, '2026-01-31')).toEqual({ to: '2026-01-31T23:00:00.000Z' });
    expect(periodBounds('2026-01-01')).toEqual({ from: '2025-12-31T23:00:00.000Z' });
    expect(periodBounds()).toEqual({});
  });

  it('refuses a day that does not exist instead of rolling it over', () => {
    expect(() => periodBounds('2026-01-01', '2026-02-31')).toThrow('2026-02-31');
  });

  it('keeps a decision made at 00:30 on the first day and leaves out one made at 00:30 on the day after the last', async () => {
    const record = (at: string): AuditRecord => ({ toetsId: at, at, decision: 'allowed' }) as unknown as AuditRecord;
    const log: Pick<AuditLog, 'list' | 'reviewsOf'> = {
      // newest first, as the Toetslog is read
      list: async () => ({
        items: ['2026-02-01T00:30:00+01:00', '2026-01-31T23:59:00+01:00', '2026-01-01T00:30:00+01:00', '2025-12-31T23:59:00+01:00']
          .map((local) => record(new Date(local).toISOString())),
      }),
      reviewsOf: async () => [],
    };
    const kept = await collectAuditRecords(log, periodBounds('2026-01-01', '2026-01-31'));
    expect(kept.map((r) => r.at)).toEqual(['2026-01-31T22:59:00.000Z', '2025-12-31T23:30:00.000Z']);
  });
});
