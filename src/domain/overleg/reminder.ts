/** "Post once": a reminder card per meeting and due date, whatever the number of page loads. */
import type { ScheduleItem } from './types';

/** Deterministic key of the reminder for one due date of one series, e.g. `bestuurlijk@2027-06-21`. */
export function reminderKey(item: Pick<ScheduleItem, 'meetingKey' | 'nextDue'>): string {
  return `${item.meetingKey}@${item.nextDue}`;
}

/** Whether to post a reminder card now: due soon or overdue, and not yet posted under its key. */
export function shouldPostReminder(
  item: Pick<ScheduleItem, 'meetingKey' | 'nextDue' | 'status'>,
  alreadyPosted: Iterable<string>,
): { post: boolean; key: string; reason: 'not-due' | 'already-posted' | 'due' } {
  const key = reminderKey(item);
  if (item.status === 'ok') return { post: false, key, reason: 'not-due' };
  for (const k of alreadyPosted) if (k === key) return { post: false, key, reason: 'already-posted' };
  return { post: true, key, reason: 'due' };
}
