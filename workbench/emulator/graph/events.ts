import { randomUUID } from 'crypto';
import type { EmulatorContext, EmulatorResponse, EmulatorUser } from '../types';
import { invalid, GraphValidationError } from './errors';
import { isObject, parseJsonBody, type JsonObject } from './json';
import { parseItemBody, parseRecipients, type Recipient } from './recipients';
import { validateRecurrence } from './recurrence';
import { mailboxKey, opaqueId } from './store';
import { parseWallTime, resolveTimeZone, wallToUtc } from './timezones';

/** Whose calendar an event lands in: a user's mailbox (by address) or a Microsoft 365 group (by id). */
export interface CalendarOwner {
  kind: 'user' | 'group';
  /** Lower-cased SMTP address for a user, the group id for a group. */
  id: string;
}

/** Emulator-only read-back property: facts about what Exchange would do that Graph itself does not report. */
export const EMULATOR_PROPERTY = '_emulator';

/**
 * `POST .../events`: validates like Graph (start/end, time zones, recurrence, attendees, reminder) and stores the event
 * with meeting requests delivered to attendees' inboxes, all in one transaction. Answers 201 with the event.
 *
 * `transactionId` (Graph's event resource: "A custom identifier specified by a client app for the server to avoid
 * redundant POST operations in case of client retries to create the same event"; "only returned in a response payload
 * if an app has set it"): a create in the same calendar with a `transactionId` an event there already carries makes
 * nothing and sends no meeting request; it answers 201 with that event. UNCONFIRMED: Microsoft documents the purpose,
 * not the answer to the repeat, nor how long the id is remembered (the emulator: as long as the event exists).
 */
export function createEvent(
  owner: CalendarOwner,
  raw: Buffer,
  user: EmulatorUser,
  ctx: EmulatorContext,
): EmulatorResponse {
  const payload = parseJsonBody(raw);
  if (payload.subject !== undefined && payload.subject !== null && typeof payload.subject !== 'string')
    invalid('subject', 'must be a string.');
  const start = parseDateTimeTimeZone(payload.start, 'start');
  const end = parseDateTimeTimeZone(payload.end, 'end');
  if (end.utc < start.utc) {
    throw new GraphValidationError(
      "Property 'end': the end time of the event is earlier than its start time.",
      'ErrorCalendarEndDateIsEarlierThanStartDate',
    );
  }
  const recurrence = validateRecurrence(payload.recurrence, start.date);
  const attendees = parseAttendees(payload.attendees);
  const isReminderOn = payload.isReminderOn ?? true;
  if (typeof isReminderOn !== 'boolean') invalid('isReminderOn', 'must be a boolean.');
  const minutes = payload.reminderMinutesBeforeStart ?? 15;
  if (!Number.isInteger(minutes) || (minutes as number) < 0)
    invalid('reminderMinutesBeforeStart', 'must be a whole number of minutes, 0 or more.');
  const body = parseItemBody(payload.body, 'body');
  if (payload.location !== undefined && payload.location !== null && !isObject(payload.location))
    invalid('location', 'must be a location object.');
  if (payload.isAllDay !== undefined && typeof payload.isAllDay !== 'boolean')
    invalid('isAllDay', 'must be a boolean.');

  const transactionId = payload.transactionId ?? undefined;
  if (transactionId !== undefined && (typeof transactionId !== 'string' || transactionId === ''))
    invalid('transactionId', 'must be a non-empty string.');
  if (transactionId !== undefined) {
    const earlier = ctx.db
      .prepare(
        "SELECT event_json FROM graph_events WHERE owner_kind = ? AND owner = ? AND json_extract(event_json, '$.transactionId') = ?",
      )
      .get(owner.kind, owner.id, transactionId) as { event_json: string } | undefined;
    if (earlier) return { status: 201, body: { '@odata.context': contextUrl(owner), ...(JSON.parse(earlier.event_json) as JsonObject) } };
  }

  const now = ctx.now().toISOString();
  const id = opaqueId('AAMkAGEv', randomUUID());
  const organizer = { emailAddress: { name: user.displayName, address: user.email } };
  const event: JsonObject = {
    '@odata.etag': `W/"${randomUUID()}"`,
    id,
    createdDateTime: now,
    lastModifiedDateTime: now,
    changeKey: randomUUID(),
    categories: [],
    originalStartTimeZone: start.timeZone,
    originalEndTimeZone: end.timeZone,
    iCalUId: `040000008200E00074C5B7101A82E008${randomUUID().replace(/-/g, '').toUpperCase()}`,
    reminderMinutesBeforeStart: minutes,
    isReminderOn,
    hasAttachments: false,
    subject: (payload.subject as string | undefined) ?? '',
    bodyPreview: body.content
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 255),
    importance: 'normal',
    sensitivity: 'normal',
    isAllDay: payload.isAllDay ?? false,
    isCancelled: false,
    isOrganizer: true,
    responseRequested: true,
    seriesMasterId: null,
    showAs: 'busy',
    type: recurrence ? 'seriesMaster' : 'singleInstance',
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`,
    isOnlineMeeting: false,
    onlineMeeting: null,
    responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
    body,
    start: { dateTime: start.dateTime, timeZone: start.timeZoneName },
    end: { dateTime: end.dateTime, timeZone: end.timeZoneName },
    location: isObject(payload.location)
      ? { displayName: payload.location.displayName ?? '', locationType: 'default' }
      : { displayName: '' },
    recurrence,
    attendees: attendees.map((a) => ({ ...a, status: { response: 'none', time: '0001-01-01T00:00:00Z' } })),
    organizer,
    ...(transactionId !== undefined ? { transactionId } : {}),
    [EMULATOR_PROPERTY]: reminderFacts(owner, isReminderOn, minutes as number),
  };
  const tx = ctx.db.transaction(() => {
    ctx.db
      .prepare('INSERT INTO graph_events (id, owner_kind, owner, created_at, event_json) VALUES (?, ?, ?, ?, ?)')
      .run(id, owner.kind, owner.id, now, JSON.stringify(event));
    const link = ctx.db.prepare('INSERT OR IGNORE INTO graph_event_attendees (event_id, address) VALUES (?, ?)');
    const mail = ctx.db.prepare(
      'INSERT INTO graph_mail (id, mailbox, folder, received_at, message_json) VALUES (?, ?, ?, ?, ?)',
    );
    for (const a of attendees) {
      const address = mailboxKey(a.emailAddress.address);
      link.run(id, address);
      // Exchange sends each invited attendee a meeting request; that is how the event reaches their calendar.
      const mid = opaqueId('AAMkAG', randomUUID());
      mail.run(mid, address, 'inbox', now, JSON.stringify(meetingRequest(mid, event, organizer, now)));
    }
  });
  tx();
  return { status: 201, body: { '@odata.context': contextUrl(owner), ...event } };
}

/** Events stored in an owner's calendar, oldest first. */
export function listEvents(owner: CalendarOwner, ctx: EmulatorContext): JsonObject[] {
  const rows = ctx.db
    .prepare('SELECT event_json FROM graph_events WHERE owner_kind = ? AND owner = ? ORDER BY seq')
    .all(owner.kind, owner.id) as { event_json: string }[];
  return rows.map((r) => JSON.parse(r.event_json) as JsonObject);
}

/** Events to which an address is invited as attendee (read-back only: the invitee's view of the meeting). */
export function listInvitations(address: string, ctx: EmulatorContext): JsonObject[] {
  const rows = ctx.db
    .prepare(
      'SELECT e.event_json FROM graph_events e JOIN graph_event_attendees a ON a.event_id = e.id ' +
        'WHERE a.address = ? ORDER BY e.seq',
    )
    .all(mailboxKey(address)) as { event_json: string }[];
  return rows.map((r) => JSON.parse(r.event_json) as JsonObject);
}

/**
 * Graph documents that Outlook does not support reminders for group-calendar events: the fields are accepted and
 * echoed but nothing fires. The emulator says so instead of pretending.
 */
function reminderFacts(owner: CalendarOwner, isReminderOn: boolean, minutes: number): JsonObject {
  if (owner.kind === 'group') {
    return {
      reminderFires: false,
      reason: 'Outlook does not support reminders for group calendar events; the reminder fields are only echoed.',
    };
  }
  return isReminderOn
    ? {
        reminderFires: true,
        // Attendees' copies follow their own calendars' reminder settings once accepted; only the owner's is asserted.
        reason: `Exchange reminds the calendar owner ${minutes} minutes before each occurrence.`,
      }
    : { reminderFires: false, reason: 'isReminderOn is false.' };
}

function parseDateTimeTimeZone(
  value: unknown,
  field: string,
): { dateTime: string; date: string; timeZone: string; timeZoneName: string; utc: number } {
  if (!isObject(value)) invalid(field, 'is required as a dateTimeTimeZone { dateTime, timeZone }.');
  const wall = parseWallTime(value.dateTime);
  if (!wall) invalid(`${field}.dateTime`, `'${String(value.dateTime)}' is not a date-time like 2027-03-01T10:00:00.`);
  const timeZone = resolveTimeZone(value.timeZone, `${field}.timeZone`);
  const dateTime =
    String(value.dateTime).length === 16
      ? `${String(value.dateTime)}:00.0000000`
      : `${String(value.dateTime).slice(0, 19)}.0000000`;
  return {
    dateTime,
    date: wall.date,
    timeZone,
    timeZoneName: String(value.timeZone),
    utc: wallToUtc(wall.fields, timeZone),
  };
}

/** A validated Graph attendee. */
interface Attendee {
  type: 'required' | 'optional' | 'resource';
  emailAddress: Recipient['emailAddress'];
}

function parseAttendees(value: unknown): Attendee[] {
  const recipients = parseRecipients(value, 'attendees');
  const list = (value ?? []) as unknown[];
  return recipients.map((r, i) => {
    const type = (list[i] as JsonObject).type ?? 'required';
    if (type !== 'required' && type !== 'optional' && type !== 'resource')
      invalid(`attendees[${i}].type`, `'${String(type)}' is not one of required, optional, resource.`);
    return { type, emailAddress: r.emailAddress };
  });
}

function meetingRequest(id: string, event: JsonObject, organizer: JsonObject, now: string): JsonObject {
  return {
    id,
    '@odata.type': '#microsoft.graph.eventMessageRequest',
    meetingMessageType: 'meetingRequest',
    subject: event.subject,
    body: event.body,
    bodyPreview: event.bodyPreview,
    from: organizer,
    sender: organizer,
    toRecipients: (event.attendees as JsonObject[]).map((a) => ({ emailAddress: a.emailAddress })),
    ccRecipients: [],
    bccRecipients: [],
    receivedDateTime: now,
    sentDateTime: now,
    isRead: false,
    startDateTime: event.start,
    endDateTime: event.end,
    recurrence: event.recurrence,
    eventId: event.id,
  };
}

function contextUrl(owner: CalendarOwner): string {
  return owner.kind === 'group'
    ? `https://graph.microsoft.com/v1.0/$metadata#groups('${owner.id}')/events/$entity`
    : `https://graph.microsoft.com/v1.0/$metadata#users('${owner.id}')/events/$entity`;
}
