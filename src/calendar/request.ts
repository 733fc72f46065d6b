/**
 * Maps a planned meeting to the CalendarWriter port's request. The Graph wire shape (recurrence pattern, Windows time
 * zone, reminder fields) is built by the Graph adapter only (src/adapters/graph/GraphCalendarWriter.ts).
 */
import type { CalendarEventRequest } from '../ports/calendar';
import type { PlannedMeeting } from '../domain/overleg';
import { meetingDescription } from './description';

/**
 * Outlook keeps one reminder per event: the shortest configured lead time (the last call before the meeting);
 * a lead of 0 days becomes Outlook's default 15 minutes. The earlier lead times are channel reminders (cards).
 */
export function reminderMinutes(leadDays: readonly number[]): number {
  if (leadDays.length === 0) return 15;
  const shortest = Math.min(...leadDays);
  return shortest > 0 ? shortest * 24 * 60 : 15;
}

/** The port request of a planned meeting: yearly repeat, one reminder, attendees by required/optional. */
export function toCalendarEventRequest(meeting: PlannedMeeting, options: { link?: string } = {}): CalendarEventRequest {
  return {
    subject: meeting.title,
    description: meetingDescription(meeting, options.link),
    start: meeting.start,
    end: meeting.end,
    timeZone: meeting.timeZone,
    ...(meeting.location ? { location: meeting.location } : {}),
    attendees: meeting.attendees.map((a) => ({
      address: a.email,
      name: a.name,
      ...(a.required ? {} : { optional: true }),
    })),
    repeat: { everyMonths: meeting.everyMonths },
    reminderMinutesBefore: reminderMinutes(meeting.reminderLeadDays),
  };
}
