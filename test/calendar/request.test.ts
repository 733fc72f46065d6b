/** toCalendarEventRequest: the CalendarWriter port request of a planned meeting (the Graph body is the adapter's). */
import { reminderMinutes, toCalendarEventRequest } from '../../src/calendar';
import { planned } from '../fixtures/cards/meeting';

describe('toCalendarEventRequest', () => {
  it('maps a planned meeting to the CalendarWriter port request', () => {
    expect(toCalendarEventRequest(planned())).toEqual({
      subject: 'Bestuurlijk overleg IGJ-CIBG',
      description: expect.stringContaining('Agenda:'),
      start: '2027-03-15T10:00',
      end: '2027-03-15T12:00',
      timeZone: 'Europe/Amsterdam',
      attendees: [
        { address: 'henk.degroot@igj.example', name: 'Henk de Groot' },
        { address: 'lotte.visser@cibg.example', name: 'Lotte <b>Visser</b>; "x", y', optional: true },
      ],
      repeat: { everyMonths: 12 },
      reminderMinutesBefore: 20160,
    });
  });

  it('lists the mandatory agenda topics with their article in the plain-text description (art. 6.2)', () => {
    expect(toCalendarEventRequest(planned()).description).toContain(
      'Actualiteiten en beleidsvoornemens (verplicht, art. 6.2a)',
    );
  });

  it('keeps the shortest lead time as the one Outlook reminder; 0 days or none becomes 15 minutes', () => {
    expect(reminderMinutes([60, 14])).toBe(14 * 24 * 60);
    expect(reminderMinutes([0])).toBe(15);
    expect(reminderMinutes([])).toBe(15);
  });
});
