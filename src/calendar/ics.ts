/**
 * RFC 5545 iCalendar for people outside the tenant (issue 7), produced with the `ics` library: a recurring event
 * (RRULE FREQ=YEARLY for the yearly overleg) with one VALARM per configured reminder lead time.
 *
 * Times are written in UTC (the library has no VTIMEZONE support); the Amsterdam wall-clock time is converted first.
 * Limitation: a yearly rule in UTC keeps the same UTC time each year, so an occurrence in the last week of March or
 * October can be an hour off in a year where the DST change falls on the other side of that date. The Graph event,
 * the primary invitation, carries the real time zone.
 */
import { createEvent, type Alarm, type EventAttributes } from 'ics';
import type { PlannedMeeting } from '../domain/overleg';
import { meetingDescription } from './description';
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

/** The RRULE of "every N months": FREQ=YEARLY for whole years, FREQ=MONTHLY otherwise. */
export function recurrenceRule(everyMonths: number): string {
  if (!Number.isInteger(everyMonths) || everyMonths < 1)
    throw new RangeError(`everyMonths must be a whole number ≥ 1: ${everyMonths}`);
  if (everyMonths % 12 === 0) return everyMonths === 12 ? 'FREQ=YEARLY' : `FREQ=YEARLY;INTERVAL=${everyMonths / 12}`;
  return everyMonths === 1 ? 'FREQ=MONTHLY' : `FREQ=MONTHLY;INTERVAL=${everyMonths}`;
}

/** One display alarm per lead day; a lead of 0 days reminds 15 minutes before (RFC 5545 needs a non-empty duration). */
function alarms(meeting: PlannedMeeting): Alarm[] {
  return [...new Set(meeting.reminderLeadDays)]
    .sort((a, b) => b - a)
    .map((days) => ({
      action: 'display' as const,
      description: `${meeting.title} (${meeting.source})`,
      trigger: days > 0 ? { days, before: true } : { minutes: 15, before: true },
    }));
}

function toArray(d: Date): [number, number, number, number, number] {
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
}

/** Builds the .ics text of a planned meeting; throws an Error naming what the library refused. */
export function buildIcs(meeting: PlannedMeeting, options: IcsOptions = {}): string {
  const start = wallClockToUtc(meeting.start, meeting.timeZone);
  const end = wallClockToUtc(meeting.end, meeting.timeZone);
  if (end.getTime() <= start.getTime())
    throw new RangeError(`meeting.end ${meeting.end} is not after meeting.start ${meeting.start}`);
  const attributes: EventAttributes & { timestamp?: number } = {
    uid: options.uid ?? `${meeting.meetingKey}-${meeting.start.replace(/[^0-9]/g, '')}@samenwerkingsruimte`,
    productId: 'samenwerkingsruimte/ics',
    method: 'PUBLISH',
    title: meeting.title,
    description: meetingDescription(meeting, options.link),
    start: toArray(start),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: toArray(end),
    endInputType: 'utc',
    endOutputType: 'utc',
    ...(meeting.location ? { location: meeting.location } : {}),
    ...(options.link ? { url: options.link } : {}),
    status: 'CONFIRMED',
    busyStatus: 'BUSY',
    recurrenceRule: recurrenceRule(meeting.everyMonths),
    alarms: alarms(meeting),
    ...(options.organizer ? { organizer: { name: options.organizer.name, email: options.organizer.email } } : {}),
    attendees: meeting.attendees.map((a) => ({
      name: a.name,
      email: a.email,
      rsvp: true,
      partstat: 'NEEDS-ACTION' as const,
      role: a.required ? ('REQ-PARTICIPANT' as const) : ('OPT-PARTICIPANT' as const),
    })),
    timestamp: (options.now ?? new Date()).getTime(),
  };
  const { error, value } = createEvent(attributes);
  if (error || !value) throw new Error(`.ics could not be built: ${error?.message ?? 'no output'}`);
  return value;
}
