/** shouldPostReminder: one card per series and due date, never on every page load. */
import { computeSchedule, reminderKey, shouldPostReminder } from '../../../src/domain/overleg';
import { fixtureConfig } from '../../fixtures/cards/agreement';

const config = fixtureConfig();

describe('shouldPostReminder', () => {
  const schedule = (today: string) =>
    computeSchedule(
      config.meetings,
      [{ meetingKey: 'bestuurlijk', heldOn: '2025-12-15' }],
      config.agreement,
      today,
    ).find((i) => i.meetingKey === 'bestuurlijk')!;

  it('uses the series key and due date as key', () => {
    expect(reminderKey(schedule('2026-11-20'))).toBe('bestuurlijk@2026-12-15');
  });

  it('posts once when due soon, not again on the next page load, and not when not due', () => {
    const posted: string[] = [];
    const load = (today: string): boolean => {
      const d = shouldPostReminder(schedule(today), posted);
      if (d.post) posted.push(d.key);
      return d.post;
    };
    expect(load('2026-09-01')).toBe(false); // outside the window
    expect(load('2026-11-20')).toBe(true);
    expect(load('2026-11-20')).toBe(false);
    expect(load('2026-12-20')).toBe(false); // now overdue, same due date: still the same reminder
    expect(posted).toEqual(['bestuurlijk@2026-12-15']);
  });

  it('posts again for the next due date after the meeting was held', () => {
    const next = computeSchedule(
      config.meetings,
      [{ meetingKey: 'bestuurlijk', heldOn: '2026-12-10' }],
      config.agreement,
      '2027-11-01',
    ).find((i) => i.meetingKey === 'bestuurlijk')!;
    expect(shouldPostReminder(next, new Set(['bestuurlijk@2026-12-15']))).toEqual({
      post: true,
      key: 'bestuurlijk@2027-12-10',
      reason: 'due',
    });
  });
});
