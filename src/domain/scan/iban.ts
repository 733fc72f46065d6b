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

/** End of a valid IBAN starting at `i`, or -1. Upper-case only: lower-case lookalikes are ordinary words. */
export function matchIbanAt(text: string, i: number): number {
  const c0 = text.charCodeAt(i);
  const c1 = text.charCodeAt(i + 1);
  if (!isUpper(c0) || !isUpper(c1) || !isDigit(text.charCodeAt(i + 2)) || !isDigit(text.charCodeAt(i + 3))) return -1;
  const length = IBAN_LENGTHS[text.slice(i, i + 2)];
  if (length === undefined) return -1;
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
      return -1;
    }
  }
  if (isWordChar(text.charCodeAt(p))) return -1;
  return isValidIbanChecksum(compact) ? p : -1;
}
