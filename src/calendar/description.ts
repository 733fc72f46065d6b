/** The plain-text body of a planned meeting: agenda with the mandatory topics (art. 6.2) and who is expected (art. 7.1). */
import type { PlannedMeeting } from '../domain/overleg';

/** Plain text for calendar bodies and .ics DESCRIPTION; callers escape it for HTML (Graph) or iCalendar TEXT (.ics). */
export function meetingDescription(meeting: PlannedMeeting, link?: string): string {
  const lines: string[] = [`${meeting.title} (${meeting.source})`, ''];
  if (meeting.agenda.length) {
    lines.push('Agenda:');
    meeting.agenda.forEach((a, i) =>
      lines.push(`${i + 1}. ${a.label}${a.mandatory ? ` (verplicht, ${a.source})` : ''}`),
    );
    lines.push('');
  }
  const required = meeting.attendees.filter((a) => a.required);
  if (required.length) {
    lines.push('Verplicht aanwezig:');
    required.forEach((a) => {
      // The party as the configuration names it (shortName); its key only for an attendee planned without the name.
      const party = a.partyName ?? a.party;
      lines.push(`- ${a.functionTitle}${party ? ` (${party})` : ''}: ${a.name}`);
    });
    lines.push('');
  }
  if (link) lines.push(`Samenwerkingsruimte: ${link}`);
  return lines.join('\n').trim();
}
