/**
 * The reminder check run when the dashboard loads: for each series due within its lead time or overdue, the
 * reminder card goes to the Team's channel ONCE. The claim in the Herinneringen list comes before the post (its unique
 * key decides between two page loads or two users); a failed post gives the claim back so a later load retries.
 * A crash between claim and post loses that one card (at most once, never twice: a duplicate is the worse failure).
 */
import { reminderKey, type ScheduleItem } from '../domain/overleg';
import { problemOf, technicalDetail, type Problem } from '../domain/common/failure';
import type { Lang } from '../domain/common/types';
import type { OverlegDeps } from './deps';
import type { OverlegPlan } from './plan';

/** Outcome of one series in a reminder check. */
export interface ReminderOutcome {
  meetingKey: string;
  key: string;
  result: 'posted' | 'already-posted' | 'planned' | 'not-due' | 'no-channel' | 'failed';
  /** The technical error when the post failed (the claim was given back, or the text says why not). */
  error?: string;
  /** The failure as a person reads it, with the technical part apart. */
  problem?: Problem;
}

/**
 * The key of the reminder due now: one per due date and stage, so the earliest lead time, the last lead time and
 * "overdue" each post one card (e.g. `bestuurlijk-overleg@2027-06-04#42d`, `…#14d`, `…#te-laat`).
 */
export function reminderStageKey(item: ScheduleItem, today: string): string | null {
  if (item.status === 'ok') return null;
  if (item.status === 'overdue') return `${reminderKey(item)}#te-laat`;
  const passed = item.reminders.filter((r) => r.on <= today);
  const stage = passed.length ? Math.min(...passed.map((r) => r.leadDays)) : item.reminders[0]?.leadDays ?? 0;
  return `${reminderKey(item)}#${stage}d`;
}

/** Posts the due reminder cards of `plan` to the host's reminder channel, each once. */
export async function checkReminders(
  deps: Pick<OverlegDeps, 'config' | 'reminders' | 'channel' | 'host'>,
  plan: OverlegPlan,
  options: { lang?: Lang } = {},
): Promise<ReminderOutcome[]> {
  const out: ReminderOutcome[] = [];
  for (const { item, planned } of plan.rows) {
    const key = reminderStageKey(item, plan.today);
    if (key === null) {
      out.push({ meetingKey: item.meetingKey, key: reminderKey(item), result: 'not-due' });
      continue;
    }
    // A meeting already in the agenda needs no "plan the meeting" card; Outlook reminds its attendees.
    if (planned && planned.date.slice(0, 10) <= item.nextDue) {
      out.push({ meetingKey: item.meetingKey, key, result: 'planned' });
      continue;
    }
    const channel = deps.host.reminderChannel;
    if (!channel) {
      out.push({ meetingKey: item.meetingKey, key, result: 'no-channel' });
      continue;
    }
    // The card builder loads (a chunk of its own) only when a card is due.
    const { buildMeetingReminderCard } = await import(
      /* webpackChunkName: 'meeting-reminder-card' */ '../cards/meetingReminderCard'
    );
    const card = buildMeetingReminderCard(item, deps.config, deps.host.siteUrl, options);
    const claimed = await deps.reminders.claim(key, {
      meetingKey: item.meetingKey,
      nextDue: item.nextDue,
      status: item.status,
      teamId: channel.teamId,
      channelId: channel.channelId,
    });
    if (!claimed) {
      out.push({ meetingKey: item.meetingKey, key, result: 'already-posted' });
      continue;
    }
    try {
      await deps.channel.postCard(channel, card, { subject: item.title });
      out.push({ meetingKey: item.meetingKey, key, result: 'posted' });
    } catch (e) {
      const error = technicalDetail(e) ?? '';
      // The claim goes back with its own etag; if that is refused (someone changed it), say so rather than stop here.
      const kept = await deps.reminders.release(key).then(
        () => null,
        (r: unknown) => technicalDetail(r) ?? 'release failed',
      );
      const problem = problemOf(undefined, e);
      out.push({
        meetingKey: item.meetingKey,
        key,
        result: 'failed',
        error: kept ? `${error} (claim niet teruggegeven: ${kept})` : error,
        problem: kept
          ? {
              nl: `${problem.nl} De herinnering wordt niet vanzelf opnieuw geplaatst; vraag de beheerder de claim '${key}' in de lijst Herinneringen te verwijderen.`,
              en: `${problem.en} The reminder is not posted again by itself; ask the administrator to delete the claim '${key}' in the Herinneringen list.`,
              detail: `${error} (claim niet teruggegeven: ${kept})`,
            }
          : problem,
      });
    }
  }
  return out;
}
