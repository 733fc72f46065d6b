/** buildIcs: RFC 5545 from the `ics` library, parsed back with ical.js: RRULE yearly, VALARMs, UTC times, attendees. */
import ICAL from 'ical.js';
import { buildIcs, recurrenceRule, wallClockToUtc } from '../../src/calendar';
import { planned } from '../fixtures/cards/meeting';

function parseEvent(text: string): ICAL.Component {
  const vcal = new ICAL.Component(ICAL.parse(text));
  const vevent = vcal.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return vevent;
}

describe('buildIcs', () => {
  const text = buildIcs(planned(), {
    now: new Date('2026-11-23T13:00:00Z'),
    link: 'https://contoso.example/sites/samenwerkingsruimte',
  });

  it('parses in a real iCalendar parser with a yearly RRULE (art. 6.1, 7.1: at least once a year)', () => {
    const vevent = parseEvent(text);
    const rrule = vevent.getFirstPropertyValue('rrule') as ICAL.Recur;
    expect(rrule.freq).toBe('YEARLY');
    expect(rrule.interval).toBe(1);
    const it = new ICAL.Event(vevent).iterator();
    const occurrences = [it.next(), it.next(), it.next()].map((t) => t!.toJSDate().toISOString());
    expect(occurrences).toEqual(['2027-03-15T09:00:00.000Z', '2028-03-15T09:00:00.000Z', '2029-03-15T09:00:00.000Z']);
  });

  it('writes 10:00 Amsterdam time as UTC (09:00Z in winter, 08:00Z in summer)', () => {
    expect(parseEvent(text).getFirstPropertyValue('dtstart')!.toString()).toBe('2027-03-15T09:00:00Z');
    const summer = parseEvent(buildIcs(planned({ start: '2027-06-15T10:00', end: '2027-06-15T12:00' })));
    expect((summer.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString()).toBe(
      '2027-06-15T08:00:00.000Z',
    );
  });

  it('has one VALARM per lead time, before the start', () => {
    const alarms = parseEvent(text).getAllSubcomponents('valarm');
    expect(alarms.map((a) => a.getFirstPropertyValue('action'))).toEqual(['DISPLAY', 'DISPLAY']);
    expect(alarms.map((a) => (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds())).toEqual([
      -60 * 86400,
      -14 * 86400,
    ]);
  });

  it('invites the attendees with their role and keeps names as escaped text', () => {
    const attendees = parseEvent(text).getAllProperties('attendee');
    expect(attendees.map((a) => [a.getFirstValue(), a.getParameter('role'), a.getParameter('cn')])).toEqual([
      ['mailto:henk.degroot@igj.example', 'REQ-PARTICIPANT', 'Henk de Groot'],
      ['mailto:lotte.visser@cibg.example', 'OPT-PARTICIPANT', expect.stringContaining('Visser')],
    ]);
  });

  it('carries the agenda with the mandatory topics and a stable UID', () => {
    const vevent = parseEvent(text);
    expect(vevent.getFirstPropertyValue('description')).toContain(
      '1. Actualiteiten en beleidsvoornemens (verplicht, art. 6.2a)',
    );
    expect(vevent.getFirstPropertyValue('uid')).toBe('bestuurlijk-202703151000@samenwerkingsruimte');
    expect(vevent.getFirstPropertyValue('summary')).toBe('Bestuurlijk overleg IGJ-CIBG');
  });

  it.each<[number, string]>([
    [12, 'FREQ=YEARLY'],
    [24, 'FREQ=YEARLY;INTERVAL=2'],
    [6, 'FREQ=MONTHLY;INTERVAL=6'],
  ])('every %i months is %s', (months, rule) => {
    expect(recurrenceRule(months)).toBe(rule);
    const rrule = parseEvent(buildIcs(planned({ everyMonths: months }))).getFirstPropertyValue('rrule') as ICAL.Recur;
    expect(rrule.toString()).toBe(rule);
  });

  it('refuses an end before the start and a non-whole interval', () => {
    expect(() => buildIcs(planned({ end: '2027-03-15T09:00' }))).toThrow(/not after/);
    expect(() => recurrenceRule(0)).toThrow(RangeError);
  });
});

describe('wallClockToUtc', () => {
  it.each<[string, string]>([
    ['2027-01-10T10:00', '2027-01-10T09:00:00.000Z'],
    ['2027-07-10T10:00', '2027-07-10T08:00:00.000Z'],
    ['2027-03-28T02:30', '2027-03-28T01:30:00.000Z'], // skipped by the spring change: one hour later (03:30 CEST)
    ['2027-10-31T02:30', '2027-10-31T00:30:00.000Z'], // ambiguous: the first (summer-time) occurrence
  ])('%s in Amsterdam is %s', (local, utc) => {
    expect(wallClockToUtc(local, 'Europe/Amsterdam').toISOString()).toBe(utc);
  });
});
