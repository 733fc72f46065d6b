/** Maps a planned meeting to the CalendarWriter port's request (the Graph adapter builds and sends the event from it). */
import type { CalendarEventRequest } from '../ports/calendar';
import type { PlannedMeeting } from '../domain/overleg';
import { meetingDescription } from './description';
import { reminderMinutes } from './graphEvent';

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
