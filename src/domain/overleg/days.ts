/** Calendar-day arithmetic and Dutch working days for planning meetings. */
import { addDaysIso, parseIsoDate } from '../common/dates';

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) throw new RangeError(`not ISO dates: ${from}, ${to}`);
  return Math.round((b.getTime() - a.getTime()) / 86_400_000);
}

/** Easter Sunday of a year (anonymous Gregorian algorithm), YYYY-MM-DD. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Dutch public holidays on which government offices are closed: Nieuwjaarsdag, Tweede Paasdag, Koningsdag (26 April
 * when 27 April is a Sunday), Bevrijdingsdag (a day off every year under the CAO Rijk), Hemelvaartsdag, Tweede
 * Pinksterdag, Eerste and Tweede Kerstdag.
 */
export function dutchHolidays(year: number): Set<string> {
  const easter = easterSunday(year);
  const kingsDay = new Date(Date.UTC(year, 3, 27)).getUTCDay() === 0 ? `${year}-04-26` : `${year}-04-27`;
  return new Set([
    `${year}-01-01`,
    addDaysIso(easter, 1),
    kingsDay,
    `${year}-05-05`,
    addDaysIso(easter, 39),
    addDaysIso(easter, 50),
    `${year}-12-25`,
    `${year}-12-26`,
  ]);
}

/** True on Monday–Friday outside the Dutch public holidays. */
export function isWorkingDay(iso: string): boolean {
  const date = parseIsoDate(iso);
  if (!date) return false;
  const weekday = date.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !dutchHolidays(date.getUTCFullYear()).has(iso);
}

/** The first working day on or after `iso`. */
export function workingDayOnOrAfter(iso: string): string {
  let day = iso;
  while (!isWorkingDay(day)) day = addDaysIso(day, 1);
  return day;
}

/** The last working day on or before `iso`. */
export function workingDayOnOrBefore(iso: string): string {
  let day = iso;
  while (!isWorkingDay(day)) day = addDaysIso(day, -1);
  return day;
}
