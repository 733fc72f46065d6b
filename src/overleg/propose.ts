/** A meeting proposal with attendees resolved through the directory by function title (art. 7.1; art. 5; art. 12). */
import {
  proposeMeeting,
  type MeetingPerson,
  type ProposalResult,
  type ScheduleItem,
} from '../domain/overleg';
import type { OverlegDeps } from './deps';

/** A proposal plus why the directory could not be asked, if it could not (attendees then have to be added by hand). */
export type OverlegProposal = ProposalResult & { directoryError?: string };

/** The function titles worth looking up for a series: its required roles, accounthouders (art. 5), DVA owners (art. 12). */
export function titlesFor(config: OverlegDeps['config'], meetingKey: string): string[] {
  const meeting = config.meetings.find((m) => m.key === meetingKey);
  if (!meeting) return [];
  const titles = meeting.requiredAttendees.map((a) => a.functionTitle);
  for (const party of config.parties) {
    titles.push(party.accounthouder.functionTitle);
    if (party.dvaOwner) titles.push(party.dvaOwner.functionTitle);
  }
  return [...new Set(titles)];
}

/** Proposes the next meeting of a series: date on or before its due date, attendees from the directory, agenda. */
export async function proposeFromDirectory(
  deps: Pick<OverlegDeps, 'config' | 'directory'>,
  item: ScheduleItem,
  today: string,
): Promise<OverlegProposal> {
  let people: MeetingPerson[] = [];
  let directoryError: string | undefined;
  try {
    const found = await deps.directory.findByJobTitles(titlesFor(deps.config, item.meetingKey));
    people = found.flatMap((p) =>
      p.party ? [{ name: p.displayName, email: p.email, functionTitle: p.jobTitle, party: p.party }] : [],
    );
  } catch (e) {
    // Without the directory the proposal still has date and agenda; the missing-role warnings say who to add.
    directoryError = e instanceof Error ? e.message : String(e);
  }
  const result = proposeMeeting(item.kind, deps.config, people, today, { meetingKey: item.meetingKey, dueOn: item.nextDue });
  return directoryError ? { ...result, directoryError } : result;
}
