/**
 * IBANs (ISO 13616): country code, two check digits, then the BBAN, compact or in groups of four separated by one
 * space ('NL91 ABNA 0417 1643 00'). The country's registered length and mod-97 must both hold.
 */
import { isDigit, isUpper, isWordChar } from './chars';
import { isValidIbanChecksum } from './checks';
import { IBAN_LENGTHS } from './ibanLengths';

function isIbanChar(c: number): boolean {
  return isDigit(c) || isUpper(c);
}

/**
 * The IBAN-shaped token starting at `i` (country code, check digits, the country's BBAN length) and whether it
 * passes mod-97; undefined when the shape does not fit. Upper-case only: lower-case look-alikes are ordinary words.
 * A token that has the shape but fails the checksum is still a token: its digit groups are not a phone number.
 */
export function matchIbanAt(text: string, i: number): { end: number; valid: boolean } | undefined {
  const c0 = text.charCodeAt(i);
  const c1 = text.charCodeAt(i + 1);
  if (!isUpper(c0) || !isUpper(c1) || !isDigit(text.charCodeAt(i + 2)) || !isDigit(text.charCodeAt(i + 3))) {
    return undefined;
  }
  const length = IBAN_LENGTHS[text.slice(i, i + 2)];
  if (length === undefined) return undefined;
  let compact = '';
  let p = i;
  while (compact.length < length) {
    const c = text.charCodeAt(p);
    if (isIbanChar(c)) {
      compact += text[p];
      p++;
    } else if ((c === 32 || c === 0xa0) && compact.length % 4 === 0 && isIbanChar(text.charCodeAt(p + 1))) {
      p++;
    } else {
      return undefined;
    }
  }
  if (isWordChar(text.charCodeAt(p))) return undefined;
  return { end: p, valid: isValidIbanChecksum(compact) };
}
