/** buildGraphEvent: the Graph event body with recurrence and reminder as Graph expects (issue 7). */
import { buildGraphEvent, graphRecurrence, reminderMinutes, toCalendarEventRequest } from '../../src/calendar';
import { planned } from '../fixtures/cards/meeting';

describe('buildGraphEvent', () => {
  const body = buildGraphEvent(planned(), { link: 'https://contoso.example/sites/samenwerkingsruimte' });

  it('has start and end as wall-clock time in the Windows zone Graph accepts for Amsterdam', () => {
    expect(body.start).toEqual({ dateTime: '2027-03-15T10:00:00', timeZone: 'W. Europe Standard Time' });
    expect(body.end).toEqual({ dateTime: '2027-03-15T12:00:00', timeZone: 'W. Europe Standard Time' });
  });

  it('recurs yearly with interval, dayOfMonth and month, the range starting on the start date (art. 6.1, 7.1)', () => {
    expect(body.recurrence).toEqual({
      pattern: { type: 'absoluteYearly', interval: 1, dayOfMonth: 15, month: 3 },
      range: { type: 'noEnd', startDate: '2027-03-15' },
    });
  });

  it('turns the reminder on with the shortest lead time (Outlook keeps one reminder per event)', () => {
    expect([body.isReminderOn, body.reminderMinutesBeforeStart]).toEqual([true, 14 * 24 * 60]);
    expect(reminderMinutes([0])).toBe(15);
    expect(reminderMinutes([])).toBe(15);
  });

  it('invites attendees as required or optional', () => {
    expect(body.attendees).toEqual([
      { emailAddress: { address: 'henk.degroot@igj.example', name: 'Henk de Groot' }, type: 'required' },
      { emailAddress: { address: 'lotte.visser@cibg.example', name: 'Lotte <b>Visser</b>; "x", y' }, type: 'optional' },
    ]);
    expect([body.allowNewTimeProposals, body.responseRequested]).toEqual([true, true]);
  });

  it('has an HTML body with the agenda, every person-typed text escaped', () => {
    expect(body.body.contentType).toBe('HTML');
    expect(body.body.content).toContain('Actualiteiten en beleidsvoornemens (verplicht, art. 6.2a)');
    const withHostileTopic = buildGraphEvent(
      planned({ agenda: [{ key: 'x', label: '<img src=x onerror=alert(1)>', source: 'art. 6.2a', mandatory: true }] }),
    );
    expect(withHostileTopic.body.content).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(withHostileTopic.body.content).not.toContain('<img');
  });

  it('is plain JSON (survives a round trip unchanged)', () => {
    expect(JSON.parse(JSON.stringify(body))).toEqual(body);
  });

  it('uses absoluteMonthly for series that are not whole years', () => {
    expect(graphRecurrence(6, '2027-01-31')).toEqual({
      pattern: { type: 'absoluteMonthly', interval: 6, dayOfMonth: 31 },
      range: { type: 'noEnd', startDate: '2027-01-31' },
    });
  });
});

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
});
