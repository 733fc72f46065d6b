/** Recording that a meeting took place, with its verslag (minutes) linked: the schedule then counts from that date. */
import { wallClockToUtc } from '../calendar/zone';
import { parseIsoDate } from '../domain/common/dates';
import type { MeetingEntry } from '../ports/registers';
import { OverlegInputError, OVERLEG_TIME_ZONE, type OverlegDeps } from './deps';

/** What the person enters when recording a held meeting. */
export interface HeldInput {
  meetingKey: string;
  /** Date held, YYYY-MM-DD (not in the future). */
  heldOn: string;
  /** Link to the verslag (http or https). */
  minutesUrl: string;
  /** The planned entry this was, when there is one (it is updated instead of adding a row). */
  plannedId?: number;
  /**
   * The etag the planned entry was read with (required with `plannedId`): the update is refused when someone changed
   * the entry since (e.g. linked another verslag), instead of overwriting it.
   */
  plannedEtag?: string;
}

/** Checks the input; throws {@link OverlegInputError} naming the field. */
export function validateHeld(input: HeldInput, config: OverlegDeps['config'], today: string): void {
  if (!config.meetings.some((m) => m.key === input.meetingKey))
    throw new OverlegInputError('meetingKey', `onbekende overlegreeks '${input.meetingKey}'`, `unknown meeting series '${input.meetingKey}'`);
  if (!parseIsoDate(input.heldOn))
    throw new OverlegInputError('heldOn', `'${input.heldOn}' is geen datum (JJJJ-MM-DD)`, `'${input.heldOn}' is not a date (YYYY-MM-DD)`);
  if (input.heldOn > today)
    throw new OverlegInputError('heldOn', `${input.heldOn} ligt in de toekomst`, `${input.heldOn} is in the future`);
  let url: URL | null = null;
  try {
    url = new URL(input.minutesUrl.trim());
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
    throw new OverlegInputError('minutesUrl', 'geef de link (https://…) naar het verslag', 'give the link (https://…) to the minutes');
}

/** Stores the held meeting: the planned entry becomes 'gehouden', or a new entry is added. */
export async function recordHeld(
  deps: Pick<OverlegDeps, 'config' | 'meetings'>,
  input: HeldInput,
  today: string,
): Promise<MeetingEntry> {
  validateHeld(input, deps.config, today);
  const series = deps.config.meetings.find((m) => m.key === input.meetingKey)!;
  // Noon in Amsterdam: the stored instant falls on the date held whatever the UTC offset.
  const date = wallClockToUtc(`${input.heldOn}T12:00`, OVERLEG_TIME_ZONE).toISOString();
  const patch = { status: 'gehouden' as const, date, minutesUrl: input.minutesUrl.trim() };
  if (input.plannedId !== undefined) {
    // No blind overwrites: the entry as the person saw it, or a ConcurrencyError naming it.
    if (!input.plannedEtag)
      throw new Error(
        `Programmeerfout: recordHeld voor overleg ${input.plannedId} zonder plannedEtag; ` +
          'geef de etag mee waarmee het geplande overleg is gelezen.',
      );
    return deps.meetings.update(input.plannedId, patch, input.plannedEtag);
  }
  return deps.meetings.create({ series: input.meetingKey, title: series.title, details: {}, ...patch });
}
