/** Offers the .ics of a planned meeting as a file download (RFC 5545 via src/calendar; ical.js loads lazily). */
import type { PlannedMeeting } from '../../domain/overleg';
import type { UserProfile } from '../../ports';

/** Builds the .ics (same meeting as the calendar event, organiser = the signed-in person) and downloads it. */
export async function downloadIcs(meeting: PlannedMeeting, me: UserProfile, link: string): Promise<void> {
  const { buildIcs } = await import(/* webpackChunkName: 'ics' */ '../../calendar/ics');
  const text = buildIcs(meeting, { organizer: { name: me.displayName, email: me.email }, link });
  const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${meeting.meetingKey}-${meeting.start.slice(0, 10)}.ics`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser the turn to start the download before the object URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
