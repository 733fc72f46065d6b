/**
 * Confirming a planned meeting: checked first, recorded in the Overleggen list, then created as a recurring
 * event with a reminder in the organiser's calendar with the attendees invited (Exchange fires reminders there, not in
 * group calendars). If the calendar refuses, the entry is marked 'geannuleerd' with the reason: nothing half-written.
 */
import { wallClockToUtc } from '../calendar/zone';
import { parseIsoDate } from '../domain/common/dates';
import { shortHash } from '../domain/common/hash';
import { toCalendarEventRequest } from '../calendar/request';
import type { PlannedMeeting } from '../domain/overleg';
import type { CreatedCalendarEvent } from '../ports/calendar';
import { requireEtag, type MeetingEntry } from '../ports/registers';
import { OverlegInputError, type OverlegDeps } from './deps';

const LOCAL = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/;
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

/** Checks a (possibly edited) planned meeting; throws {@link OverlegInputError} naming the field. */
export function validatePlannedMeeting(meeting: PlannedMeeting, config: OverlegDeps['config'], today: string): void {
  const series = config.meetings.find((m) => m.key === meeting.meetingKey);
  if (!series)
    throw new OverlegInputError('meetingKey', `onbekende overlegreeks '${meeting.meetingKey}'`, `unknown meeting series '${meeting.meetingKey}'`);
  if (!LOCAL.test(meeting.start) || !parseIsoDate(meeting.start.slice(0, 10)))
    throw new OverlegInputError('start', `'${meeting.start}' is geen datum en tijd (JJJJ-MM-DDTUU:MM)`, `'${meeting.start}' is not a date and time (YYYY-MM-DDTHH:mm)`);
  if (!LOCAL.test(meeting.end) || !parseIsoDate(meeting.end.slice(0, 10)))
    throw new OverlegInputError('end', `'${meeting.end}' is geen datum en tijd (JJJJ-MM-DDTUU:MM)`, `'${meeting.end}' is not a date and time (YYYY-MM-DDTHH:mm)`);
  if (meeting.end <= meeting.start)
    throw new OverlegInputError('end', 'het einde moet na het begin liggen', 'the end must be after the start');
  if (meeting.start.slice(0, 10) < today)
    throw new OverlegInputError('start', `${meeting.start.slice(0, 10)} ligt in het verleden`, `${meeting.start.slice(0, 10)} is in the past`);
  if (!meeting.title.trim()) throw new OverlegInputError('title', 'geef het overleg een titel', 'give the meeting a title');
  const keys = new Set(meeting.agenda.map((a) => a.key));
  for (const topic of series.mandatoryTopics)
    if (!keys.has(topic.key))
      throw new OverlegInputError(
        'agenda',
        `het verplichte agendapunt '${topic.label}' ontbreekt (${topic.source})`,
        `the mandatory agenda topic '${topic.label}' is missing (${topic.source})`,
      );
  for (const a of meeting.attendees)
    if (!EMAIL.test(a.email))
      throw new OverlegInputError('attendees', `'${a.email}' is geen e-mailadres`, `'${a.email}' is not an e-mail address`);
}

/** The stored and created result of a confirmed plan. */
export interface ConfirmedPlan {
  entry: MeetingEntry;
  event: CreatedCalendarEvent;
}

/**
 * Records and creates the meeting; `moveReason` marks an earlier date "indien daartoe aanleiding bestaat" (art. 13.2).
 *
 * `attemptId` is the dialog's key for one plan, kept while the person presses *Bevestigen en uitnodigen* again after
 * an error. With it, the Overleggen entry and the calendar event each carry a key made of the attempt and everything
 * the plan holds: a repeat of the same plan finds the entry the first press made (and plans it again if the calendar
 * had refused it; sends nothing when it already holds its event) and hands the calendar the same `transactionId`, so
 * an event whose answer was lost is not made twice. A plan changed between the presses is another plan, with keys of
 * its own.
 */
export async function confirmPlan(
  deps: Pick<OverlegDeps, 'config' | 'meetings' | 'calendar' | 'host'>,
  meeting: PlannedMeeting,
  today: string,
  options: { moveReason?: string; attemptId?: string } = {},
): Promise<ConfirmedPlan> {
  validatePlannedMeeting(meeting, deps.config, today);
  const details = {
    start: meeting.start,
    end: meeting.end,
    timeZone: meeting.timeZone,
    attendees: meeting.attendees,
    agenda: meeting.agenda,
    ...(options.moveReason?.trim() ? { moveReason: options.moveReason.trim() } : {}),
  };
  const request = toCalendarEventRequest(meeting, { link: deps.host.siteUrl });
  const key = options.attemptId
    ? `${options.attemptId}-${shortHash(JSON.stringify([meeting.meetingKey, meeting.title, details, request]))}`
    : undefined;
  let entry = await deps.meetings.create(
    {
      series: meeting.meetingKey,
      title: meeting.title,
      date: wallClockToUtc(meeting.start, meeting.timeZone).toISOString(),
      status: 'gepland',
      details,
    },
    key,
  );
  if (entry.status === 'geannuleerd' && entry.id !== undefined) {
    // the same plan, refused by the calendar at an earlier press: planned again, without the old refusal
    entry = await deps.meetings.update(
      entry.id,
      { status: 'gepland', details: { ...details, createId: key } },
      requireEtag(entry, `Overleg ${entry.id}`),
    );
  }
  if (entry.status === 'gepland' && entry.eventId) {
    // the same plan made whole at an earlier press (its last answer lost): nothing is sent to the calendar again
    return { entry, event: { id: entry.eventId, webLink: null, reminderFires: request.reminderMinutesBefore !== null } };
  }
  let event: CreatedCalendarEvent;
  try {
    event = await deps.calendar.createEvent({ kind: 'organiser' }, key ? { ...request, transactionId: key } : request);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    if (entry.id !== undefined)
      await deps.meetings.update(
        entry.id,
        { status: 'geannuleerd', details: { ...details, ...(key ? { createId: key } : {}), calendarError: reason } },
        requireEtag(entry, `Overleg ${entry.id}`),
      );
    throw e;
  }
  const stored =
    entry.id === undefined || entry.eventId === event.id
      ? entry
      : await deps.meetings.update(entry.id, { eventId: event.id }, requireEtag(entry, `Overleg ${entry.id}`));
  return { entry: stored, event };
}
