/** deadline72h: AVG art. 33(1), 72 hours from discovery, in elapsed time (DST does not change it). */
import { deadline72h, formatRemaining } from '../../../src/domain/datalek';

describe('deadline72h', () => {
  it.each<[string, string, string, number, boolean]>([
    ['discovered just now', '2026-11-23T08:00:00Z', '2026-11-23T08:00:00Z', 72 * 3_600_000, false],
    ['halfway', '2026-11-23T08:00:00Z', '2026-11-24T20:00:00Z', 36 * 3_600_000, false],
    ['exactly at the deadline (not yet overdue)', '2026-11-23T08:00:00Z', '2026-11-26T08:00:00Z', 0, false],
    ['one minute late', '2026-11-23T08:00:00Z', '2026-11-26T08:01:00Z', -60_000, true],
  ])('%s', (_name, discovered, now, remaining, overdue) => {
    const d = deadline72h(discovered, new Date(now));
    expect(d.dueAt).toBe(new Date(new Date(discovered).getTime() + 72 * 3_600_000).toISOString());
    expect(d.remainingMs).toBe(remaining);
    expect(d.overdue).toBe(overdue);
  });

  it('counts 72 real hours across the end of summer time (25 Oct 2026 in Amsterdam)', () => {
    const d = deadline72h('2026-10-24T10:00:00+02:00', new Date('2026-10-24T08:00:00Z'));
    expect(d.dueAt).toBe('2026-10-27T08:00:00.000Z'); // 09:00 CET wall clock, 72 elapsed hours
  });

  it('refuses an unparseable time instead of computing nonsense', () => {
    expect(() => deadline72h('gisteren', new Date())).toThrow(RangeError);
  });

  it('formats what is left and what is overdue', () => {
    const now = new Date('2026-11-23T08:00:00Z');
    expect(formatRemaining(deadline72h('2026-11-22T09:30:00Z', now), 'nl')).toBe('nog 49 u 30 min');
    expect(formatRemaining(deadline72h('2026-11-19T08:00:00Z', now), 'en')).toBe('overdue by 24 h 0 min');
  });
});
