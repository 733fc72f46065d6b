/** Texts of the overleg UI derived from domain values (status, bilingual domain messages, input errors). */
import type { Strings } from '../../loc/types';
import { format } from '../../loc/text';
import type { ScheduleItem } from '../../domain/overleg';
import { OverlegInputError } from '../../overleg';
import { errorMessage } from '../common/errors';

/** The status of a series in words ("12 dagen te laat"). */
export function statusText(t: Strings, item: Pick<ScheduleItem, 'status' | 'daysUntilDue'>): string {
  const days = Math.abs(item.daysUntilDue);
  if (item.status === 'overdue') return format(t.overlegStatus_overdue, { days });
  if (item.status === 'due-soon') return format(t.overlegStatus_dueSoon, { days });
  return t.overlegStatus_ok;
}

/** The message of the UI language from a domain `{ nl, en }` pair. */
export function pick(t: Strings, m: { nl: string; en: string }): string {
  return t.lang === 'en' ? m.en : m.nl;
}

/**
 * An error as text: input errors name their field in the UI language; anything else is the sentence of
 * src/domain/common/failure.ts (what to do), never the raw HTTP or Graph message.
 */
export function failureText(t: Strings, e: unknown): string {
  if (e instanceof OverlegInputError) return format(t.overlegInvalid, { field: e.field, message: pick(t, e) });
  return errorMessage(e, t.lang);
}
