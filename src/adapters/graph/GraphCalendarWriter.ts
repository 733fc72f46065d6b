import type { CalendarEventRequest, CalendarTarget, CalendarWriter, CreatedCalendarEvent } from '../../ports/calendar';
import { callGraph, type GraphCallOptions, type GraphClientLike } from './client';
import { textToHtml } from './html';
import { toGraphRecurrence } from './recurrence';
import { graphTimeZone } from './timeZone';

const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/**
 * {@link CalendarWriter} over Graph `POST /me/events` (Calendars.ReadWrite) or `POST /groups/{id}/events`
 * (Group.ReadWrite.All), with recurrence, one reminder and invited attendees.
 */
export class GraphCalendarWriter implements CalendarWriter {
  /** Writes as the signed-in user through `client`. */
  constructor(
    private readonly client: GraphClientLike,
    private readonly options: GraphCallOptions = {},
  ) {}

  /** Creates the event; checks the request first so a bad one never reaches the calendar. */
  async createEvent(target: CalendarTarget, event: CalendarEventRequest): Promise<CreatedCalendarEvent> {
    for (const field of ['start', 'end'] as const) {
      if (!LOCAL_TIME.test(event[field]))
        throw new Error(`event.${field}: '${event[field]}' is not a local time like 2027-04-15T10:00.`);
    }
    if (event.end < event.start) throw new Error(`event.end: ${event.end} is before the start ${event.start}.`);
    const minutes = event.reminderMinutesBefore;
    if (minutes !== null && (!Number.isInteger(minutes) || minutes < 0)) {
      throw new Error(`event.reminderMinutesBefore: ${minutes} must be a whole number of minutes, 0 or more.`);
    }
    const body = {
      subject: event.subject,
      body: { contentType: 'HTML', content: textToHtml(event.description) },
      start: { dateTime: `${event.start}:00`, timeZone: graphTimeZone(event.timeZone) },
      end: { dateTime: `${event.end}:00`, timeZone: graphTimeZone(event.timeZone) },
      ...(event.location ? { location: { displayName: event.location } } : {}),
      attendees: event.attendees.map((a) => ({
        emailAddress: a.name ? { address: a.address, name: a.name } : { address: a.address },
        type: a.optional ? 'optional' : 'required',
      })),
      isReminderOn: minutes !== null,
      reminderMinutesBeforeStart: minutes ?? 0,
      ...(event.repeat ? { recurrence: toGraphRecurrence(event.repeat, event.start.slice(0, 10)) } : {}),
      // Graph's event resource: "to avoid redundant POST operations in case of client retries to create the same event"
      ...(event.transactionId ? { transactionId: event.transactionId } : {}),
    };
    const path = target.kind === 'group' ? `/groups/${encodeURIComponent(target.groupId)}/events` : '/me/events';
    const res = (await callGraph(this.client, 'POST', path, body, this.options)) as {
      id?: string;
      webLink?: string | null;
    };
    if (!res || typeof res.id !== 'string') throw new Error(`Graph POST ${path} answered without an event id.`);
    return {
      id: res.id,
      webLink: res.webLink ?? null,
      // Graph's event docs: Outlook does not support reminders for group-calendar events (fields are only echoed).
      reminderFires: target.kind !== 'group' && minutes !== null,
    };
  }
}
