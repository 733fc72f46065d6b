/**
 * Character classes, word ends and folding used by the single-pass scanner; they work on UTF-16 code units with no
 * regex per ASCII character. Kept in one module so the per-character calls stay module-local (transpiled ES module
 * imports become property reads, which cost more than the test itself in the hot loop).
 */

/** True for ASCII '0'..'9'. */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** True for ASCII 'A'..'Z'. */
export function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** True for ASCII letters. */
export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

const NON_ASCII_WORD = /[\p{L}\p{M}\p{N}]/u;

/** True for non-ASCII letters, combining marks and digits (so 'patiënt' written with a combining diaeresis is one word). */
export function isNonAsciiWordChar(c: number): boolean {
  if (c < 0xc0) return false;
  if (c === 0xd7 || c === 0xf7) return false; // × and ÷ are Latin-1 symbols, not letters
  if (c <= 0x24f || (c >= 0x300 && c <= 0x36f)) return true;
  if (c >= 0xd800 && c <= 0xdfff) return false; // surrogate halves: treat astral symbols (emoji) as separators
  return NON_ASCII_WORD.test(String.fromCharCode(c));
}

/** True for any character that belongs inside a word (letters, digits, marks). */
export function isWordChar(c: number): boolean {
  if (c < 0x80) return isDigit(c) || isAsciiLetter(c);
  return isNonAsciiWordChar(c);
}

/** True for a character that starts a word token (a letter, not a digit). */
export function isLetterStart(c: number): boolean {
  if (c < 0x80) return isAsciiLetter(c);
  return isNonAsciiWordChar(c) && !(c >= 0x300 && c <= 0x36f);
}

const HAS_NON_ASCII = /[\u0080-\uffff]/;
const MARKS = /\p{M}/gu;

/** Lower-cases and strips diacritics ('Patiëntendossier' → 'patientendossier'); ASCII input takes the fast path. */
export function fold(word: string): string {
  if (!HAS_NON_ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/** Index just after the word (letters, digits, marks) that starts at `i`. */
export function wordEnd(text: string, i: number): number {
  const n = text.length;
  let j = i;
  for (; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c < 0x80) {
      if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) break;
    } else if (!isNonAsciiWordChar(c)) break;
  }
  return j;
}

/** True when `c` may sit between the words of a multi-word term: whitespace, hyphen, slash, apostrophe. */
export function isTermGap(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 45 || c === 47 || c === 39 || c === 0x2019;
}
