/** Types of the overleg (meeting) plan: ambtelijk (art. 6), bestuurlijk (art. 7), DVA renewal (art. 12), evaluation (art. 13). */
import type { Citation } from '../common/types';
import type { MeetingConfig } from '../agreement/schema';

/** The kinds of meeting series. */
export type MeetingKind = MeetingConfig['kind'];

/** A meeting that took place (its verslag/minutes are linked in the Overleggen list). */
export interface HeldMeeting {
  meetingKey: string;
  /** Date held, YYYY-MM-DD. */
  heldOn: string;
}

/** An explicit earlier due date, e.g. the evaluation moved forward "indien daartoe aanleiding bestaat" (art. 13.2). */
export interface MeetingMove {
  meetingKey: string;
  /** New due date, YYYY-MM-DD; only earlier than the regular due date. */
  dueOn: string;
  /** Why (the "aanleiding"); required. */
  reason: string;
}

/** Where the schedule of one series stands. */
export type ScheduleStatus = 'ok' | 'due-soon' | 'overdue';

/** A note about the schedule input (e.g. a move that was refused). */
export interface ScheduleNote {
  code:
    | 'effective_date_unknown'
    | 'held_in_future'
    | 'invalid_date'
    | 'move_later_refused'
    | 'move_reason_missing'
    | 'move_before_last_held';
  article: Citation;
  nl: string;
  en: string;
}

/** A reminder moment: `leadDays` before the due date. */
export interface ReminderMoment {
  leadDays: number;
  on: string;
}

/** The schedule of one meeting series. */
export interface ScheduleItem {
  meetingKey: string;
  kind: MeetingKind;
  title: string;
  source: Citation;
  everyMonths: number;
  /** Last date held, or null when never held. */
  lastHeld: string | null;
  /** What the due date is counted from. */
  basis: 'last-held' | 'effective-date' | 'moved';
  /** Next due date, YYYY-MM-DD. */
  nextDue: string;
  status: ScheduleStatus;
  /** Days from today to the due date; negative when overdue. */
  daysUntilDue: number;
  /** Reminder moments, earliest first. */
  reminders: ReminderMoment[];
  /** First day of the reminder window (the largest lead time before the due date). */
  reminderWindowOpensOn: string;
  /** Reason of an applied move. */
  movedReason?: string;
  notes: ScheduleNote[];
}

/** A person from the directory, matched to required roles by function title. */
export interface MeetingPerson {
  name: string;
  email: string;
  functionTitle: string;
  party: string;
}

/** An invited person with why they are invited. */
export interface MeetingAttendee {
  name: string;
  email: string;
  /** Party key; empty for a person added by hand. */
  party: string;
  /** The party's configured short name (`shortName`) for calendar text; the key when absent. */
  partyName?: string;
  functionTitle: string;
  /** Required by the agreement (e.g. art. 7.1) or suggested (accounthouder, art. 5; DVA owner, art. 12). */
  required: boolean;
  source: Citation;
}

/** An agenda item; mandatory items come from the configuration (art. 6.2). */
export interface AgendaItem {
  key: string;
  label: string;
  source: Citation;
  mandatory: boolean;
}

/** A warning when planning, e.g. a required role nobody holds. */
export interface PlanningWarning {
  code: 'required_role_missing' | 'due_date_too_soon' | 'no_attendees';
  party?: string;
  functionTitle?: string;
  article: Citation;
  nl: string;
  en: string;
}

/** A meeting ready to be put in a calendar: wall-clock times in Europe/Amsterdam. */
export interface PlannedMeeting {
  meetingKey: string;
  kind: MeetingKind;
  title: string;
  /** Local start `YYYY-MM-DDTHH:mm`. */
  start: string;
  /** Local end `YYYY-MM-DDTHH:mm`. */
  end: string;
  /** IANA time zone of start and end. */
  timeZone: string;
  attendees: MeetingAttendee[];
  agenda: AgendaItem[];
  /** Repeat every N months (12: yearly). */
  everyMonths: number;
  /** Reminder lead times in days. */
  reminderLeadDays: number[];
  source: Citation;
  location?: string;
}
