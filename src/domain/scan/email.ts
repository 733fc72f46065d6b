/** E-mail addresses, found from their '@' outward: local part backwards (at most 64 chars, RFC 5321), domain forwards. */
import { isAsciiLetter, isDigit, isNonAsciiWordChar } from './chars';

const LOCAL_SPECIALS = new Set("!#$%&'*+/=?^_`{|}~.-".split('').map((ch) => ch.charCodeAt(0)));

function isLocalChar(c: number): boolean {
  return isDigit(c) || isAsciiLetter(c) || LOCAL_SPECIALS.has(c) || isNonAsciiWordChar(c);
}

function isLabelChar(c: number): boolean {
  return isDigit(c) || isAsciiLetter(c) || c === 45 || isNonAsciiWordChar(c);
}

/**
 * Longest domain (RFC 1035: 255 octets). A longer run of labels is no address, and the search stops there, so an
 * address always fits in a scan window's margin (src/domain/scan/stream.ts).
 */
const MAX_DOMAIN = 255;

/** The address around the '@' at `at` as [start, end), or undefined when it is not an address. */
export function matchEmailAt(text: string, at: number): { start: number; end: number } | undefined {
  let s = at;
  const floor = Math.max(0, at - 64);
  while (s > floor && isLocalChar(text.charCodeAt(s - 1))) s--;
  if (s === floor && s > 0 && isLocalChar(text.charCodeAt(s - 1))) return undefined; // local part over 64: not an address
  while (s < at && text.charCodeAt(s) === 46) s++; // a sentence's full stop is not part of the address
  if (s === at || text.charCodeAt(at - 1) === 46) return undefined;
  let p = at + 1;
  let labels = 0;
  let tldStart = p;
  let end = p;
  for (;;) {
    const ls = p;
    while (p < text.length && p - at - 1 <= MAX_DOMAIN && isLabelChar(text.charCodeAt(p))) p++;
    if (p - at - 1 > MAX_DOMAIN) return undefined;
    if (p === ls) break;
    labels++;
    tldStart = ls;
    end = p;
    if (text.charCodeAt(p) === 46 && isLabelChar(text.charCodeAt(p + 1))) p++;
    else break;
  }
  if (labels < 2 || end - tldStart < 2) return undefined;
  for (let k = tldStart; k < end; k++)
    if (!isAsciiLetter(text.charCodeAt(k)) && !isNonAsciiWordChar(text.charCodeAt(k))) {
      return undefined;
    }
  return { start: s, end };
}
