/** Turns rows of the Overleggen list into the history the schedule counts from: the meetings recorded as held. */
import { amsterdamDate, parseIsoDateTime } from '../datalek/zone';
import { parseIsoDate } from '../common/dates';
import type { HeldMeeting } from './types';

/** The fields of an Overleggen row this needs (the MeetingStore port's `MeetingEntry` has them). */
export interface MeetingRow {
  series: string;
  /** ISO date-time or date. */
  date: string;
  status: 'gepland' | 'gehouden' | 'geannuleerd';
}

/** Meetings that took place, as dates in Amsterdam; planned and cancelled meetings do not move the schedule. */
export function heldMeetings(rows: readonly MeetingRow[]): HeldMeeting[] {
  return rows.flatMap((row) => {
    if (row.status !== 'gehouden') return [];
    const instant = parseIsoDateTime(row.date);
    const heldOn = instant ? amsterdamDate(instant) : parseIsoDate(row.date) ? row.date : undefined;
    return heldOn ? [{ meetingKey: row.series, heldOn }] : [];
  });
}
