/** Dates written with a month name ('12 maart 1985', '3 jan. 1990', '1 October 1950'), Dutch and English. */
import { isAsciiLetter, isDigit, isWordChar } from './chars';
import { isRealDate } from './checks';

/** Month names and abbreviations (lower case), Dutch and English, with their number. */
export const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  januari: 1,
  january: 1,
  feb: 2,
  februari: 2,
  february: 2,
  mrt: 3,
  maart: 3,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  mei: 5,
  may: 5,
  jun: 6,
  juni: 6,
  june: 6,
  jul: 7,
  juli: 7,
  july: 7,
  aug: 8,
  augustus: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oktober: 10,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

function isGap(c: number): boolean {
  return c === 32 || c === 0xa0;
}

/** A written date whose day digits are [dayStart, dayEnd), or undefined. */
export function matchWrittenDate(
  text: string,
  dayStart: number,
  dayEnd: number,
): { end: number; day: number; month: number; year: number } | undefined {
  if (dayEnd - dayStart > 2 || !isGap(text.charCodeAt(dayEnd))) return undefined;
  let p = dayEnd + 1;
  const wordStart = p;
  while (isAsciiLetter(text.charCodeAt(p))) p++;
  if (p - wordStart < 3 || p - wordStart > 9) return undefined;
  const month = MONTHS[text.slice(wordStart, p).toLowerCase()];
  if (month === undefined) return undefined;
  if (text.charCodeAt(p) === 46) p++; // 'jan.'
  if (!isGap(text.charCodeAt(p))) return undefined;
  const yearStart = ++p;
  while (isDigit(text.charCodeAt(p))) p++;
  if (p - yearStart !== 4 || isWordChar(text.charCodeAt(p))) return undefined;
  const day = Number(text.slice(dayStart, dayEnd));
  const year = Number(text.slice(yearStart, p));
  return isRealDate(day, month, year) ? { end: p, day, month, year } : undefined;
}
