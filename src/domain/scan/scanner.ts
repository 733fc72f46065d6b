/**
 * The personal-data scanner (seed 004: warn on BSN and similar identifiers before upload). One forward walk over the
 * text hands each token to the detector it can belong to: digit chains (BSN, BIG, phone, dates), the check digits of
 * an IBAN (two letters before them), '@' (e-mail) and the first word of a configured health term. Context words
 * (geboortedatum, BIG) are looked up behind or after a candidate only when one is found. Every look-around is
 * bounded, so time is linear in the text length. Only offsets are recorded, never the matched values.
 *
 * Speed: the walk jumps between candidates with two native regular-expression searches (the next digit or '@', the
 * next possible term), so ordinary words are never visited character by character in JavaScript; a lone short number
 * is skipped without allocating. scripts/bench-detectors.ts prints the throughput beside a plain `/\d{9}/g` pass.
 */
import { ageOn, isValidBsn } from './checks';
import { fold, isDigit, isLetterStart, isWordChar, wordEnd } from './chars';
import { FindingCollector } from './collector';
import { matchEmailAt } from './email';
import { ACCENTS, compileHealthTerms, matchHealthTerm, type HealthTermIndex } from './healthTerms';
import { matchIbanAt } from './iban';
import {
  CANDIDATE,
  chainStart,
  isReferenceBsn,
  matchGroups,
  readChain,
  separatorLength,
  type NumberMatch,
} from './numbers';
import { bsnColumnCells, type TableState } from './tabular';
import type { ScanOptions, ScanResult } from './types';
import type { ByteScanner } from './wasm/engine';
import { matchWrittenDate } from './writtenDates';

/** Words that announce a birth date within {@link CONTEXT_WINDOW} characters after them. */
const BIRTH_WORDS = new Set(['geboortedatum', 'geboren', 'geb', 'geboortedag', 'born', 'birth', 'birthdate', 'dob']);
/** 'BIG-nummer' style context for BIG numbers (Wet BIG register); 'BIG' itself is matched in capitals only. */
const BIG_WORDS = new Set(['bignummer', 'bigregistratie', 'bigregister', 'bignr']);
const BIG_SUFFIX = /^[- ]?(nummer|registratie|register|nr)/i;
/** How far (in characters) a context word may stand before the number or date it qualifies. */
const CONTEXT_WINDOW = 40;
/** How far a BIG context word may stand after the number ('19012345601 (BIG)'). */
const CONTEXT_AFTER = 24;
/** Longest sensible run of groups and digits for one identifier ('+31 (0)6 12 34 56 78' has 7 groups). */
const MAX_GROUPS = 8;
const MAX_DIGITS = 14;

/** Longest context word ('geboortedatum', 'bigregistratie'), so a look-back of the window plus this finds its start. */
const LONGEST_CONTEXT_WORD = 16;

/** First letters (lower case) of the month names a written date may use (src/domain/scan/writtenDates.ts). */
const MONTH_INITIAL = new Set(Array.from('jfmasond', (ch) => ch.charCodeAt(0)));

/** ASCII digits, one table read per character. */
const DIGIT = 1;
const CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) CLASS[c] = DIGIT;

/**
 * Prepared scanner: health terms compiled once, then any number of texts. `bytes` gives the same rules over a text
 * file's UTF-8 bytes in WebAssembly (src/domain/scan/wasm/engine.ts, loaded on first use): a new walk for each file,
 * undefined where WebAssembly cannot run.
 */
export type Scanner = ((text: string) => ScanResult) & {
  readonly engine: ScanEngine;
  readonly bytes: () => Promise<ByteScanner | undefined>;
};

/** What one text of a longer one is: tabular (a BSN column may hold 8-digit numbers) or not. */
export interface TextShape {
  /** Cell delimiter when the text is a table (CSV, a workbook's sheets as tab-separated rows). */
  delimiter?: string;
}

/** The compiled scanner, for windowed scans of long texts (src/domain/scan/stream.ts). */
export interface ScanEngine {
  /**
   * Scans `text` and records into `out` what starts in [from, to) (local positions), at `base + position`. `table`
   * carries the BSN column from one window to the next.
   */
  scanWindow(text: string, from: number, to: number, base: number, out: FindingCollector, table?: TableState): void;
}

/**
 * A case-insensitive regex that finds where a configured term's first word may start: each letter also in its
 * accented forms, optionally followed by a combining mark (decomposed text). Candidates only: every hit is checked
 * by folding the whole word (src/domain/scan/healthTerms.ts).
 */
function termRegex(health: HealthTermIndex): RegExp | undefined {
  const words = Array.from(health.keys()).sort((x, y) => y.length - x.length);
  if (words.length === 0) return undefined;
  const letter = (ch: string): string => {
    const lower = ch.toLowerCase();
    const escaped = /[a-z0-9]/.test(lower) ? lower : `\\u${lower.charCodeAt(0).toString(16).padStart(4, '0')}`;
    return ACCENTS[lower] ? `[${ACCENTS[lower]}][\u0300-\u036f]?` : escaped;
  };
  const source = `\\b(?:${words.map((w) => Array.from(w).map(letter).join('')).join('|')})`;
  // eslint-disable-next-line @rushstack/security/no-unsafe-regexp -- configured words, every character a literal a-z/0-9, an escape or a fixed class
  return new RegExp(source, 'gi');
}

const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

class Scan {
  public constructor(
    private readonly text: string,
    private readonly health: HealthTermIndex,
    private readonly terms: RegExp | undefined,
    private readonly reference: Date,
    private readonly needsContext: boolean,
    private readonly out: FindingCollector,
  ) {}

  /**
   * The walk: native regex searches jump to the next place a digit identifier, an IBAN or an e-mail address may start
   * ({@link CANDIDATE}) and to the next possible term; everything between (ordinary words, spaces, punctuation, and
   * numbers that cannot be an identifier) is never looked at in JavaScript. Tokens are handled in text order.
   */
  public run(): void {
    const text = this.text;
    const n = text.length;
    const candidate = CANDIDATE;
    const terms = this.terms;
    // no closures over the text here: optimised code made for a closure may hold its context's string after the scan
    candidate.lastIndex = 0;
    const first = candidate.exec(text);
    let nc = first ? first.index : n;
    let nt = n;
    if (terms) {
      terms.lastIndex = 0;
      const m = terms.exec(text);
      nt = m ? m.index : n;
    }
    let resumed = 0; // where the walk resumed after its last token
    for (;;) {
      const p = nc <= nt ? nc : nt;
      if (p >= n) return;
      let end: number;
      if (p === nc) end = text.charCodeAt(p) === 64 ? this.email(p) : this.chainAt(chainStart(text, p, resumed), p);
      else end = this.term(p);
      const next = end > p ? end : p + 1;
      resumed = next;
      if (nc < next) {
        candidate.lastIndex = next;
        const m = candidate.exec(text);
        nc = m ? m.index : n;
      }
      if (terms && nt < next) {
        terms.lastIndex = next;
        const m = terms.exec(text);
        nt = m ? m.index : n;
      }
    }
  }

  /**
   * The digit tokens from `s` (a chain's first digit) on, as a walk over every digit would take them, until the one
   * that holds `h` (the candidate) has been handled. Between `s` and `h` lie only digit groups and separators.
   */
  private chainAt(s: number, h: number): number {
    const text = this.text;
    let p = s;
    for (;;) {
      const end = this.digits(p);
      if (end > h) return end;
      p = end > p ? end : p + 1;
      while (p < h && !isDigit(text.charCodeAt(p))) p++;
    }
  }

  /** A digit at `p`: an IBAN's check digits, a digit inside a word, or a number. */
  private digits(p: number): number {
    const text = this.text;
    const b1 = text.charCodeAt(p - 1);
    if (p >= 2 && isAsciiLetter(b1) && isAsciiLetter(text.charCodeAt(p - 2)) && !isWordChar(text.charCodeAt(p - 3))) {
      // 'NL91…', 'nl91…': two letters and two digits may start an IBAN (its groups may run past this word)
      const iban = matchIbanAt(text, p - 2);
      if (iban) {
        if (iban.valid) this.out.add('iban', p - 2, iban.end);
        return iban.end;
      }
    }
    if (p > 0 && isWordChar(b1)) return wordEnd(text, p); // digits inside a word ('ZK983690066', 'abc123') are no number
    return this.number(p);
  }

  private number(i: number): number {
    const text = this.text;
    // fast path: a lone number shorter than any identifier ('2026', '12 artikel') is skipped without reading a chain
    let j = i + 1;
    while (j < text.length && CLASS[text.charCodeAt(j)] === DIGIT) j++;
    if (j - i < 9 && separatorLength(text, j) === 0) {
      const d = text.charCodeAt(j);
      // unless a month's name follows a day: '12 maart 1985'
      if (j - i <= 2 && (d === 32 || d === 0xa0) && MONTH_INITIAL.has(text.charCodeAt(j + 1) | 0x20)) return this.chain(i);
      return isWordChar(d) ? wordEnd(text, j) : j;
    }
    return this.chain(i);
  }

  private chain(i: number): number {
    const chain = readChain(this.text, i);
    const groups = chain.starts.length;
    const last = groups - 1;
    // '12 maart 1985': the chain's last group may be the day of a date written with a month name
    const loose = last === 0 ? !chain.headAttached : chain.seps[last - 1].trim() === '';
    const written =
      loose && !chain.tailAttached ? matchWrittenDate(this.text, chain.starts[last], chain.ends[last]) : undefined;
    const limit = written ? last : groups;
    let a = 0;
    while (a < limit) {
      let best = -1;
      let match: NumberMatch | undefined;
      let digits = 0;
      for (let b = a; b < limit && b < a + MAX_GROUPS; b++) {
        digits += chain.ends[b] - chain.starts[b];
        if (digits > MAX_DIGITS) break;
        if (digits < 9 && b !== a + 2) continue; // only a date (three groups) is shorter than nine digits
        const m = matchGroups(this.text, chain, a, b);
        if (m) {
          best = b;
          match = m;
        }
      }
      if (match) {
        let start = chain.starts[a];
        // a phone number's '+' or opening parenthesis belongs to it
        if (match.kind === 'phone' && ((a === 0 && chain.plus) || this.text.charCodeAt(start - 1) === 40)) start--;
        this.numberFound(match, start, chain.ends[best]);
        a = best + 1;
      } else {
        // 'ZK-983690066-2026': a BSN inside a reference
        if (isReferenceBsn(this.text, chain, a)) this.out.add('bsn', chain.starts[a], chain.ends[a]);
        a++;
      }
    }
    if (written) {
      // written dates count as birth dates only next to a context word (dayFirstFullYear: false)
      const date = { kind: 'date' as const, ...written, dayFirstFullYear: false, shortYear: false };
      this.numberFound(date, chain.starts[last], written.end);
      return written.end;
    }
    const end = chain.ends[last];
    return chain.tailAttached ? wordEnd(this.text, end) : end;
  }

  private numberFound(m: NumberMatch, start: number, end: number): void {
    if (m.kind === 'big') {
      // No public check digit for BIG numbers: an 11-digit number only counts next to the word BIG.
      if (this.contextBefore(start, isBigWord) || this.bigWordAfter(end)) this.out.add('big', start, end);
    } else if (m.kind !== 'date') {
      this.out.add(m.kind, start, end);
    } else {
      const refYear = this.reference.getUTCFullYear();
      const year = m.shortYear ? (2000 + m.year > refYear ? 1900 + m.year : 2000 + m.year) : m.year;
      const age = ageOn(m.day, m.month, year, this.reference);
      if (age < 0 || age > 120) return;
      if ((!this.needsContext && m.dayFirstFullYear) || this.contextBefore(start, isBirthWord)) {
        this.out.add('birthdate', start, end);
      }
    }
  }

  /** True when a word passing `test` ends at most {@link CONTEXT_WINDOW} characters before `start`. */
  private contextBefore(start: number, test: (text: string, i: number, j: number) => boolean): boolean {
    const text = this.text;
    let k = Math.max(0, start - CONTEXT_WINDOW - LONGEST_CONTEXT_WORD);
    while (k > 0 && k < start && isWordChar(text.charCodeAt(k - 1))) k++; // begin at a word's start
    while (k < start) {
      if (isLetterStart(text.charCodeAt(k)) && !isWordChar(text.charCodeAt(k - 1))) {
        const j = wordEnd(text, k);
        if (j <= start && start - j <= CONTEXT_WINDOW && test(text, k, j)) return true;
        k = j;
      } else k++;
    }
    return false;
  }

  /** True when a BIG context word starts at most {@link CONTEXT_AFTER} characters after `end` ('19012345601 (BIG)'). */
  private bigWordAfter(end: number): boolean {
    const text = this.text;
    for (let k = end; k <= end + CONTEXT_AFTER && k < text.length; k++) {
      if (isLetterStart(text.charCodeAt(k)) && !isWordChar(text.charCodeAt(k - 1))) {
        const j = wordEnd(text, k);
        if (isBigWord(text, k, j)) return true;
        k = j;
      }
    }
    return false;
  }

  /** A possible term at `p` (regex hit): counted when the whole folded word starts a configured term. */
  private term(p: number): number {
    const text = this.text;
    if (isWordChar(text.charCodeAt(p - 1))) return p + 1;
    const j = wordEnd(text, p);
    const w = fold(text.slice(p, j));
    const termEnd = matchHealthTerm(text, j, w, this.health);
    if (termEnd > 0) {
      this.out.add('healthTerm', p, termEnd);
      return termEnd;
    }
    return j;
  }

  private email(at: number): number {
    const m = matchEmailAt(this.text, at);
    if (!m) return at + 1;
    // digits or words inside the local part ('123456782@…') were counted before the '@' was seen
    this.out.retractFrom(m.start);
    this.out.add('email', m.start, m.end);
    return m.end;
  }
}

function isBirthWord(text: string, i: number, j: number): boolean {
  return j - i <= LONGEST_CONTEXT_WORD && BIRTH_WORDS.has(fold(text.slice(i, j)));
}

function isBigWord(text: string, i: number, j: number): boolean {
  if (j - i > LONGEST_CONTEXT_WORD) return false;
  const raw = text.slice(i, j);
  if (raw === 'BIG') return true;
  const w = fold(raw);
  return BIG_WORDS.has(w) || (w === 'big' && BIG_SUFFIX.test(text.slice(j, j + 13)));
}

/** Builds a scanner for the agreement's health terms and options. */
export function createScanner(options: ScanOptions): Scanner {
  const health = compileHealthTerms(options.healthTerms);
  const reference = options.referenceDate ?? new Date();
  if (Number.isNaN(reference.getTime())) {
    throw new RangeError('referenceDate: geen geldige datum / not a valid date (the day birth dates are aged on)');
  }
  const needsContext = options.birthdateNeedsContext === true;
  const terms = termRegex(health);
  const engine: ScanEngine = {
    scanWindow(text, from, to, base, out, table) {
      out.window(from, to, base);
      new Scan(text, health, terms, reference, needsContext, out).run(); // synchronous: one regex serves every scan
      if (table) {
        for (const cell of bsnColumnCells(text, from, to, table)) {
          if (isValidBsn(`0${text.slice(cell.start, cell.end)}`)) out.add('bsn', cell.start, cell.end);
        }
      }
    },
  };
  const scan = (text: string): ScanResult => {
    const out = new FindingCollector();
    engine.scanWindow(text, 0, Infinity, 0, out);
    return out.result(text.length);
  };
  // one walk per text file (its own memory, so two scans never share a window), the module compiled once; a walk that
  // cannot load (no WebAssembly, a chunk that does not arrive) leaves the file to the TypeScript scanner
  const byteOptions = { health, birthWords: BIRTH_WORDS, bigWords: BIG_WORDS, reference, needsContext };
  const bytes = (): Promise<ByteScanner | undefined> =>
    import(/* webpackChunkName: 'scan-wasm' */ './wasm/engine')
      .then(({ createByteScanner }) => createByteScanner(byteOptions))
      .catch(() => undefined);
  return Object.assign(scan, { engine, bytes });
}

/** Scans one text with the given options; see {@link createScanner} to reuse compiled terms. */
export function scanText(text: string, options: ScanOptions): ScanResult {
  return createScanner(options)(text);
}
