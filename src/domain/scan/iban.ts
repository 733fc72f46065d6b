/**
 * IBANs (ISO 13616): country code, two check digits, then the BBAN, as people and producers really write them:
 * compact or in groups of four separated by a space, '-' or '.', in any letter case ('nl91abna0417164300'), and
 * broken over lines (a PDF wraps a grouped IBAN at a space, a narrow table cell inside the token). The country's
 * registered length and mod-97 must both hold, so these liberties cost almost no false positives.
 */
import { isDigit, isWordChar } from './chars';
import { ibanMod97 } from './checks';
import { IBAN_LENGTHS } from './ibanLengths';

/** Upper-case of an ASCII letter, else the code unchanged. */
function upper(c: number): number {
  return c >= 97 && c <= 122 ? c - 32 : c;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Length of a line break at `p` (0 when none): optional blanks, an optional hyphen (a wrap after a '-' separator or a
 * hyphenation), CR LF or LF, optional blanks. Bounded, so the scan stays linear.
 */
export function lineBreakLength(text: string, p: number): number {
  let q = p;
  while (q - p < 4 && (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9)) q++;
  if (text.charCodeAt(q) === 45 || text.charCodeAt(q) === 0xad) q++;
  if (text.charCodeAt(q) === 13) q++;
  if (text.charCodeAt(q) !== 10) return 0;
  q++;
  while (q - p < 12 && (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9)) q++;
  return q - p;
}

/**
 * The IBAN-shaped token starting at `i` (country code, check digits, the country's BBAN length) and whether it
 * passes mod-97; undefined when the shape does not fit. The caller guarantees `i` starts a word. A token that has the
 * shape but fails the checksum is still a token: its digit groups are not a phone number.
 */
export function matchIbanAt(text: string, i: number): { end: number; valid: boolean } | undefined {
  const c0 = upper(text.charCodeAt(i));
  const c1 = upper(text.charCodeAt(i + 1));
  if (c0 < 65 || c0 > 90 || c1 < 65 || c1 > 90) return undefined;
  if (!isDigit(text.charCodeAt(i + 2)) || !isDigit(text.charCodeAt(i + 3))) return undefined;
  const length = IBAN_LENGTHS[String.fromCharCode(c0, c1)];
  if (length === undefined) return undefined;
  let compact = '';
  let count = 0;
  let p = i;
  while (count < length) {
    const c = text.charCodeAt(p);
    if (isAlnum(c)) {
      compact += String.fromCharCode(upper(c));
      count++;
      p++;
      continue;
    }
    if (count === 0) return undefined;
    // a line break may fall anywhere (a wrapped group, a narrow table cell), a separator only between groups of four
    const brk = lineBreakLength(text, p);
    if (brk > 0 && isAlnum(text.charCodeAt(p + brk))) {
      p += brk;
    } else if (count % 4 === 0 && (c === 32 || c === 0xa0 || c === 45 || c === 46) && isAlnum(text.charCodeAt(p + 1))) {
      p++;
    } else {
      return undefined;
    }
  }
  if (isWordChar(text.charCodeAt(p))) return undefined;
  return { end: p, valid: ibanMod97(compact) === 1 };
}
