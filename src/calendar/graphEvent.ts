/**
 * The Graph event body of a planned meeting (pure; the Graph adapter sends it): a recurring event with one reminder in
 * the organiser's calendar with the attendees invited, so Exchange sends the reminders (Graph does not fire reminders
 * for group-calendar events).
 */
import { escapeHtml } from '../domain/datalek/markup';
import type { PlannedMeeting } from '../domain/overleg';
import { meetingDescription } from './description';

/**
 * Graph accepts Windows time-zone names and a documented list of IANA names; Europe/Amsterdam is not on that list,
 * so the Windows name that covers it is sent.
 */
const WINDOWS_TIME_ZONES: Record<string, string> = {
  'Europe/Amsterdam': 'W. Europe Standard Time',
  'Europe/Berlin': 'W. Europe Standard Time',
  'Europe/Brussels': 'Romance Standard Time',
  'Europe/Paris': 'Romance Standard Time',
  'Europe/London': 'GMT Standard Time',
  UTC: 'UTC',
};

/** Graph `patternedRecurrence` for "every N months" from the start date. */
export interface GraphEventRecurrence {
  pattern:
    | { type: 'absoluteYearly'; interval: number; dayOfMonth: number; month: number }
    | { type: 'absoluteMonthly'; interval: number; dayOfMonth: number };
  range: { type: 'noEnd'; startDate: string };
}

/** The body of `POST /me/events`. */
export interface GraphEventBody {
  subject: string;
  body: { contentType: 'HTML'; content: string };
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  location?: { displayName: string };
  attendees: Array<{ emailAddress: { address: string; name: string }; type: 'required' | 'optional' }>;
  isReminderOn: boolean;
  reminderMinutesBeforeStart: number;
  recurrence: GraphEventRecurrence;
  allowNewTimeProposals: boolean;
  responseRequested: boolean;
}

/** The Graph `timeZone` for an IANA zone (Windows name where Graph needs one). */
export function graphTimeZone(iana: string): string {
  return WINDOWS_TIME_ZONES[iana] ?? iana;
}

/** Graph recurrence: whole years `absoluteYearly` (interval, dayOfMonth and month required), else `absoluteMonthly`. */
export function graphRecurrence(everyMonths: number, startDate: string): GraphEventRecurrence {
  if (!Number.isInteger(everyMonths) || everyMonths < 1)
    throw new RangeError(`everyMonths must be a whole number ≥ 1: ${everyMonths}`);
  const month = Number(startDate.slice(5, 7));
  const dayOfMonth = Number(startDate.slice(8, 10));
  const pattern =
    everyMonths % 12 === 0
      ? { type: 'absoluteYearly' as const, interval: everyMonths / 12, dayOfMonth, month }
      : { type: 'absoluteMonthly' as const, interval: everyMonths, dayOfMonth };
  // Graph requires the range to start on the date of the event's start.
  return { pattern, range: { type: 'noEnd', startDate } };
}

/**
 * Outlook keeps one reminder per event: the shortest configured lead time (the last call before the meeting);
 * a lead of 0 days becomes Outlook's default 15 minutes. The earlier lead times are channel reminders (cards).
 */
export function reminderMinutes(leadDays: readonly number[]): number {
  if (leadDays.length === 0) return 15;
  const shortest = Math.min(...leadDays);
  return shortest > 0 ? shortest * 24 * 60 : 15;
}

/** Builds the Graph event body; every text a person typed is escaped in the HTML body. */
export function buildGraphEvent(meeting: PlannedMeeting, options: { link?: string } = {}): GraphEventBody {
  const text = meetingDescription(meeting, options.link);
  const html = `<div style="white-space:pre-wrap">${escapeHtml(text)}</div>`;
  const timeZone = graphTimeZone(meeting.timeZone);
  return {
    subject: meeting.title,
    body: { contentType: 'HTML', content: html },
    start: { dateTime: `${meeting.start}:00`, timeZone },
    end: { dateTime: `${meeting.end}:00`, timeZone },
    ...(meeting.location ? { location: { displayName: meeting.location } } : {}),
    attendees: meeting.attendees.map((a) => ({
      emailAddress: { address: a.email, name: a.name },
      type: a.required ? ('required' as const) : ('optional' as const),
    })),
    isReminderOn: true,
    reminderMinutesBeforeStart: reminderMinutes(meeting.reminderLeadDays),
    recurrence: graphRecurrence(meeting.everyMonths, meeting.start.slice(0, 10)),
    allowNewTimeProposals: true,
    responseRequested: true,
  };
}
