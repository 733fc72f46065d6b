/**
 * RFC 5545 iCalendar of a planned meeting for people outside the tenant: components built with ical.js and written as
 * octet-folded content lines (./contentLines). One VEVENT with a recurrence rule (FREQ=YEARLY for the yearly overleg,
 * art. 6.1, 7.1, 12, 13) and one VALARM per configured reminder lead time.
 *
 * Times are local times with `TZID=Europe/Amsterdam` and that zone's VTIMEZONE (./timezones), so every occurrence
 * keeps the planned wall-clock time, also in years where the summer-time change falls on the other side of the date.
 * The Graph event (src/adapters/graph/GraphCalendarWriter.ts) carries the same local times in
 * `W. Europe Standard Time`, which has the same rules.
 *
 * No METHOD: the file is an event to add to a calendar, not an iTIP message; an iTIP PUBLISH must not list attendees
 * (RFC 5546 3.2.1), and this file names them so everybody sees who is expected.
 */
import ICAL from 'ical.js';
import type { PlannedMeeting } from '../domain/overleg';
import { cleanParam, cleanText, serialize } from './contentLines';
import { meetingDescription } from './description';
import { isUtcZone, vtimezone } from './timezones';
import { wallClockToUtc } from './zone';

/** Options of {@link buildIcs}. */
export interface IcsOptions {
  /** Stable UID so a re-download updates rather than duplicates the event; defaults to key + start. */
  uid?: string;
  organizer?: { name: string; email: string };
  /** Link back to the samenwerkingsruimte. */
  link?: string;
  /** DTSTAMP; defaults to now. */
  now?: Date;
}

/** PRODID (RFC 5545 3.7.3): who wrote the file. */
export const PRODUCT_ID = '-//Samenwerkingsruimte//Overleg//NL';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in `month` (1–12) of `year`. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The months (1–12) a series every `everyMonths` months from `month` falls in. */
function monthsOfSeries(month: number, everyMonths: number): number[] {
  const months = new Set<number>();
  for (let k = 0; k < 12; k++) months.add(((month - 1 + k * everyMonths) % 12) + 1);
  return [...months];
}

/**
 * The RRULE of "every N months" from `startDate` (YYYY-MM-DD): FREQ=YEARLY for whole years, FREQ=MONTHLY otherwise.
 *
 * A start on a day that some month of the series lacks (the 31st, or 29 February) repeats on the last day of such a
 * month, as Outlook does with the Graph event (Microsoft's RecurrencePattern.DayOfMonth: day 31 is "the last day of
 * every month", and "Outlook … generate[s] recurrences on February 28 for years other than leap years"). A bare RFC 5545
 * rule would skip those months instead (RFC 5545 3.3.10: invalid dates are ignored), so the rule says:
 * `BYMONTHDAY=-1` when no month of the series is longer than the start day, else the last of the days 28 up to the
 * start day that the month has (`BYMONTHDAY=28,…;BYSETPOS=-1`).
 */
export function recurrenceRule(everyMonths: number, startDate?: string): string {
  if (!Number.isInteger(everyMonths) || everyMonths < 1)
    throw new RangeError(`everyMonths must be a whole number ≥ 1: ${everyMonths}`);
  const yearly = everyMonths % 12 === 0;
  const interval = yearly ? everyMonths / 12 : everyMonths;
  const base = `FREQ=${yearly ? 'YEARLY' : 'MONTHLY'}${interval === 1 ? '' : `;INTERVAL=${interval}`}`;
  if (startDate === undefined) return base;
  const m = DATE.exec(startDate);
  if (!m) throw new RangeError(`not a date like 2027-03-15: ${startDate}`);
  const [month, day] = [Number(m[2]), Number(m[3])];
  const months = monthsOfSeries(month, everyMonths);
  // February counts 28 days at its shortest and 29 at its longest; 2001 stands for a common year.
  const shortest = Math.min(...months.map((mo) => daysInMonth(2001, mo)));
  const longest = Math.max(...months.map((mo) => (mo === 2 ? 29 : daysInMonth(2001, mo))));
  if (day <= shortest) return base;
  const byMonth = yearly ? `;BYMONTH=${month}` : '';
  if (longest <= day) return `${base}${byMonth};BYMONTHDAY=-1`;
  const days: number[] = [];
  for (let d = 28; d <= day; d++) days.push(d);
  return `${base}${byMonth};BYMONTHDAY=${days.join(',')};BYSETPOS=-1`;
}

/** A local `YYYY-MM-DDTHH:mm` as a DATE-TIME without zone (written with the TZID parameter). */
function localTime(local: string): ICAL.Time {
  const [date, time] = local.split('T');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  if (day > daysInMonth(year, month)) throw new RangeError(`not a day of the month: ${local}`);
  return ICAL.Time.fromData({ year, month, day, hour, minute, second: 0, isDate: false });
}

/** DTSTART/DTEND: local time with TZID (RFC 5545 3.3.5 form 3), or UTC for a UTC zone. */
function addTime(event: ICAL.Component, name: 'dtstart' | 'dtend', local: string, timeZone: string): void {
  if (isUtcZone(timeZone)) {
    event.addPropertyWithValue(name, ICAL.Time.fromJSDate(wallClockToUtc(local, timeZone), true));
    return;
  }
  event.addPropertyWithValue(name, localTime(local)).setParameter('tzid', timeZone);
}

/** One display alarm per lead day; a lead of 0 days reminds 15 minutes before (RFC 5545 needs a non-empty duration). */
function alarms(meeting: PlannedMeeting): ICAL.Component[] {
  return [...new Set(meeting.reminderLeadDays)]
    .sort((a, b) => b - a)
    .map((days) => {
      if (!Number.isInteger(days) || days < 0) throw new RangeError(`reminder lead days must be whole and ≥ 0: ${days}`);
      const alarm = new ICAL.Component('valarm');
      alarm.addPropertyWithValue('action', 'DISPLAY');
      alarm.addPropertyWithValue('description', cleanText(`${meeting.title} (${meeting.source})`));
      alarm.addPropertyWithValue(
        'trigger',
        ICAL.Duration.fromData(days > 0 ? { days, isNegative: true } : { minutes: 15, isNegative: true }),
      );
      return alarm;
    });
}

/** A calendar address (RFC 5545 3.3.3, mailto URI of RFC 6068) with a CN parameter. */
function addAddress(event: ICAL.Component, name: 'organizer' | 'attendee', person: { name: string; email: string }): ICAL.Property {
  const prop = event.addPropertyWithValue(name, `mailto:${encodeURI(person.email.trim())}`);
  const cn = cleanParam(person.name).trim();
  if (cn) prop.setParameter('cn', cn);
  return prop;
}

/** The link as an absolute URI (RFC 3986), or undefined when it is not one. */
function uri(link: string): string | undefined {
  try {
    return new URL(link).href;
  } catch {
    return undefined;
  }
}

/** Builds the .ics text of a planned meeting; throws a RangeError naming what cannot be written. */
export function buildIcs(meeting: PlannedMeeting, options: IcsOptions = {}): string {
  const start = wallClockToUtc(meeting.start, meeting.timeZone);
  const end = wallClockToUtc(meeting.end, meeting.timeZone);
  if (end.getTime() <= start.getTime())
    throw new RangeError(`meeting.end ${meeting.end} is not after meeting.start ${meeting.start}`);

  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('prodid', PRODUCT_ID);
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  if (!isUtcZone(meeting.timeZone)) calendar.addSubcomponent(vtimezone(meeting.timeZone));

  const event = new ICAL.Component('vevent');
  event.addPropertyWithValue(
    'uid',
    cleanText(options.uid ?? `${meeting.meetingKey}-${meeting.start.replace(/[^0-9]/g, '')}@samenwerkingsruimte`),
  );
  event.addPropertyWithValue('dtstamp', ICAL.Time.fromJSDate(options.now ?? new Date(), true));
  addTime(event, 'dtstart', meeting.start, meeting.timeZone);
  addTime(event, 'dtend', meeting.end, meeting.timeZone);
  event.addPropertyWithValue('rrule', ICAL.Recur.fromString(recurrenceRule(meeting.everyMonths, meeting.start.slice(0, 10))));
  event.addPropertyWithValue('summary', cleanText(meeting.title));
  event.addPropertyWithValue('description', cleanText(meetingDescription(meeting, options.link)));
  if (meeting.location) event.addPropertyWithValue('location', cleanText(meeting.location));
  const url = options.link === undefined ? undefined : uri(options.link);
  if (url) event.addPropertyWithValue('url', url);
  event.addPropertyWithValue('status', 'CONFIRMED');
  event.addPropertyWithValue('transp', 'OPAQUE');
  event.addPropertyWithValue('sequence', 0);
  if (options.organizer) addAddress(event, 'organizer', options.organizer);
  for (const a of meeting.attendees) {
    const prop = addAddress(event, 'attendee', a);
    prop.setParameter('role', a.required ? 'REQ-PARTICIPANT' : 'OPT-PARTICIPANT');
    prop.setParameter('partstat', 'NEEDS-ACTION');
    prop.setParameter('rsvp', 'TRUE');
  }
  alarms(meeting).forEach((a) => event.addSubcomponent(a));
  calendar.addSubcomponent(event);
  return serialize(calendar);
}
