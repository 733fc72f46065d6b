/** Dutch wall-clock helpers: the agreement's parties work in Europe/Amsterdam, whatever time zone the host runs in. */

/** The time zone every date in the agreement is read in. */
export const AGREEMENT_TIME_ZONE = 'Europe/Amsterdam';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO date-time that carries its offset (`Z` or `+01:00`); undefined otherwise. */
export function parseIsoDateTime(value: string): Date | undefined {
  if (!ISO_DATE_TIME.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The calendar date (YYYY-MM-DD) of an instant in Amsterdam. */
export function amsterdamDate(instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: AGREEMENT_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Formats an instant as date and time in Amsterdam: `23-11-2026 14:05` (nl) or `23 Nov 2026 14:05` (en). */
export function formatAmsterdam(instant: Date, lang: 'nl' | 'en'): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: AGREEMENT_TIME_ZONE,
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(instant);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${formatIsoDate(amsterdamDate(instant), lang)} ${get('hour')}:${get('minute')}`;
}

/** Formats a calendar date (YYYY-MM-DD) for display, e.g. `23-11-2026` or `23 Nov 2026`. */
export function formatIsoDate(iso: string, lang: 'nl' | 'en'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', {
    timeZone: 'UTC',
    year: 'numeric',
    month: lang === 'en' ? 'short' : '2-digit',
    day: '2-digit',
  }).format(date);
}
