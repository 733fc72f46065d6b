/** Character classes and folding used by the single-pass scanner; work on UTF-16 code units, no regex per char. */

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

const HAS_NON_ASCII = /[^\u0000-\u007f]/;
const MARKS = /\p{M}/gu;

/** Lower-cases and strips diacritics ('Patiëntendossier' → 'patientendossier'); ASCII input takes the fast path. */
export function fold(word: string): string {
  if (!HAS_NON_ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFD').replace(MARKS, '').toLowerCase();
}
