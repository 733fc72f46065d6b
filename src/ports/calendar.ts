/**
 * Where an event is created. `organiser`: the signed-in user's own calendar with the attendees invited, the only
 * place where Exchange reminders really fire for everyone. `group`: a Microsoft 365 group calendar, where Outlook
 * does not fire reminders at all.
 */
export type CalendarTarget = { kind: 'organiser' } | { kind: 'group'; groupId: string };

/** An invited person. */
export interface Attendee {
  address: string;
  name?: string;
  /** Required (default) or optional attendance. */
  optional?: boolean;
}

/** A repeat every N months from the start, e.g. 12 for the yearly overleg (art. 6, 7) and DVA renewal (art. 12). */
export interface Repeat {
  everyMonths: number;
  /** Last date (YYYY-MM-DD) on which an occurrence may fall; with neither `until` nor `occurrences` it never ends. */
  until?: string;
  occurrences?: number;
}

/** A meeting to put in a calendar. Times are wall-clock times in `timeZone`. */
export interface CalendarEventRequest {
  subject: string;
  /** Plain text (agenda, mandatory topics); adapters escape it. */
  description: string;
  /** Local start, `YYYY-MM-DDTHH:mm`. */
  start: string;
  /** Local end, `YYYY-MM-DDTHH:mm`. */
  end: string;
  /** IANA time zone, e.g. `Europe/Amsterdam`. */
  timeZone: string;
  location?: string;
  attendees: Attendee[];
  repeat?: Repeat;
  /** Minutes before the start at which the reminder fires; null for none. Outlook keeps one reminder per event. */
  reminderMinutesBefore: number | null;
  /**
   * The caller's key for this create (Graph's `transactionId`): a repeat of the create with the same key, after an
   * answer that never came, must not make a second event. Derive it from everything the request carries.
   */
  transactionId?: string;
}

/** What the calendar answered. */
export interface CreatedCalendarEvent {
  id: string;
  webLink: string | null;
  /** False where the reminder will not fire (group calendars, or no reminder asked). */
  reminderFires: boolean;
}

/** Creates meetings in a calendar as the signed-in user. */
export interface CalendarWriter {
  /** Creates the event; rejects with an Error naming the failure (e.g. the field the calendar refused). */
  createEvent(target: CalendarTarget, event: CalendarEventRequest): Promise<CreatedCalendarEvent>;
}
