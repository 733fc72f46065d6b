/**
 * Digit chains: maximal runs of digit groups joined by one separator (space, '-', '.', '/', no-break space, the
 * parentheses of a phone number, or a line break). Every identifier made of digits (BSN, BIG, phone, date) is a run
 * of whole groups of one chain, so a detector never matches inside a longer digit run.
 */
import { isDigit, isWordChar } from './chars';
import { isValidBsn, isRealDate } from './checks';
import { lineBreakLength } from './iban';

/** A chain of digit groups found at one spot in the text. */
export interface DigitChain {
  starts: number[];
  ends: number[];
  /** Separator text between group k and k+1. */
  seps: string[];
  /** A '+' sits directly before the first group (international phone prefix). */
  plus: boolean;
  /** The first group continues a word or a decimal number before it, so it may not start an identifier. */
  headAttached: boolean;
  /** The last group runs on into a word or a decimal fraction, so it may not end an identifier. */
  tailAttached: boolean;
}

const HYPHEN = /[-\u00ad]/;

/** Length of a group separator at `j` (0 when none): the next group must start right after it. */
export function separatorLength(text: string, j: number): number {
  const c = text.charCodeAt(j);
  const next = text.charCodeAt(j + 1);
  if (c === 10 || c === 13 || ((c === 32 || c === 9) && (next === 10 || next === 13 || next === 32))) {
    // a line break between groups ('123 456' at a line's end, '782' on the next): only a BSN may use it (matchGroups)
    const brk = lineBreakLength(text, j);
    if (brk > 0 && isDigit(text.charCodeAt(j + brk)) && !HYPHEN.test(text.slice(j, j + brk))) return brk;
    if (c !== 32) return 0;
  }
  if (c === 32 || c === 45 || c === 46 || c === 47 || c === 0xa0) {
    if (isDigit(next)) return 1;
    if (c === 32 && next === 40 && isDigit(text.charCodeAt(j + 2))) return 2; // '020 (0)…' style
    return 0;
  }
  if (c === 40) return isDigit(next) ? 1 : 0; // '+31(0)6…'
  if (c === 41) {
    if (isDigit(next)) return 1;
    if ((next === 32 || next === 45) && isDigit(text.charCodeAt(j + 2))) return 2; // '(020) 123…'
  }
  return 0;
}

/**
 * Where an identifier made of digits, or an IBAN, may start, found by one native regular-expression search so that the
 * many digit runs that cannot be one (amounts, years, article and page numbers) are never visited in JavaScript. A hit
 * is an '@' or the first digit of a group. It is a superset: every chain that can hold a finding has a group whose
 * first digit the regex stops at, because a finding needs nine digits in a chain (BSN, phone, BIG, a BSN inside a
 * reference), a date of three groups (`asDate`), a day before a month's name and a year (`matchWrittenDate`) or
 * two letters before the group (an IBAN's country code). Its separators are those of {@link separatorLength} or more.
 * Every alternative reads a bounded stretch, so the search is linear.
 */
const SEP = '(?:[ \\-./\\u00a0()]| \\(|\\)[ \\-]|[ \\t]{0,4}\\r?\\n[ \\t]{0,11})';
// eslint-disable-next-line @rushstack/security/no-unsafe-regexp -- fixed source; every repetition is bounded
export const CANDIDATE = new RegExp(
  '@|(?<![0-9])[0-9](?:' +
    [
      '[0-9]{0,3}[-/.][0-9]{1,2}[-/.][0-9]', // a date: dd-mm-yy(yy), yyyy-mm-dd
      `(?:${SEP}?[0-9]){8}`, // nine digits
      '[0-9]?[ \\u00a0][A-Za-z]{3,9}\\.?[ \\u00a0][0-9]{4}', // '12 maart 1985'
      '(?<=[A-Za-z]{2}[0-9])[0-9]', // 'NL91'
    ].join('|') +
    ')',
  'g',
);

/** Longest separator {@link separatorLength} accepts (a line break with blanks around it). */
const MAX_SEPARATOR = 12;

/**
 * First digit of the chain that holds the digit at `h`: back over digit groups joined by separators, never before
 * `floor` (where the scan resumed after its last token, so a chain that token consumed is not read again).
 */
export function chainStart(text: string, h: number, floor: number): number {
  let s = h;
  for (;;) {
    while (s > floor && isDigit(text.charCodeAt(s - 1))) s--;
    // the group before ends at the nearest digit before s, at most one separator away
    let e = s - 1;
    const low = Math.max(floor, s - MAX_SEPARATOR - 1);
    while (e > low && !isDigit(text.charCodeAt(e - 1))) e--;
    if (e <= floor || !isDigit(text.charCodeAt(e - 1)) || separatorLength(text, e) !== s - e) return s;
    s = e - 1;
  }
}

/** Reads the chain whose first digit is at `i`. Linear in the chain's length. */
export function readChain(text: string, i: number): DigitChain {
  const chain: DigitChain = { starts: [], ends: [], seps: [], plus: false, headAttached: false, tailAttached: false };
  const before = i > 0 ? text.charCodeAt(i - 1) : -1;
  chain.plus = before === 43;
  const beforeThat = i > 1 ? text.charCodeAt(i - 2) : -1;
  // '3,123456782' or 'ab123…': the run belongs to something longer
  chain.headAttached = isWordChar(before) || ((before === 44 || before === 46) && isDigit(beforeThat));
  if (chain.plus && isWordChar(beforeThat)) chain.headAttached = true;
  let j = i;
  for (;;) {
    const s = j;
    while (isDigit(text.charCodeAt(j))) j++;
    chain.starts.push(s);
    chain.ends.push(j);
    const sep = separatorLength(text, j);
    if (sep === 0) break;
    chain.seps.push(text.slice(j, j + sep));
    j += sep;
  }
  const after = text.charCodeAt(j);
  chain.tailAttached = isWordChar(after) || (after === 44 && isDigit(text.charCodeAt(j + 1)));
  return chain;
}

/** What a run of groups [a..b] of a chain is. `date` carries the parsed date for the birth-date rule. */
export type NumberMatch =
  | { kind: 'bsn' | 'phone' | 'big' }
  | { kind: 'date'; day: number; month: number; year: number; dayFirstFullYear: boolean; shortYear: boolean };

const BSN_SEPS = new Set([' ', '.', '-', '\u00a0']);

/** True for a separator that holds a line break. */
function isBreak(sep: string): boolean {
  return sep.indexOf('\n') >= 0;
}

/**
 * BSN separators: one kind throughout ('123.456.782', '123 456 782'); a line break may stand where a space would,
 * when at least one real space shows the spaced writing ('123 456' + line break + '782' in a wrapped PDF line).
 */
function bsnSeps(c: DigitChain, a: number, b: number): boolean {
  if (b === a) return true;
  let spaces = 0;
  let breaks = 0;
  for (let k = a; k < b; k++) {
    const s = c.seps[k];
    if (s === ' ' || s === '\u00a0') spaces++;
    else if (isBreak(s)) breaks++;
  }
  if (breaks === 0) return sameSeps(c, a, b, BSN_SEPS);
  return spaces > 0 && spaces + breaks === b - a;
}
const PHONE_SEPS = new Set([' ', '.', '-', '\u00a0', '(', ')', ' (', ') ', ')-']);
const DATE_SEPS = new Set(['-', '/', '.']);

/** The digits of groups a..b, concatenated. */
export function chainDigits(text: string, c: DigitChain, a: number, b: number): string {
  let s = '';
  for (let k = a; k <= b; k++) s += text.slice(c.starts[k], c.ends[k]);
  return s;
}

function sameSeps(c: DigitChain, a: number, b: number, allowed: Set<string>): boolean {
  if (b === a) return true;
  const first = c.seps[a];
  if (!allowed.has(first)) return false;
  for (let k = a + 1; k < b; k++) if (c.seps[k] !== first) return false;
  return true;
}

function isPhone(text: string, c: DigitChain, a: number, b: number, d: string): boolean {
  for (let k = a; k < b; k++) if (!PHONE_SEPS.has(c.seps[k])) return false;
  let rest: string | undefined;
  if (a === 0 && c.plus && d.startsWith('31')) rest = d.slice(2);
  else if (d.startsWith('0031')) rest = d.slice(4);
  if (rest !== undefined) {
    // '+31 (0)6 …': the trunk '0' written in parentheses is not dialled internationally
    if (rest.startsWith('0')) {
      let zeroGroup = a + 1;
      while (zeroGroup <= b && text.slice(c.starts[zeroGroup], c.ends[zeroGroup]) !== '0') zeroGroup++;
      if (zeroGroup > b || !c.seps[zeroGroup - 1].includes('(')) return false;
      rest = rest.slice(1);
    }
    return rest.length === 9 && rest.charCodeAt(0) !== 48;
  }
  if (d.length !== 10 || d.charCodeAt(0) !== 48 || d.charCodeAt(1) === 48) return false;
  const seps = c.seps.slice(a, b);
  if (seps.some((s) => s.includes('('))) return false;
  // '(020) 1234567': a closing parenthesis needs its opening one right before the area code
  if (seps.some((s) => s.includes(')')) && (text.charCodeAt(c.starts[a] - 1) !== 40 || !seps[0].includes(')'))) {
    return false;
  }
  const firstLen = c.ends[a] - c.starts[a];
  return b === a || (firstLen >= 2 && firstLen <= 4); // area code '06', '020', '0111' ahead of the first separator
}

function asDate(text: string, c: DigitChain, a: number, b: number): NumberMatch | undefined {
  if (b !== a + 2 || !sameSeps(c, a, b, DATE_SEPS)) return undefined;
  const len = (k: number): number => c.ends[k] - c.starts[k];
  const num = (k: number): number => Number(text.slice(c.starts[k], c.ends[k]));
  if (len(a) <= 2 && len(a + 1) <= 2 && (len(b) === 4 || len(b) === 2)) {
    const day = num(a);
    const month = num(a + 1);
    const year = num(b);
    if (!isRealDate(day, month, len(b) === 4 ? year : 2000 + year)) return undefined;
    return { kind: 'date', day, month, year, dayFirstFullYear: len(b) === 4, shortYear: len(b) === 2 };
  }
  if (len(a) === 4 && len(a + 1) <= 2 && len(b) <= 2 && c.seps[a] === '-') {
    const year = num(a);
    const month = num(a + 1);
    const day = num(b);
    if (!isRealDate(day, month, year)) return undefined;
    return { kind: 'date', day, month, year, dayFirstFullYear: false, shortYear: false };
  }
  return undefined;
}

/**
 * Classifies groups a..b of a chain, or undefined. Neighbouring groups joined by anything but whitespace make the
 * run part of a longer number ('123.456.782.001'), so it is not an identifier.
 */
export function matchGroups(text: string, c: DigitChain, a: number, b: number): NumberMatch | undefined {
  const last = c.starts.length - 1;
  if ((a === 0 && c.headAttached) || (b === last && c.tailAttached)) return undefined;
  if (a > 0 && c.seps[a - 1].trim() !== '') return undefined;
  if (b < last && c.seps[b].trim() !== '') return undefined;
  const date = asDate(text, c, a, b);
  if (date) return date;
  const d = chainDigits(text, c, a, b);
  if (d.length > 9 && isPhone(text, c, a, b, d)) return { kind: 'phone' };
  if (d.length === 9 && bsnSeps(c, a, b) && isValidBsn(d)) {
    for (let k = a; k <= b; k++) if (c.ends[k] - c.starts[k] < 2) return undefined;
    return { kind: 'bsn' };
  }
  if (d.length === 11 && a === b) return { kind: 'big' };
  return undefined;
}

/**
 * A nine-digit group that passes the elfproef inside a reference ('ZK-983690066-2026', '2026/123456782/01'): joined
 * to its neighbours by '-' or '/', it is a BSN although the whole is a longer number. Not with '.' or ',' (decimals,
 * thousands) and not glued to a word or a decimal fraction.
 */
export function isReferenceBsn(text: string, c: DigitChain, k: number): boolean {
  if (c.ends[k] - c.starts[k] !== 9) return false;
  const last = c.starts.length - 1;
  if ((k === 0 && c.headAttached) || (k === last && c.tailAttached)) return false;
  const before = k > 0 ? c.seps[k - 1] : '';
  const after = k < last ? c.seps[k] : '';
  const joined = (s: string): boolean => s === '-' || s === '/';
  const plain = (s: string): boolean => s === '' || s.trim() === '';
  if (!(joined(before) || joined(after)) || !(joined(before) || plain(before)) || !(joined(after) || plain(after))) {
    return false;
  }
  return isValidBsn(text.slice(c.starts[k], c.ends[k]));
}
