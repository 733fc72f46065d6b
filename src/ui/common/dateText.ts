/**
 * Dates and moments typed as text, the way a person writes them in Dutch: "2-1-2026", "02-01-2026 14:30",
 * "2/1/2026 14.30", "02012026 1430", and the ISO forms a paste or a saved draft brings ("2026-01-02T14:30"). Day
 * first, always. A browser's own date and date-time boxes take keys in the order of the browser's language and only
 * take a value once every part is filled, so typed entry there can silently not take; a text box keeps what was
 * typed, and the form says how it read it. Pure.
 */
import { parseIsoDate } from '../../domain/common/dates';

/** Calendar parts of a date; the time in the browser's zone when there is one. */
interface Parts {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
}

const p2 = (n: number): string => String(n).padStart(2, '0');

/** The parts when they name a real day (no 31 April) with a four-digit year (the domain's own check of a day). */
function validDate(year: number, month: number, day: number): Parts | undefined {
  if (year < 1000) return undefined;
  return parseIsoDate(`${year}-${p2(month)}-${p2(day)}`) ? { year, month, day } : undefined;
}

/** A date on its own: d-m-jjjj (separators - / . or a space), ddmmjjjj, or ISO jjjj-mm-dd. */
function readDate(text: string): Parts | undefined {
  let m = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(text);
  if (m) return validDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  if (m) return validDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return undefined;
}

/** A time of day: u:mm or u.mm (optionally "uur" or "u" after it), or uumm. */
function readTime(text: string): { hour: number; minute: number } | undefined {
  const m = /^(\d{1,2})[:.](\d{2})(?::\d{2}(?:\.\d+)?)?(?:\s*(?:uur|u))?$/i.exec(text) ?? /^(\d{2})(\d{2})$/.exec(text);
  if (!m) return undefined;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  return hour <= 23 && minute <= 59 ? { hour, minute } : undefined;
}

/** A typed time of day as HH:mm ("9.30", "09:30 uur", "0930"), or undefined when it is not one. */
export function parseTimeText(text: string): string | undefined {
  const time = readTime(text.trim());
  return time ? `${p2(time.hour)}:${p2(time.minute)}` : undefined;
}

/** A typed date as YYYY-MM-DD, or undefined when it is not one. */
export function parseDateText(text: string): string | undefined {
  const d = readDate(text.trim());
  return d ? `${d.year}-${p2(d.month)}-${p2(d.day)}` : undefined;
}

/**
 * A typed date and time as YYYY-MM-DDTHH:mm (the browser's time zone, as a datetime-local value), or undefined when it
 * is not one. The date and the time are separated by spaces, a "T", a comma or " om ".
 */
export function parseDateTimeText(text: string): string | undefined {
  const m = /^(.+?)(?:\s*,\s*|\s+om\s+|\s+|T)(\d{1,2}(?:[:.]\d{2}.*|\d{2}))$/i.exec(text.trim());
  if (!m) return undefined;
  const d = readDate(m[1]);
  const time = readTime(m[2].trim());
  if (!d || !time) return undefined;
  return `${d.year}-${p2(d.month)}-${p2(d.day)}T${p2(time.hour)}:${p2(time.minute)}`;
}

/** How a parsed date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:mm) reads in words, e.g. "vrijdag 2 januari 2026 14:30". */
export function describeParsed(value: string, lang: 'nl' | 'en'): string {
  const [date, time] = value.split('T');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = (time ?? '00:00').split(':').map(Number);
  const at = new Date(year, month - 1, day, hour, minute);
  const locale = lang === 'en' ? 'en-GB' : 'nl-NL';
  const words = at.toLocaleDateString(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  return time ? `${words} ${p2(hour)}:${p2(minute)}` : words;
}

/**
 * A stored value (YYYY-MM-DD, or YYYY-MM-DDTHH:mm with optional seconds) written day first as a person types it
 * ("20-11-2026", "20-11-2026 14:30"); anything else is returned as it is.
 */
export function formatDateText(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$/.exec(value);
  if (!m) return value;
  const date = `${m[3]}-${m[2]}-${m[1]}`;
  return m[4] === undefined ? date : `${date} ${m[4]}:${m[5]}`;
}

/**
 * A moment as the fields read it (YYYY-MM-DDTHH:mm, the browser's time zone) as an ISO instant; undefined for anything
 * else, never through Date's own loose reading (which takes "2-1-2026" as 1 February and rolls 31 February over).
 */
export function localToInstant(local: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return undefined;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  const at = new Date(y, mo - 1, d, h, mi);
  return at.getFullYear() === y && at.getMonth() === mo - 1 && at.getDate() === d ? at.toISOString() : undefined;
}

/** An ISO instant as YYYY-MM-DDTHH:mm in the browser's time zone; '' for none. */
export function instantToLocal(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}T${p2(d.getHours())}:${p2(d.getMinutes())}`;
}
