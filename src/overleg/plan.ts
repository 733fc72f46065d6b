/** The meeting plan as the dashboard shows it: schedule from the configuration and the Overleggen list. */
import { computeSchedule, heldMeetings, toToday, type MeetingMove, type ScheduleItem } from '../domain/overleg';
import type { MeetingEntry } from '../ports/registers';
import type { UserProfile } from '../ports/directory';
import type { OverlegDeps } from './deps';

/** One series of the plan with its planned (not yet held) meeting, if any. */
export interface PlanRow {
  item: ScheduleItem;
  /** The next planned meeting of the series on or after today (status 'gepland'). */
  planned: MeetingEntry | null;
}

/** The plan: one row per configured series, and every entry of the Overleggen list (newest first). */
export interface OverlegPlan {
  today: string;
  rows: PlanRow[];
  entries: MeetingEntry[];
}

/**
 * Moves recorded with a planned meeting: the evaluation planned earlier "indien daartoe aanleiding bestaat"
 * (art. 13.2) keeps its reason in the entry's details (`moveReason`); the domain refuses moves without a reason.
 */
function movesOf(entries: readonly MeetingEntry[]): MeetingMove[] {
  return entries.flatMap((e) => {
    const reason = e.details.moveReason;
    return e.status === 'gepland' && typeof reason === 'string'
      ? [{ meetingKey: e.series, dueOn: e.date.slice(0, 10), reason }]
      : [];
  });
}

/** Reads the Overleggen list and computes the schedule of every configured series for `today`. */
export async function loadPlan(deps: Pick<OverlegDeps, 'config' | 'meetings'>, today: Date | string): Promise<OverlegPlan> {
  const day = toToday(today);
  const entries = await deps.meetings.list();
  const schedule = computeSchedule(deps.config.meetings, heldMeetings(entries), deps.config.agreement, day, movesOf(entries));
  const rows = schedule.map((item) => {
    const planned = entries
      .filter((e) => e.series === item.meetingKey && e.status === 'gepland' && e.date.slice(0, 10) >= day)
      .sort((a, b) => (a.date < b.date ? -1 : 1))[0];
    return { item, planned: planned ?? null };
  });
  return { today: day, rows, entries };
}

/**
 * Whether the signed-in person may plan and record meetings: the accounthouder of a party (art. 5) or its DVA owner
 * (art. 12), recognised by function title. The Overleggen list's permissions remain the real gate.
 */
export function canPlan(config: OverlegDeps['config'], user: Pick<UserProfile, 'party' | 'jobTitle'>): boolean {
  const party = config.parties.find((p) => p.key === user.party);
  if (!party || !user.jobTitle) return false;
  const title = user.jobTitle.trim().toLowerCase();
  return [party.accounthouder.functionTitle, party.dvaOwner?.functionTitle]
    .filter((t): t is string => typeof t === 'string')
    .some((t) => t.trim().toLowerCase() === title);
}
