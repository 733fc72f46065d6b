/**
 * The meeting plan: ambtelijk (art. 6.1) and bestuurlijk overleg (art. 7.1) at least once a year, the DVA renewal each
 * year (art. 12), the evaluation one year after the effective date or earlier "indien daartoe aanleiding bestaat" (art. 13.2).
 *
 * Decisions:
 * - The next due date counts from the last time the meeting was held, so a meeting held early moves the plan with it.
 * - Never held: the first due date counts from the effective date (art. 14.1), or the signing date (with a note) while
 *   the publication is not recorded; the evaluation counts `evaluationAfterMonths` from it (art. 13.2).
 * - Held on 29 February: next due on 28 February. "Minimaal een keer per jaar" means within a year, and 1 March
 *   would be one day more than a year later (addMonthsUtc clamps to the month's last day).
 */
import type { AgreementRecord, MeetingConfig } from '../agreement/schema';
import { addDaysIso, addMonthsUtc, parseIsoDate, toIsoDate } from '../common/dates';
import { amsterdamDate } from '../datalek/zone';
import { daysBetween } from './days';
import type { HeldMeeting, MeetingMove, ReminderMoment, ScheduleItem, ScheduleNote, ScheduleStatus } from './types';

/** The calendar date of `today` in Amsterdam (a Date) or the date itself (YYYY-MM-DD). */
export function toToday(today: string | Date): string {
  if (typeof today !== 'string') return amsterdamDate(today);
  if (!parseIsoDate(today)) throw new RangeError(`today is not a date (YYYY-MM-DD): ${today}`);
  return today;
}

/** Adds months to an ISO date, clamping to the end of a shorter month (29 Feb + 12 months = 28 Feb). */
export function addMonthsIso(iso: string, months: number): string {
  const date = parseIsoDate(iso);
  if (!date) throw new RangeError(`not an ISO date: ${iso}`);
  return toIsoDate(addMonthsUtc(date, months));
}

/** Computes, for every configured meeting series, when it was last held, when it is next due and its status. */
export function computeSchedule(
  meetings: readonly MeetingConfig[],
  history: readonly HeldMeeting[],
  agreement: AgreementRecord,
  today: string | Date,
  moves: readonly MeetingMove[] = [],
): ScheduleItem[] {
  const day = toToday(today);
  const known = effectiveFrom(agreement);
  // Without a recorded publication the plan still needs an anchor: count from signing and say so.
  const effective = known ?? agreement.signedOn;
  return meetings.map((m) => {
    const item = scheduleOne(m, history, moves, agreement, effective, day);
    if (known === undefined)
      item.notes.unshift({
        code: 'effective_date_unknown',
        article: 'art. 14.1',
        nl: `datum van inwerkingtreding onbekend (publicatie nog niet vastgelegd); gerekend vanaf ondertekening ${agreement.signedOn}`,
        en: `effective date unknown (publication not yet recorded); counted from signing on ${agreement.signedOn}`,
      });
    return item;
  });
}

/** art. 14.1: the day after publication in the Staatscourant, the signing date, or the explicit date. */
export function effectiveFrom(agreement: AgreementRecord): string | undefined {
  if (agreement.effectiveRule === 'onSigning') return agreement.effectiveFrom ?? agreement.signedOn;
  if (agreement.effectiveRule === 'explicit') return agreement.effectiveFrom;
  const published = agreement.staatscourant?.publishedOn;
  return agreement.effectiveFrom ?? (published === undefined ? undefined : addDaysIso(published, 1));
}

function scheduleOne(
  m: MeetingConfig,
  history: readonly HeldMeeting[],
  moves: readonly MeetingMove[],
  agreement: AgreementRecord,
  effective: string,
  today: string,
): ScheduleItem {
  const notes: ScheduleNote[] = [];
  let lastHeld: string | null = null;
  for (const h of history.filter((x) => x.meetingKey === m.key)) {
    if (!parseIsoDate(h.heldOn)) {
      notes.push({
        code: 'invalid_date',
        article: m.source,
        nl: `ongeldige datum '${h.heldOn}' genegeerd`,
        en: `invalid date '${h.heldOn}' ignored`,
      });
      continue;
    }
    if (h.heldOn > today) {
      notes.push({
        code: 'held_in_future',
        article: m.source,
        nl: `'gehouden op ${h.heldOn}' ligt in de toekomst en telt niet mee`,
        en: `'held on ${h.heldOn}' lies in the future and does not count`,
      });
      continue;
    }
    if (lastHeld === null || h.heldOn > lastHeld) lastHeld = h.heldOn;
  }
  let basis: ScheduleItem['basis'] = lastHeld ? 'last-held' : 'effective-date';
  let nextDue = lastHeld
    ? addMonthsIso(lastHeld, m.everyMonths)
    : addMonthsIso(effective, m.kind === 'evaluatie' ? agreement.evaluationAfterMonths : m.everyMonths);
  let movedReason: string | undefined;
  const move = moves.filter((x) => x.meetingKey === m.key).sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1))[0];
  if (move) {
    if (!parseIsoDate(move.dueOn))
      notes.push({
        code: 'invalid_date',
        article: m.source,
        nl: `ongeldige verplaatsdatum '${move.dueOn}'`,
        en: `invalid move date '${move.dueOn}'`,
      });
    else if (!move.reason.trim())
      notes.push({
        code: 'move_reason_missing',
        article: m.source,
        nl: 'eerder plannen vraagt een aanleiding; verplaatsing niet toegepast',
        en: 'moving earlier needs a reason; move not applied',
      });
    else if (move.dueOn > nextDue)
      notes.push({
        code: 'move_later_refused',
        article: m.source,
        nl: `${move.dueOn} ligt na de uiterste datum ${nextDue}; alleen eerder is toegestaan`,
        en: `${move.dueOn} is after the latest date ${nextDue}; only earlier is allowed`,
      });
    else if (lastHeld && move.dueOn <= lastHeld)
      notes.push({
        code: 'move_before_last_held',
        article: m.source,
        nl: `${move.dueOn} ligt niet na de laatste keer (${lastHeld}); verplaatsing vervallen`,
        en: `${move.dueOn} is not after the last time held (${lastHeld}); move lapsed`,
      });
    else {
      nextDue = move.dueOn;
      basis = 'moved';
      movedReason = move.reason.trim();
    }
  }
  const leads = [...new Set(m.reminderLeadDays)].sort((a, b) => b - a);
  const reminders: ReminderMoment[] = leads.map((d) => ({ leadDays: d, on: addDaysIso(nextDue, -d) }));
  const reminderWindowOpensOn = reminders[0]?.on ?? nextDue;
  const daysUntilDue = daysBetween(today, nextDue);
  const status: ScheduleStatus = today > nextDue ? 'overdue' : today >= reminderWindowOpensOn ? 'due-soon' : 'ok';
  return {
    meetingKey: m.key,
    kind: m.kind,
    title: m.title,
    source: m.source,
    everyMonths: m.everyMonths,
    lastHeld,
    basis,
    nextDue,
    status,
    daysUntilDue,
    reminders,
    reminderWindowOpensOn,
    ...(movedReason ? { movedReason } : {}),
    notes,
  };
}
