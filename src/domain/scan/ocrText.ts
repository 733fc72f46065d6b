/**
 * Repairs the digit-letter confusions of OCR where an identifier's shape says what a character must be, then keeps
 * only what the identifier's own check accepts: 'NLO2 TRIO …' (O for 0) becomes 'NL02 TRIO …' only because the
 * result passes mod-97; '4O1O91296' becomes a BSN only when it passes the elfproef. A Dutch IBAN whose bank code OCR
 * read with one letter too many ('NLO6GRABO06…') is tried with each of the five letters left out; only a single
 * candidate passing mod-97 is taken. Applied to OCR text only (src/domain/scan/scanFile.ts); typed text is never
 * changed. Pure.
 */
import { isValidBsn, isValidIbanChecksum } from './checks';

/** Characters OCR reads for a digit, and the digit. */
const TO_DIGIT: Readonly<Record<string, string>> = {
  O: '0', o: '0', Q: '0', D: '0', I: '1', l: '1', i: '1', '|': '1', '!': '1', Z: '2', z: '2', S: '5', s: '5',
  G: '6', b: '6', B: '8', g: '9', q: '9',
};
/** Digits OCR reads for a letter of a bank code, and the letter. */
const TO_LETTER: Readonly<Record<string, string>> = { '0': 'O', '1': 'I', '2': 'Z', '5': 'S', '6': 'G', '8': 'B' };

const isDigit = (ch: string): boolean => ch >= '0' && ch <= '9';
const isUpperLetter = (ch: string): boolean => ch >= 'A' && ch <= 'Z';
const isAlnum = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9|!]/.test(ch);

function digitOf(ch: string): string | undefined {
  return isDigit(ch) ? ch : TO_DIGIT[ch];
}

function letterOf(ch: string): string | undefined {
  const u = ch.toUpperCase();
  return isUpperLetter(u) ? u : TO_LETTER[ch];
}

/** Maps characters by position kinds ('d' digit, 'l' letter); undefined when one cannot be mapped. */
function mapped(chars: string[], kinds: string): string | undefined {
  let out = '';
  for (let k = 0; k < chars.length; k++) {
    const m = kinds[k] === 'd' ? digitOf(chars[k]) : letterOf(chars[k]);
    if (m === undefined) return undefined;
    out += m;
  }
  return out;
}

/** Check digits, bank code, account number of a Dutch IBAN after 'NL'. */
const NL_KINDS = 'ddlllldddddddddd';

/** A Dutch IBAN at `i` ('N' of 'NL'): the repaired text to put in place of [i, end), or undefined. */
function repairIban(text: string, i: number): { end: number; with: string } | undefined {
  if (text[i] !== 'N' || !(text[i + 1] === 'L' || text[i + 1] === 'l') || isAlnum(text[i - 1])) return undefined;
  // up to 17 characters after 'NL', single spaces between them skipped (grouped writing)
  const chars: string[] = [];
  const at: number[] = [];
  let p = i + 2;
  while (chars.length < 17 && p < text.length) {
    const ch = text[p];
    if (isAlnum(ch)) {
      chars.push(ch);
      at.push(p);
      p++;
    } else if (ch === ' ' && isAlnum(text[p + 1]) && chars.length > 0) p++;
    else break;
  }
  const rebuild = (body: string, count: number): { end: number; with: string } => {
    // keep the spaces of the original writing where the characters stay
    let out = 'NL';
    let prev = i + 1;
    for (let k = 0; k < count; k++) {
      out += text.slice(prev + 1, at[k]) + (body[k] ?? '');
      prev = at[k];
    }
    return { end: at[count - 1] + 1, with: out };
  };
  if (chars.length >= 16 && (chars.length === 16 || at[16] !== at[15] + 1)) {
    const body = mapped(chars.slice(0, 16), NL_KINDS);
    if (body && isValidIbanChecksum(`NL${body}`) && body !== chars.slice(0, 16).join('')) return rebuild(body, 16);
    return undefined;
  }
  if (chars.length === 17 && at[16] === at[0] + 16 && !isAlnum(text[at[16] + 1])) {
    // compact, one character too many in the bank code: leave each of its five letters out in turn
    const found: string[] = [];
    for (let drop = 2; drop < 7; drop++) {
      const body = mapped([...chars.slice(0, drop), ...chars.slice(drop + 1)], NL_KINDS);
      if (body && isValidIbanChecksum(`NL${body}`)) found.push(body);
    }
    if (found.length === 1) return { end: at[16] + 1, with: `NL${found[0]}` };
  }
  return undefined;
}

/** A BSN written in one token ('4O1O91296', '1589.24.5O2') or three ('189 838 9S4') at `i`: repaired, or undefined. */
function repairBsn(text: string, i: number): { end: number; with: string } | undefined {
  if (isAlnum(text[i - 1])) return undefined;
  let p = i;
  let digits = '';
  let real = 0;
  let out = '';
  while (p < text.length && digits.length <= 9) {
    const ch = text[p];
    const d = digitOf(ch);
    if (d !== undefined) {
      digits += d;
      if (isDigit(ch)) real++;
      out += d;
      p++;
    } else if ((ch === '.' || ch === ' ') && digitOf(text[p + 1] ?? '') !== undefined && digits.length > 0) {
      out += ch;
      p++;
    } else break;
  }
  if (digits.length !== 9 || isAlnum(text[p]) || real < 6 || real === 9 || !isValidBsn(digits)) return undefined;
  return { end: p, with: out };
}

/** OCR text with identifier-shaped confusions repaired where the identifier's check then holds. */
export function repairOcrText(text: string): string {
  const parts: string[] = [];
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== 'N' && digitOf(ch) === undefined) continue;
    const fix = (ch === 'N' ? repairIban(text, i) : undefined) ?? repairBsn(text, i);
    if (fix) {
      parts.push(text.slice(last, i), fix.with);
      last = fix.end;
      i = fix.end - 1;
    }
  }
  parts.push(text.slice(last));
  return parts.join('');
}
