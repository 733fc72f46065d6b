/** computeSchedule: art. 6.1, 7.1 (at least yearly), art. 12 (DVA yearly), art. 13.2 (evaluation after one year or earlier). */
import { computeSchedule, type HeldMeeting, type ScheduleItem } from '../../../src/domain/overleg';
import { fixtureConfig } from '../../fixtures/cards/agreement';

const config = fixtureConfig();
const byKey = (items: ScheduleItem[], key: string): ScheduleItem =>
  items.find((i) => i.meetingKey === key) as ScheduleItem;
const one = (key: string, history: HeldMeeting[], today: string, everyMonths?: number): ScheduleItem => {
  const meetings = config.meetings.map((m) => (everyMonths && m.key === key ? { ...m, everyMonths } : m));
  return byKey(computeSchedule(meetings, history, config.agreement, today), key);
};

describe('computeSchedule', () => {
  it('never held: the first due date is one year after the effective date (art. 14.1, 6.1, 7.1, 12, 13.2)', () => {
    const items = computeSchedule(config.meetings, [], config.agreement, '2025-07-01');
    expect(items.map((i) => [i.meetingKey, i.lastHeld, i.nextDue, i.basis, i.status])).toEqual([
      ['ambtelijk', null, '2026-06-21', 'effective-date', 'ok'],
      ['bestuurlijk', null, '2026-06-21', 'effective-date', 'ok'],
      ['evaluatie', null, '2026-06-21', 'effective-date', 'ok'],
      ['dva', null, '2026-06-21', 'effective-date', 'ok'],
    ]);
  });

  it('counts the evaluation from evaluationAfterMonths, not from the series interval (art. 13.2)', () => {
    const agreement = { ...config.agreement, evaluationAfterMonths: 6 };
    expect(byKey(computeSchedule(config.meetings, [], agreement, '2025-07-01'), 'evaluatie').nextDue).toBe(
      '2025-12-21',
    );
  });

  it('counts from the day after publication when only the publication is recorded (art. 14.1)', () => {
    const { effectiveFrom: _dropped, ...agreement } = config.agreement;
    const item = byKey(computeSchedule(config.meetings, [], agreement, '2025-07-01'), 'ambtelijk');
    expect([item.nextDue, item.notes]).toEqual(['2026-06-21', []]);
  });

  it('falls back to the signing date, with a note, while the publication is not recorded (art. 14.1)', () => {
    const { effectiveFrom: _e, staatscourant: _s, ...agreement } = config.agreement;
    const item = byKey(computeSchedule(config.meetings, [], agreement, '2025-07-01'), 'ambtelijk');
    expect(item.nextDue).toBe('2026-06-04');
    expect(item.notes).toEqual([expect.objectContaining({ code: 'effective_date_unknown', article: 'art. 14.1' })]);
  });

  it.each<[string, string, string, string, ScheduleItem['status'], number]>([
    // [name, heldOn, today, nextDue, status, daysUntilDue]
    ['across the year end', '2025-12-15', '2026-11-20', '2026-12-15', 'due-soon', 25],
    ['overdue after more than a year', '2025-12-15', '2027-01-04', '2026-12-15', 'overdue', -20],
    ['due on the day itself is not yet overdue', '2025-12-15', '2026-12-15', '2026-12-15', 'due-soon', 0],
    ['outside the reminder window', '2025-12-15', '2026-10-15', '2026-12-15', 'ok', 61],
    ['first day of the 60-day window', '2025-12-15', '2026-10-16', '2026-12-15', 'due-soon', 60],
    ['held on 29 February: next due 28 February (within a year)', '2028-02-29', '2028-03-01', '2029-02-28', 'ok', 364],
    [
      'held on 28 February before a leap year: next due 28 February',
      '2027-02-28',
      '2027-03-01',
      '2028-02-28',
      'ok',
      364,
    ],
  ])('%s', (_name, heldOn, today, nextDue, status, days) => {
    const item = one('ambtelijk', [{ meetingKey: 'ambtelijk', heldOn }], today);
    expect([item.nextDue, item.status, item.daysUntilDue, item.basis]).toEqual([nextDue, status, days, 'last-held']);
  });

  it('moves on from the date held when a meeting is held early (art. 6.1 "of zoveel vaker als nodig is")', () => {
    const history = [
      { meetingKey: 'bestuurlijk', heldOn: '2026-06-10' },
      { meetingKey: 'bestuurlijk', heldOn: '2026-09-01' }, // an extra, earlier-than-due meeting
    ];
    const item = one('bestuurlijk', history, '2026-09-02');
    expect([item.lastHeld, item.nextDue, item.status]).toEqual(['2026-09-01', '2027-09-01', 'ok']);
  });

  it('ignores a "held" date in the future and says so', () => {
    const item = one('ambtelijk', [{ meetingKey: 'ambtelijk', heldOn: '2027-01-01' }], '2026-09-02');
    expect(item.lastHeld).toBeNull();
    expect(item.notes.map((n) => n.code)).toEqual(['held_in_future']);
  });

  it('lists reminder moments from the configured lead days', () => {
    const item = one('evaluatie', [], '2026-01-01');
    expect(item.reminders).toEqual([
      { leadDays: 90, on: '2026-03-23' },
      { leadDays: 30, on: '2026-05-22' },
    ]);
    expect(item.reminderWindowOpensOn).toBe('2026-03-23');
  });

  it('supports series that are not yearly (every 6 months, end of month clamps)', () => {
    expect(one('ambtelijk', [{ meetingKey: 'ambtelijk', heldOn: '2026-08-31' }], '2026-09-01', 6).nextDue).toBe(
      '2027-02-28',
    );
  });

  describe('evaluation moved earlier "indien daartoe aanleiding bestaat" (art. 13.2)', () => {
    const run = (dueOn: string, reason: string, history: HeldMeeting[] = []): ScheduleItem =>
      byKey(
        computeSchedule(config.meetings, history, config.agreement, '2025-11-01', [
          { meetingKey: 'evaluatie', dueOn, reason },
        ]),
        'evaluatie',
      );

    it('applies an earlier date with its reason', () => {
      const item = run('2025-12-01', 'Incident met BIG-signalen');
      expect([item.nextDue, item.basis, item.movedReason, item.status]).toEqual([
        '2025-12-01',
        'moved',
        'Incident met BIG-signalen',
        'due-soon',
      ]);
    });

    it('refuses a later date: the evaluation is "na één jaar, of eerder"', () => {
      const item = run('2026-09-01', 'later uitkomt');
      expect([item.nextDue, item.basis]).toEqual(['2026-06-21', 'effective-date']);
      expect(item.notes).toEqual([expect.objectContaining({ code: 'move_later_refused', article: 'art. 13.2' })]);
    });

    it('refuses a move without a reason', () => {
      expect(run('2025-12-01', '  ').notes.map((n) => n.code)).toEqual(['move_reason_missing']);
    });

    it('lets a move lapse once the moved evaluation has been held', () => {
      const item = run('2025-10-01', 'Incident', [{ meetingKey: 'evaluatie', heldOn: '2025-10-01' }]);
      expect([item.nextDue, item.basis]).toEqual(['2026-10-01', 'last-held']);
      expect(item.notes.map((n) => n.code)).toEqual(['move_before_last_held']);
    });
  });

  it('takes today as a Date in Amsterdam time (23:30 UTC on 31 Dec is already 1 Jan)', () => {
    const [item] = computeSchedule(
      config.meetings,
      [{ meetingKey: 'ambtelijk', heldOn: '2026-01-01' }],
      config.agreement,
      new Date('2026-12-31T23:30:00Z'),
    );
    expect(item.daysUntilDue).toBe(0);
  });
});
