/**
 * buildIcs: RFC 5545 written with ical.js in Europe/Amsterdam local time with its VTIMEZONE, parsed back with ical.js:
 * RRULE yearly, VALARMs with valid durations, escaped text, attendees, party names, UTC only for a UTC zone.
 */
import ICAL from 'ical.js';
import { buildIcs, recurrenceRule, wallClockToUtc } from '../../src/calendar';
import { planned } from '../fixtures/cards/meeting';
import { checkIcs, unfoldedLines } from '../helpers/icsStrict';

function parseEvent(text: string): ICAL.Component {
  const vcal = new ICAL.Component(ICAL.parse(text));
  const vevent = vcal.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return vevent;
}

/** The raw (unfolded) lines of one property, as a client reads them before any parser is lenient. */
function raw(text: string, name: string): string[] {
  return unfoldedLines(text).filter((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
}

describe('buildIcs', () => {
  const text = buildIcs(planned(), {
    now: new Date('2026-11-23T13:00:00Z'),
    link: 'https://contoso.example/sites/samenwerkingsruimte',
  });

  it('passes the strict RFC 5545 check', () => {
    expect(checkIcs(text)).toEqual([]);
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

  it('writes the planned wall-clock time with TZID=Europe/Amsterdam and that zone\'s VTIMEZONE', () => {
    // The VTIMEZONE's observances start in 1996 in local time; the event's own DTSTART carries the TZID.
    expect(raw(text, 'DTSTART')).toEqual([
      'DTSTART:19960331T020000',
      'DTSTART:19961027T030000',
      'DTSTART;TZID=Europe/Amsterdam:20270315T100000',
    ]);
    expect(raw(text, 'DTEND')).toEqual(['DTEND;TZID=Europe/Amsterdam:20270315T120000']);
    const vtimezone = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vtimezone')!;
    expect(vtimezone.getFirstPropertyValue('tzid')).toBe('Europe/Amsterdam');
    expect(vtimezone.getAllSubcomponents().map((c) => [c.name, c.getFirstProperty('rrule')!.toICALString()])).toEqual([
      ['daylight', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU'],
      ['standard', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU'],
    ]);
    const summer = parseEvent(buildIcs(planned({ start: '2027-06-15T10:00', end: '2027-06-15T12:00' })));
    expect((summer.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString()).toBe(
      '2027-06-15T08:00:00.000Z',
    );
  });

  it('writes UTC times, and no VTIMEZONE, only for a UTC meeting', () => {
    const utc = buildIcs(planned({ timeZone: 'UTC' }), { now: new Date('2026-11-23T13:00:00Z') });
    expect(checkIcs(utc)).toEqual([]);
    expect(raw(utc, 'DTSTART')).toEqual(['DTSTART:20270315T100000Z']);
    expect(utc).not.toContain('VTIMEZONE');
  });

  it('refuses a zone it has no VTIMEZONE for, naming it', () => {
    expect(() => buildIcs(planned({ timeZone: 'America/New_York' }))).toThrow(/America\/New_York/);
  });

  it('has one VALARM per lead time, before the start, with valid durations (no -P60DT)', () => {
    const alarms = parseEvent(text).getAllSubcomponents('valarm');
    expect(alarms.map((a) => a.getFirstPropertyValue('action'))).toEqual(['DISPLAY', 'DISPLAY']);
    expect(alarms.map((a) => (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds())).toEqual([
      -60 * 86400,
      -14 * 86400,
    ]);
    expect(raw(text, 'TRIGGER')).toEqual(['TRIGGER:-P60D', 'TRIGGER:-P14D']);
    const sameDay = buildIcs(planned({ reminderLeadDays: [0] }));
    expect(raw(sameDay, 'TRIGGER')).toEqual(['TRIGGER:-PT15M']);
  });

  it('escapes the alarm text and every TEXT value (RFC 5545 3.3.11), dropping control characters', () => {
    const hostile = buildIcs(
      planned({ title: 'Overleg, a; b \\ c\r\nd\u0007e', source: 'art. 7.1', location: 'Zaal 1; 2, 3' }),
      { now: new Date('2026-11-23T13:00:00Z') },
    );
    expect(checkIcs(hostile)).toEqual([]);
    expect(raw(hostile, 'SUMMARY')).toEqual(['SUMMARY:Overleg\\, a\\; b \\\\ c\\nde']);
    expect(raw(hostile, 'LOCATION')).toEqual(['LOCATION:Zaal 1\\; 2\\, 3']);
    // The two alarms' DESCRIPTION (60 and 14 days); the event's own holds the agenda too.
    expect(raw(hostile, 'DESCRIPTION').filter((l) => !l.includes('Agenda'))).toEqual([
      'DESCRIPTION:Overleg\\, a\\; b \\\\ c\\nde (art. 7.1)',
      'DESCRIPTION:Overleg\\, a\\; b \\\\ c\\nde (art. 7.1)',
    ]);
    expect(parseEvent(hostile).getFirstPropertyValue('summary')).toBe('Overleg, a; b \\ c\nde');
  });

  it('invites the attendees with their role and keeps names as parameter text without DQUOTE', () => {
    const attendees = parseEvent(text).getAllProperties('attendee');
    expect(attendees.map((a) => [a.getFirstValue(), a.getParameter('role'), a.getParameter('cn')])).toEqual([
      ['mailto:henk.degroot@igj.example', 'REQ-PARTICIPANT', 'Henk de Groot'],
      ['mailto:lotte.visser@cibg.example', 'OPT-PARTICIPANT', "Lotte <b>Visser</b>; 'x', y"],
    ]);
  });

  it('carries the agenda with the mandatory topics, the party by its configured name and a stable UID', () => {
    const vevent = parseEvent(
      buildIcs(
        planned({
          attendees: [{ ...planned().attendees[0], party: 'cjg-rijnmond', partyName: 'CJG Rijnmond' }],
        }),
      ),
    );
    const description = vevent.getFirstPropertyValue('description') as string;
    expect(description).toContain('1. Actualiteiten en beleidsvoornemens (verplicht, art. 6.2a)');
    expect(description).toContain('- Hoofdinspecteur (CJG Rijnmond): Henk de Groot');
    expect(description).not.toContain('CJG-RIJNMOND');
    expect(vevent.getFirstPropertyValue('uid')).toBe('bestuurlijk-202703151000@samenwerkingsruimte');
    expect(vevent.getFirstPropertyValue('summary')).toBe('Bestuurlijk overleg IGJ-CIBG');
  });

  it('names no METHOD: a file to add to a calendar with attendees, not an iTIP PUBLISH (RFC 5546 3.2.1)', () => {
    expect(raw(text, 'METHOD')).toEqual([]);
    expect(raw(text, 'PRODID')).toEqual(['PRODID:-//Samenwerkingsruimte//Overleg//NL']);
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
