/** Properties of the yearly schedule (art. 6.1, 7.1: "minimaal een keer per jaar"), over arbitrary dates. */
import fc from 'fast-check';
import { computeSchedule, daysBetween } from '../../../src/domain/overleg';
import { fixtureConfig } from '../../fixtures/cards/agreement';

const config = fixtureConfig();
const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('schedule properties', () => {
  it('the next due date is 365 or 366 days after the last held, never past the same date a year later', () => {
    fc.assert(
      fc.property(isoDate, (heldOn) => {
        const [item] = computeSchedule(
          config.meetings,
          [{ meetingKey: 'ambtelijk', heldOn }],
          config.agreement,
          heldOn,
        );
        const gap = daysBetween(heldOn, item.nextDue);
        const sameDateNextYear = `${Number(heldOn.slice(0, 4)) + 1}${heldOn.slice(4)}`;
        return (gap === 365 || gap === 366) && item.nextDue <= sameDateNextYear && item.status === 'ok';
      }),
    );
  });

  it('status follows the day: ok, then due-soon in the window, then overdue after the due date', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 500 }), (heldOn, after) => {
        const today = new Date(Date.parse(heldOn) + after * 86_400_000).toISOString().slice(0, 10);
        const [item] = computeSchedule(config.meetings, [{ meetingKey: 'ambtelijk', heldOn }], config.agreement, today);
        const expected = today > item.nextDue ? 'overdue' : today >= item.reminderWindowOpensOn ? 'due-soon' : 'ok';
        return item.status === expected && item.daysUntilDue === daysBetween(today, item.nextDue);
      }),
    );
  });
});
