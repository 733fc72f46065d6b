/**
 * Calendars that Outlook and Google accept as they are: for a winter, a late-March, a late-October and a long
 * multi-byte meeting, the .ics passes the strict RFC 5545 check and every occurrence of ten years falls on the planned
 * Amsterdam wall-clock time, as ical.js and ts-ics (an independent parser) expand it from the file's VTIMEZONE.
 * The late-March and late-October dates fall before the summer-time change in some years and after it in others, so
 * a UTC rule would be an hour off there.
 */
import ICAL from 'ical.js';
import { convertIcsCalendar } from 'ts-ics';
import { buildIcs, recurrenceRule } from '../../src/calendar';
import type { PlannedMeeting } from '../../src/domain/overleg';
import { planned } from '../fixtures/cards/meeting';
import { checkIcs } from '../helpers/icsStrict';
import { localTime, occurrencesByIcalJs, occurrencesByTsIcs, type Occurrence } from '../helpers/icsOccurrences';

const ZONE = 'Europe/Amsterdam';
const YEARS = 10;

const LONG_TITLE =
  'Bestuurlijk overleg IĲsselland–Zeeland: evaluatie samenwerkingsovereenkomst, coördinatie DVA’s en ' +
  'privacy-incidenten 🏥🤝📅 (overleg met Ĳmuiden, Überlingen, São Paulo; ook “financiële” paragraaf) ✅';

const MEETINGS: Array<[string, Partial<PlannedMeeting>]> = [
  ['winter', { start: '2027-01-14T10:00', end: '2027-01-14T12:00' }],
  ['late March', { start: '2027-03-26T10:00', end: '2027-03-26T12:00' }],
  ['late October', { start: '2027-10-29T10:00', end: '2027-10-29T12:00' }],
  [
    'long multi-byte',
    {
      start: '2027-03-29T09:30',
      end: '2027-03-29T11:00',
      title: LONG_TITLE,
      location: 'Utrecht, Catharijnesingel 59 — zaal “De Ĳssel” 🚪; 3e verdieping',
      agenda: [
        { key: 'a', label: 'Actualiteiten en beleidsvoornemens — één overzicht per partij 📑', source: 'art. 6.2a', mandatory: true },
        { key: 'b', label: 'Geanonimiseerde casuïstiek; signalen, onderzoeken & “lessons learned”', source: 'art. 6.2b', mandatory: true },
      ],
      attendees: [
        { ...planned().attendees[0], name: 'Zoë van Ĳzendoorn-Özdemir 👩‍⚕️', partyName: 'Inspectie Gezondheidszorg en Jeugd' },
        { ...planned().attendees[1], name: 'Daniël “Dani” Ĳsbrandij', partyName: 'CIBG' },
      ],
    },
  ],
];

/** Local start and end of each occurrence, in Amsterdam time from the runtime's time-zone database. */
const local = (occurrences: Occurrence[]): Array<[string, string]> =>
  occurrences.map((o) => [localTime(o.start, ZONE), localTime(o.end, ZONE)]);

/** The planned local start and end in each of ten years. */
function expected(meeting: PlannedMeeting): Array<[string, string]> {
  const year = Number(meeting.start.slice(0, 4));
  return Array.from({ length: YEARS }, (_, k) => [
    `${year + k}${meeting.start.slice(4)}`,
    `${year + k}${meeting.end.slice(4)}`,
  ]);
}

describe.each(MEETINGS)('the .ics of a %s meeting', (_name, overrides) => {
  const meeting = planned(overrides);
  const text = buildIcs(meeting, {
    now: new Date('2026-11-23T13:00:00Z'),
    link: 'https://contoso.example/sites/samenwerkingsruimte',
    organizer: { name: 'Eva “E.” Mulder-Ĳzerman', email: 'eva.mulder@igj.example' },
  });
  const until = new Date(Date.UTC(Number(meeting.start.slice(0, 4)) + YEARS, 0, 1));

  it('passes the strict RFC 5545 check (grammar, 75 octets, escapes, CRLF, VTIMEZONE)', () => {
    expect(checkIcs(text)).toEqual([]);
  });

  it('repeats at the planned Amsterdam time for ten years in ical.js', () => {
    expect(local(occurrencesByIcalJs(text, until))).toEqual(expected(meeting));
  });

  it('repeats at the planned Amsterdam time for ten years in ts-ics, an independent parser', () => {
    expect(local(occurrencesByTsIcs(text, until))).toEqual(expected(meeting));
  });

  it('gets the times from the VTIMEZONE in the file, not from a zone database the reader happens to have', () => {
    // Renamed, the zone is unknown to any database: only the file's own VTIMEZONE can give the right instants.
    const renamed = text.replace(/Europe\/Amsterdam/g, 'Samenwerkingsruimte/Test');
    expect(checkIcs(renamed)).toEqual([]);
    expect(local(occurrencesByIcalJs(renamed, until))).toEqual(expected(meeting));
    expect(local(occurrencesByTsIcs(renamed, until))).toEqual(expected(meeting));
  });

  it('keeps the text whole in both parsers', () => {
    const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
    const other = convertIcsCalendar(undefined, text).events![0];
    expect(vevent.getFirstPropertyValue('summary')).toBe(meeting.title);
    expect(other.summary).toBe(meeting.title);
    expect(other.location).toBe(meeting.location);
    expect(other.description).toBe(vevent.getFirstPropertyValue('description'));
  });
});

describe('dates around the summer-time change', () => {
  it('differ in UTC from year to year, which a UTC rule could not express', () => {
    const meeting = planned({ start: '2027-03-26T10:00', end: '2027-03-26T12:00' });
    const starts = occurrencesByIcalJs(buildIcs(meeting), new Date('2037-01-01')).map((o) => o.start.toISOString().slice(11, 16));
    // 2027: before the change (CET, 09:00Z); 2028: the change is that Sunday (CEST, 08:00Z).
    expect(starts.slice(0, 2)).toEqual(['09:00', '08:00']);
    expect(new Set(starts)).toEqual(new Set(['08:00', '09:00']));
  });
});

describe('the long multi-byte meeting', () => {
  const text = buildIcs(planned(MEETINGS[3][1]), { now: new Date('2026-11-23T13:00:00Z') });

  it('is folded by octets: lines of at most 75 octets, many far fewer than 75 characters', () => {
    const lines = text.split('\r\n').filter((l) => l !== '');
    const octets = lines.map((l) => Buffer.byteLength(l, 'utf8'));
    expect(Math.max(...octets)).toBeLessThanOrEqual(75);
    // A full line of multi-byte text: 75 octets hold far fewer characters (63 here with Ĳ, curly quotes and emoji).
    expect(lines.some((l, i) => octets[i] >= 70 && Array.from(l).length <= 65)).toBe(true);
  });

  it('names the parties as configured, not by their keys', () => {
    const description = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!.getFirstPropertyValue(
      'description',
    ) as string;
    expect(description).toContain('(Inspectie Gezondheidszorg en Jeugd): Zoë van Ĳzendoorn-Özdemir 👩‍⚕️');
    expect(description).not.toContain('(IGJ)');
  });
});

/**
 * ical.js (like ts-ics) does not apply BYSETPOS to a MONTHLY rule with BYMONTHDAY: it yields every listed day the month
 * has (28 and 29 for `BYMONTHDAY=28,29;BYSETPOS=-1`). RFC 5545 3.3.10 says BYSETPOS=-1 keeps the last of the set in
 * each interval (here: each month), so that step is done here on ical.js's expansion; everything else (DTSTART, the
 * VTIMEZONE, the interval) is ical.js's. The rule itself is checked against the grammar by the strict check.
 */
function bySetPos(rule: string, occurrences: Occurrence[]): Occurrence[] {
  if (!/BYSETPOS=-1/.test(rule)) return occurrences;
  const lastPerMonth = new Map<string, Occurrence>();
  for (const o of occurrences) lastPerMonth.set(localTime(o.start, ZONE).slice(0, 7), o);
  return [...lastPerMonth.values()];
}

/** The dates Outlook gives "day D every N months" (the last day of a month that lacks D), reckoned by hand. */
function outlookDates(start: string, everyMonths: number, count: number): string[] {
  const [y, m, d] = start.split('-').map(Number);
  return Array.from({ length: count }, (_, k) => {
    const index = m - 1 + k * everyMonths;
    const year = y + Math.floor(index / 12);
    const month = (index % 12) + 1;
    const day = Math.min(d, new Date(Date.UTC(year, month, 0)).getUTCDate());
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  });
}

describe('a start on a day some months lack repeats on their last day, as the Outlook event does', () => {
  it.each<[string, number, string]>([
    ['2027-08-31', 6, 'FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=-1'],
    ['2027-08-30', 6, 'FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=28,29,30;BYSETPOS=-1'],
    ['2027-01-29', 1, 'FREQ=MONTHLY;BYMONTHDAY=28,29;BYSETPOS=-1'],
    ['2027-01-31', 5, 'FREQ=MONTHLY;INTERVAL=5;BYMONTHDAY=-1'],
    ['2028-02-29', 12, 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1'],
    ['2028-02-29', 48, 'FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=-1'],
    ['2027-07-31', 12, 'FREQ=YEARLY'],
    ['2027-01-31', 12, 'FREQ=YEARLY'],
    ['2027-03-31', 12, 'FREQ=YEARLY'],
    ['2027-01-31', 2, 'FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=-1'],
    ['2027-01-28', 1, 'FREQ=MONTHLY'],
  ])('%s every %i months: %s', (date, everyMonths, rule) => {
    expect(recurrenceRule(everyMonths, date)).toBe(rule);
    const meeting = planned({ start: `${date}T10:00`, end: `${date}T11:00`, everyMonths });
    const text = buildIcs(meeting);
    expect(checkIcs(text)).toEqual([]);
    const count = everyMonths >= 48 ? 20 : 30; // 2100 is no leap year: its 29 February falls on the 28th
    const until = new Date(Date.UTC(Number(date.slice(0, 4)) + Math.ceil((count * everyMonths) / 12) + 1, 0, 1));
    const dates = bySetPos(rule, occurrencesByIcalJs(text, until)).slice(0, count);
    expect(dates.map((o) => localTime(o.start, ZONE))).toEqual(
      outlookDates(date, everyMonths, count).map((d) => `${d}T10:00`),
    );
  });

  it('2100 is no leap year: a four-yearly 29 February meeting is on the 28th then', () => {
    const text = buildIcs(planned({ start: '2096-02-29T10:00', end: '2096-02-29T11:00', everyMonths: 48 }));
    const dates = occurrencesByIcalJs(text, new Date('2105-01-01')).map((o) => localTime(o.start, ZONE).slice(0, 10));
    expect(dates).toEqual(['2096-02-29', '2100-02-28', '2104-02-29']);
  });
});
