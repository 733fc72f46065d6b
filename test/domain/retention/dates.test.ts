/** Calendar-date helpers under retention and the effective date (art. 14.1), in UTC. */
import { addDaysIso, addMonthsUtc, parseIsoDate, toIsoDate } from '../../../src/domain/common/dates';

describe('ISO calendar dates', () => {
  it('parses real dates only', () => {
    expect(parseIsoDate('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(parseIsoDate('2025-02-29')).toBeUndefined();
    expect(parseIsoDate('2025-06-31')).toBeUndefined();
    expect(parseIsoDate('4 juni 2025')).toBeUndefined();
  });

  it('art. 14.1: the day after publication crosses month and year ends', () => {
    expect(addDaysIso('2025-06-30', 1)).toBe('2025-07-01');
    expect(addDaysIso('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDaysIso('2024-02-28', 1)).toBe('2024-02-29');
    expect(() => addDaysIso('2025-13-01', 1)).toThrow(RangeError);
  });

  it('adds months with end-of-month clamping, also backwards', () => {
    expect(toIsoDate(addMonthsUtc(new Date(Date.UTC(2025, 0, 31)), 1))).toBe('2025-02-28');
    expect(toIsoDate(addMonthsUtc(new Date(Date.UTC(2025, 2, 31)), -1))).toBe('2025-02-28');
    expect(toIsoDate(addMonthsUtc(new Date(Date.UTC(2025, 11, 15)), 1))).toBe('2026-01-15');
  });
});
