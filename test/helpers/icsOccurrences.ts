/**
 * The occurrences of the first VEVENT of an .ics, as two independent parsers compute them: ical.js (which the product
 * writes with) and ts-ics (MIT, no dependency on ical.js; runs on Node 20). Both read the file's own VTIMEZONE, so a
 * wrong zone definition shows; the instants are turned into local time with the runtime's time-zone database (Intl),
 * which neither parser uses.
 */
import ICAL from 'ical.js';
import { convertIcsCalendar, extendByRecurrenceRule, getTimezoneObjectOffset } from 'ts-ics';

/** One occurrence as UTC instants. */
export interface Occurrence {
  start: Date;
  end: Date;
}

/** Occurrences that start before `until`, expanded by ical.js (RFC 5545 recurrence in the TZID's local time). */
export function occurrencesByIcalJs(text: string, until: Date): Occurrence[] {
  const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('ical.js: no VEVENT');
  const event = new ICAL.Event(vevent);
  const it = event.iterator();
  const out: Occurrence[] = [];
  for (let t = it.next(); t && t.toJSDate() < until; t = it.next()) {
    const details = event.getOccurrenceDetails(t);
    out.push({ start: details.startDate.toJSDate(), end: details.endDate.toJSDate() });
    if (out.length > 1000) throw new Error('ical.js: runaway expansion');
  }
  return out;
}

/**
 * Occurrences that start before `until`, by ts-ics: its rule expansion runs on the wall-clock time of DTSTART (as
 * RFC 5545 3.3.10 expands in local time), each local time converted with the file's VTIMEZONE through ts-ics's own
 * offset lookup. ts-ics expands plain rules only: it mis-handles BYSETPOS and negative BYMONTHDAY, so a caller tests
 * those rules with ical.js and its own reckoning.
 */
export function occurrencesByTsIcs(text: string, until: Date): Occurrence[] {
  const calendar = convertIcsCalendar(undefined, text);
  const event = calendar.events?.[0];
  if (!event) throw new Error('ts-ics: no VEVENT');
  if (!('end' in event) || !event.end) throw new Error('ts-ics: no DTEND');
  const start = event.start.local;
  const end = event.end.local;
  if (!start || !end) throw new Error('ts-ics: DTSTART/DTEND without TZID');
  const length = end.date.getTime() - start.date.getTime(); // an exact duration (RFC 5545 3.8.5.3)
  const locals = event.recurrenceRule
    ? extendByRecurrenceRule(event.recurrenceRule, { start: start.date, end: new Date(until.getTime() + 2 * 86_400_000) })
    : [start.date];
  return locals
    .map((local) => {
      const offset = getTimezoneObjectOffset(local, start.timezone, calendar.timezones);
      if (!offset) throw new Error(`ts-ics: no offset for ${start.timezone} at ${local.toISOString()}`);
      const instant = new Date(local.getTime() - offset.milliseconds);
      return { start: instant, end: new Date(instant.getTime() + length) };
    })
    .filter((o) => o.start < until);
}

/** `YYYY-MM-DDTHH:mm` of an instant in `timeZone`, from the runtime's time-zone database. */
export function localTime(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(instant);
  const get = (type: string): string => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}
