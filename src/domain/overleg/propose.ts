/**
 * Proposes a meeting: a working day that is not in the past, attendees resolved by function title (art. 7.1 for the
 * bestuurlijk overleg; accounthouders art. 5 and DVA owners art. 12 as suggestions), and the agenda with the mandatory
 * topics (art. 6.2).
 */
import type { AgreementConfig, MeetingConfig } from '../agreement/schema';
import { addDaysIso } from '../common/dates';
import { AGREEMENT_TIME_ZONE } from '../datalek/zone';
import { workingDayOnOrAfter, workingDayOnOrBefore } from './days';
import { toToday } from './schedule';
import type { AgendaItem, MeetingAttendee, MeetingKind, MeetingPerson, PlannedMeeting, PlanningWarning } from './types';
import { partyLabel } from '../agreement/queries';

/** Days of notice a proposal leaves, so invitations reach busy agendas (a planning choice, not an article). */
export const MIN_NOTICE_DAYS = 14;

/** Options of {@link proposeMeeting}. */
export interface ProposeOptions {
  /** The series key when the configuration has more than one series of this kind. */
  meetingKey?: string;
  /** The due date from the schedule: the proposal falls on or before it when that is possible. */
  dueOn?: string;
  /** Local start time HH:mm (default 10:00). */
  startTime?: string;
  /** Duration in minutes (default 120). */
  durationMinutes?: number;
}

/** A proposal, or why none can be made. */
export type ProposalResult =
  | { ok: true; meeting: PlannedMeeting; warnings: PlanningWarning[] }
  | { ok: false; error: { code: 'no_meeting_configured' | 'invalid_option'; nl: string; en: string } };

const norm = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** Proposes a date, attendees and agenda for a meeting of `kind`. */
export function proposeMeeting(
  kind: MeetingKind,
  config: AgreementConfig,
  people: readonly MeetingPerson[],
  today: string | Date,
  options: ProposeOptions = {},
): ProposalResult {
  const meeting = config.meetings.find((m) => (options.meetingKey ? m.key === options.meetingKey : m.kind === kind));
  if (!meeting)
    return {
      ok: false,
      error: {
        code: 'no_meeting_configured',
        nl: `de configuratie kent geen overleg van soort '${options.meetingKey ?? kind}'`,
        en: `the configuration has no meeting of kind '${options.meetingKey ?? kind}'`,
      },
    };
  const startTime = options.startTime ?? '10:00';
  const duration = options.durationMinutes ?? 120;
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(startTime) || !Number.isInteger(duration) || duration < 15 || duration > 8 * 60)
    return {
      ok: false,
      error: {
        code: 'invalid_option',
        nl: 'begintijd moet UU:MM zijn en de duur 15 tot 480 minuten',
        en: 'start time must be HH:mm and the duration 15 to 480 minutes',
      },
    };
  const warnings: PlanningWarning[] = [];
  const day = proposeDate(toToday(today), meeting, options.dueOn, warnings);
  const attendees = resolveAttendees(meeting, config, people, warnings);
  const agenda: AgendaItem[] = meeting.mandatoryTopics.map((t) => ({
    key: t.key,
    label: t.label,
    source: t.source,
    mandatory: true,
  }));
  const [h, m] = startTime.split(':').map(Number);
  const endMinutes = h * 60 + m + duration;
  const end = `${day}T${String(Math.floor(endMinutes / 60) % 24).padStart(2, '0')}:${String(endMinutes % 60).padStart(2, '0')}`;
  return {
    ok: true,
    warnings,
    meeting: {
      meetingKey: meeting.key,
      kind: meeting.kind,
      title: meeting.title,
      start: `${day}T${startTime}`,
      end: endMinutes >= 24 * 60 ? `${addDaysIso(day, 1)}${end.slice(10)}` : end,
      timeZone: AGREEMENT_TIME_ZONE,
      attendees,
      agenda,
      everyMonths: meeting.everyMonths,
      reminderLeadDays: [...meeting.reminderLeadDays].sort((a, b) => b - a),
      source: meeting.source,
    },
  };
}

/** On or before the due date when notice allows; otherwise the first working day after the notice period. */
function proposeDate(
  today: string,
  meeting: MeetingConfig,
  dueOn: string | undefined,
  warnings: PlanningWarning[],
): string {
  const earliest = workingDayOnOrAfter(addDaysIso(today, MIN_NOTICE_DAYS));
  if (dueOn) {
    const latest = workingDayOnOrBefore(dueOn);
    if (latest >= earliest) return latest;
    warnings.push({
      code: 'due_date_too_soon',
      article: meeting.source,
      nl: `de uiterste datum ${dueOn} is te dichtbij voor ${MIN_NOTICE_DAYS} dagen aankondiging; voorstel ${earliest}`,
      en: `the due date ${dueOn} is too close for ${MIN_NOTICE_DAYS} days of notice; proposing ${earliest}`,
    });
  }
  return earliest;
}

/** Required roles (by function title per party) first, then suggested roles; one entry per person. */
function resolveAttendees(
  meeting: MeetingConfig,
  config: AgreementConfig,
  people: readonly MeetingPerson[],
  warnings: PlanningWarning[],
): MeetingAttendee[] {
  const out: MeetingAttendee[] = [];
  const add = (p: MeetingPerson, required: boolean, source: string): void => {
    const existing = out.find((a) => a.email.toLowerCase() === p.email.toLowerCase());
    if (existing) existing.required = existing.required || required;
    else
      out.push({
        name: p.name,
        email: p.email,
        party: p.party,
        partyName: partyLabel(config, p.party),
        functionTitle: p.functionTitle,
        required,
        source,
      });
  };
  const holders = (party: string, title: string): MeetingPerson[] =>
    people.filter((p) => p.party === party && norm(p.functionTitle) === norm(title) && p.email.includes('@'));
  for (const role of meeting.requiredAttendees) {
    const found = holders(role.party, role.functionTitle);
    // art. 7.1: these function titles must be present; say so when nobody holds one.
    if (found.length === 0)
      warnings.push({
        code: 'required_role_missing',
        party: role.party,
        functionTitle: role.functionTitle,
        article: meeting.source,
        nl: `niemand gevonden met functie '${role.functionTitle}' bij ${partyLabel(config, role.party)}; deze functie moet aanwezig zijn`,
        en: `nobody found with function '${role.functionTitle}' at ${partyLabel(config, role.party)}; this function must attend`,
      });
    found.forEach((p) => add(p, true, meeting.source));
  }
  for (const party of config.parties) {
    // art. 5: the accounthouder owns the agreement; art. 12: the DVA owner manages the DVAs. Suggested, not required.
    const suggested =
      meeting.kind === 'dva-vernieuwing' && party.dvaOwner
        ? [{ title: party.dvaOwner.functionTitle, source: 'art. 12' }]
        : meeting.kind === 'bestuurlijk'
          ? []
          : [{ title: party.accounthouder.functionTitle, source: 'art. 5' }];
    for (const s of suggested) holders(party.key, s.title).forEach((p) => add(p, false, s.source));
  }
  if (out.length === 0)
    warnings.push({
      code: 'no_attendees',
      article: meeting.source,
      nl: 'geen deelnemers gevonden; nodig de deelnemers zelf uit',
      en: 'no attendees found; invite the attendees yourself',
    });
  return out;
}


