/**
 * The single-pass personal-data scanner (seed 004: warn on BSN and similar identifiers before upload). One forward
 * walk over the text hands each token to the detector it can belong to: digit chains (BSN, BIG, phone, dates),
 * upper-case words (IBAN), other words (context words, health terms) and '@' (e-mail). Every look-around is bounded,
 * so time is linear in the text length. Only offsets are recorded, never the matched values.
 */
import { ageOn } from './checks';
import { fold, isLetterStart, wordEnd } from './chars';
import { FindingCollector } from './collector';
import { matchEmailAt } from './email';
import { compileHealthTerms, matchHealthTerm, type HealthTermIndex } from './healthTerms';
import { matchIbanAt } from './iban';
import { matchGroups, readChain, type NumberMatch } from './numbers';
import type { ScanOptions, ScanResult, TextPosition } from './types';
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

/**
 * Cheap pre-check before a word is folded: the lower-cased ASCII first letters and the length range of every word
 * that means something (context words, first words of health terms). Most words fail it, which saves the slice and
 * the Unicode folding. Words starting with a non-ASCII letter always pass.
 */
interface WordFilter {
  first: Set<number>;
  min: number;
  max: number;
}

function wordFilter(health: HealthTermIndex): WordFilter {
  const words = [...Array.from(BIRTH_WORDS), ...Array.from(BIG_WORDS), 'big', ...Array.from(health.keys())];
  const lengths = words.map((w) => w.length);
  // folding only shortens ('e' + combining diaeresis → 'e'), so raw words may be longer than their folded key
  return {
    first: new Set(words.map((w) => w.charCodeAt(0))),
    min: Math.min(...lengths),
    max: Math.max(...lengths) * 2,
  };
}

/** Prepared scanner: health terms compiled once, then any number of texts. */
export type Scanner = (text: string) => ScanResult;

class Scan {
  private readonly out = new FindingCollector();
  private birthContextEnd = -Infinity;
  private bigContextEnd = -Infinity;
  private pendingBig: TextPosition[] = [];

  public constructor(
    private readonly text: string,
    private readonly health: HealthTermIndex,
    private readonly filter: WordFilter,
    private readonly reference: Date,
    private readonly needsContext: boolean,
  ) {}

  public run(): ScanResult {
    const text = this.text;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      // character classes written out: this loop visits every character that is not inside a token
      if (c >= 48 && c <= 57) i = this.number(i);
      else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0x80 && isLetterStart(c))) i = this.word(i, c);
      else if (c === 64) i = this.email(i);
      else i++;
    }
    return this.out.result(n);
  }

  private number(i: number): number {
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
      if (start - this.bigContextEnd <= CONTEXT_WINDOW) this.out.add('big', start, end);
      else this.pendingBig = this.pendingBig.filter((p) => start - p.end <= CONTEXT_AFTER).concat([{ start, end }]);
    } else if (m.kind !== 'date') {
      this.out.add(m.kind, start, end);
    } else {
      const refYear = this.reference.getUTCFullYear();
      const year = m.shortYear ? (2000 + m.year > refYear ? 1900 + m.year : 2000 + m.year) : m.year;
      const age = ageOn(m.day, m.month, year, this.reference);
      if (age < 0 || age > 120) return;
      const context = start - this.birthContextEnd <= CONTEXT_WINDOW;
      if (context || (!this.needsContext && m.dayFirstFullYear)) this.out.add('birthdate', start, end);
    }
  }

  private word(i: number, c: number): number {
    const text = this.text;
    if (c >= 65 && c <= 90) {
      const iban = matchIbanAt(text, i);
      if (iban) {
        if (iban.valid) this.out.add('iban', i, iban.end);
        return iban.end;
      }
    }
    const j = wordEnd(text, i);
    const len = j - i;
    if (len < this.filter.min || len > this.filter.max) return j;
    if (c < 0x80 && !this.filter.first.has(c | 0x20)) return j;
    const raw = text.slice(i, j);
    const w = fold(raw);
    if (raw === 'BIG' || BIG_WORDS.has(w) || (w === 'big' && BIG_SUFFIX.test(text.slice(j, j + 13)))) {
      this.bigContext(i, j);
    } else if (BIRTH_WORDS.has(w)) {
      this.birthContextEnd = j;
    }
    if (this.health.size > 0) {
      const termEnd = matchHealthTerm(text, j, w, this.health);
      if (termEnd > 0) {
        this.out.add('healthTerm', i, termEnd);
        return termEnd;
      }
    }
    return j;
  }

  private bigContext(start: number, end: number): void {
    this.bigContextEnd = end;
    for (const p of this.pendingBig) if (start - p.end <= CONTEXT_AFTER) this.out.add('big', p.start, p.end);
    this.pendingBig = [];
  }

  private email(at: number): number {
    const m = matchEmailAt(this.text, at);
    if (!m) return at + 1;
    // digits or words inside the local part ('123456782@…') were counted before the '@' was seen
    this.out.retractFrom(m.start);
    this.pendingBig = this.pendingBig.filter((p) => p.start < m.start);
    this.out.add('email', m.start, m.end);
    return m.end;
  }
}

/** Builds a scanner for the agreement's health terms and options. */
export function createScanner(options: ScanOptions): Scanner {
  const health = compileHealthTerms(options.healthTerms);
  const reference = options.referenceDate ?? new Date();
  const needsContext = options.birthdateNeedsContext === true;
  const filter = wordFilter(health);
  return (text) => new Scan(text, health, filter, reference, needsContext).run();
}

/** Scans one text with the given options; see {@link createScanner} to reuse compiled terms. */
export function scanText(text: string, options: ScanOptions): ScanResult {
  return createScanner(options)(text);
}
