/**
 * The host of the scanner's WebAssembly walk (./assembly/index.ts): scans a text file's UTF-8 bytes window by window
 * without decoding them into a JavaScript string, with the same rules and the same result as the TypeScript scanner
 * on the decoded text (src/domain/scan/scanner.ts). It holds the configuration the walk reads (the health terms,
 * context words, month names and IBAN lengths, taken from the TypeScript modules; the rules' bounds, such as 40
 * characters of context, are written in both) and Unicode's tables the walk has no copy of: which characters are
 * letters, marks or digits, case partners, and how a word folds.
 *
 * WebAssembly may be unavailable: a Content-Security-Policy without 'wasm-unsafe-eval', or an engine without SIMD.
 * Then {@link createByteScanner} gives undefined and the caller decodes and scans in TypeScript, slower and otherwise
 * the same. The module (base64 in ./module.ts) loads only when a text file is scanned: scanner.ts imports this file
 * lazily, so no first render carries it.
 */
import { fold, isNonAsciiWordChar } from '../chars';
import type { FindingCollector } from '../collector';
import { ACCENTS, type HealthTermIndex } from '../healthTerms';
import { IBAN_LENGTHS } from '../ibanLengths';
import { MONTHS } from '../writtenDates';
import { SCAN_WASM_BASE64 } from './module';

/** A window scanner over UTF-8 bytes. */
export interface ByteScanner {
  /**
   * A buffer of `capacity` bytes in the walk's own memory: a window filled into it is scanned where it stands, with no
   * copy. Valid until the next call, and while no window larger than `capacity` is scanned (which grows the memory).
   * One walk serves one file at a time: the scanner's `bytes()` makes a new one per file.
   */
  buffer(capacity: number): Uint8Array;
  /**
   * Scans `bytes` (one window, cut at a character boundary): the walk goes on from byte `walkFrom`, where the walk
   * over the whole text would stand with its last token ending at `resumed`, and hands over at the first place at or
   * after `stopAt`, or (unless the window is the `last`) before a run of digit groups that may go on past its end.
   * Records into `out`, at `charBase` plus the UTF-16 offset, what the tokens it handled found; gives
   * where it handed over and its `resumed` there. Undefined, and nothing recorded, when the bytes are not valid UTF-8.
   */
  scanWindow(
    bytes: Uint8Array,
    walkFrom: number,
    resumed: number,
    stopAt: number,
    last: boolean,
    charBase: number,
    out: FindingCollector,
  ): { at: number; resumed: number } | undefined;
  /** UTF-16 length of the first `n` bytes of the window scanned last. */
  units(n: number): number;
}

/** What the walk needs besides the bytes: the compiled options of one scanner. */
export interface ByteScannerOptions {
  health: HealthTermIndex;
  birthWords: ReadonlySet<string>;
  bigWords: ReadonlySet<string>;
  reference: Date;
  needsContext: boolean;
}

interface Exports {
  memory: WebAssembly.Memory;
  configure(table: number): void;
  reference(y: number, m: number, d: number, needsContext: number): void;
  windowAt(): number;
  invalidUtf8(t: number, n: number): number;
  unitsTo(p: number): number;
  begin(n: number, walkFrom: number, resumed: number, stopAt: number, last: number, digitTerm: number): void;
  walk(until: number): number;
  resumedAt(): number;
  stopAt(): number;
  layoutMatches(pairBytes: number, tripleBytes: number, outMax: number, scratchBytes: number): number;
}

let compiled: Promise<WebAssembly.Module | undefined> | undefined;

/** The compiled module, or undefined where WebAssembly cannot run (compiled once per realm, asynchronously). */
function wasmModule(): Promise<WebAssembly.Module | undefined> {
  compiled ??= (async () => {
    try {
      const raw = atob(SCAN_WASM_BASE64);
      const bytes = new Uint8Array(raw.length);
      for (let k = 0; k < raw.length; k++) bytes[k] = raw.charCodeAt(k);
      return await WebAssembly.compile(bytes);
    } catch {
      return undefined; // no WebAssembly, a policy that forbids compiling it, or no SIMD
    }
  })();
  return compiled;
}

/** One bit per BMP code point: a letter, mark or digit by chars.ts (Unicode's \p{L}\p{M}\p{N} past Latin). */
function wordBitTable(): Uint8Array {
  const bits = new Uint8Array(8192);
  for (let c = 0x80; c <= 0xffff; c++) if (isNonAsciiWordChar(c)) bits[c >> 3] |= 1 << (c & 7);
  return bits;
}

/** Code points below this have their own entry in the term regex's letter tables. */
const LATIN_END = 0x250;

/** Per code point, the accent class ('a', 'e', …) the term regex's letter class matches it in, case-insensitively. */
function accentClassTable(): Uint8Array {
  const table = new Uint8Array(LATIN_END);
  for (const [letter, range] of Object.entries(ACCENTS)) {
    // eslint-disable-next-line @rushstack/security/no-unsafe-regexp -- a fixed character class from ACCENTS
    const re = new RegExp(`^[${range}]$`, 'i');
    for (let c = 0; c < LATIN_END; c++) if (re.test(String.fromCharCode(c))) table[c] = letter.charCodeAt(0);
  }
  return table;
}

/** Per BMP code point, the form a case-insensitive regex without the `u` flag compares (ECMA-262 Canonicalize). */
function canonTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const up = String.fromCharCode(c).toUpperCase();
    table[c] = up.length === 1 && !(c >= 128 && up.charCodeAt(0) < 128) ? up.charCodeAt(0) : c;
  }
  return table;
}

/** A word as the walk's streams hold it: its length in UTF-16 units, then the units. */
const units = (word: string): number[] => [word.length, ...Array.from({ length: word.length }, (_, k) => word.charCodeAt(k))];

/** A u16 stream of words: count, then per word its length and UTF-16 units (and `extra` values after each). */
function wordStream(words: Array<{ word: string; extra?: number }>): number[] {
  const out = [words.length];
  for (const { word, extra } of words) {
    out.push(...units(word));
    if (extra !== undefined) out.push(extra);
  }
  return out;
}

/** The health terms as the walk reads them: per first word, its rests (each a list of words), longest first. */
function termStream(health: HealthTermIndex): { stream: number[]; offsets: Uint32Array } {
  const out = [health.size];
  const offsets: number[] = [];
  health.forEach((rests, first) => {
    offsets.push(out.length * 2);
    out.push(...units(first));
    out.push(rests.length);
    for (const rest of rests) {
      out.push(rest.length);
      for (const w of rest) out.push(...units(w));
    }
  });
  return { stream: out, offsets: Uint32Array.from(offsets) };
}

const ALL_SLOTS = Array.from({ length: 32 }, (_, k) => k);

/** The slots an ASCII character the term regex matches for `ch` falls in: letters 1..26, digits 27..31 (see `slot`). */
function slotsOf(ch: string): number[] {
  const c = ch.charCodeAt(0);
  if (c >= 97 && c <= 122) return [c - 96];
  if (c >= 48 && c <= 57) return [27 + ((c - 48) % 5)];
  return []; // no ASCII character matches it: the walk's three-byte test never sees an all-ASCII match
}

/** Bytes of the term-start tables, in their order. */
const PAIR_BYTES = (128 * 256) / 8;
const TRIPLE_BYTES = (32 * 32 * 32) / 8;
const CLASS_BYTES = 4 * 32 + 16;

/** The walk's byte classes A (see its A_ constants): exact sets. */
const A = { digit: 1, at: 2, letterLo: 4, letterHi: 8, lead: 64, under: 128 };

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, k) => from + k);
/** Letters (either case) of the A-O / a-o half and the P-Z / p-z half, as the walk's classes split them. */
const lowHalf = (c: number): boolean => ((c | 0x20) - 0x60 >= 1 && (c | 0x20) - 0x60 <= 15);

/**
 * Lookup tables for byte classes: per class bit, the low four bits and the high four bits its bytes have. A byte is
 * in the class when both its halves are: exact for a set that is a rectangle of halves (each class of A is), a
 * superset otherwise (B's).
 */
function classTables(sets: Array<{ bit: number; bytes: number[]; exact: boolean }>): Uint8Array {
  const table = new Uint8Array(32); // low halves, then high halves
  for (const { bit, bytes, exact } of sets) {
    const lows = new Set(bytes.map((c) => c & 15));
    const highs = new Set(bytes.map((c) => c >> 4));
    lows.forEach((l) => {
      table[l] |= bit;
    });
    highs.forEach((h) => {
      table[16 + h] |= bit;
    });
    if (exact && lows.size * highs.size !== new Set(bytes).size) throw new Error(`byte class ${bit} is no rectangle`);
  }
  return table;
}


/**
 * Which word starts the walk tests in full for a health term, as the term regex (scanner.ts) can match there. Each
 * table lets through at least every start the regex can match: a letter in either case, and any non-ASCII byte where
 * an accented letter or a combining mark may stand.
 *   - one bit per ASCII first character and the byte after it (used when a word's second or third byte is not ASCII);
 *   - one bit per three ASCII characters, by the walk's `slot` of each;
 *   - the byte-class tables of the walk's sixteen-byte test: A (digits, '@', letters, non-ASCII leads, '_'), then F,
 *     S and T: per group of terms by first letter, the bytes its first words may have first, second and third; then
 *     (at 129 and 130) the groups whose second or third byte may be non-ASCII.
 * `digitTerm`: a first word starts with a digit.
 */
function termStartTables(health: HealthTermIndex): { tables: Uint8Array; digitTerm: boolean } {
  const tables = new Uint8Array(PAIR_BYTES + TRIPLE_BYTES + CLASS_BYTES);
  const setBit = (at: number, bit: number): void => {
    tables[at + (bit >> 3)] |= 1 << (bit & 7);
  };
  const cases = (ch: string): number[] =>
    /[a-z]/.test(ch) ? [ch.charCodeAt(0), ch.toUpperCase().charCodeAt(0)] : ch.charCodeAt(0) < 128 ? [ch.charCodeAt(0)] : [];
  const accented = (ch: string): boolean => ACCENTS[ch] !== undefined || ch.charCodeAt(0) >= 128;
  const letters = [...range(65, 90), ...range(97, 122)];
  // the terms in up to 8 groups by their first letter; each group's bit says which bytes may stand first, second and
  // third in one of its first words (more than 8 first letters share groups: still a superset)
  const groups = new Map<string, number>();
  const bytesAt = [0, 1, 2].map(() => Array.from({ length: 8 }, () => new Set<number>()));
  const nonAscii = [0, 0, 0]; // per byte position, the groups that may have a non-ASCII byte there
  let digitTerm = false;
  health.forEach((_rests, word) => {
    const first = word.charAt(0);
    if (/[0-9]/.test(first)) digitTerm = true;
    // first and second byte
    const seconds = new Set<number>();
    if (word.length === 1) for (let c = 0; c < 256; c++) seconds.add(c);
    else cases(word.charAt(1)).forEach((c) => seconds.add(c));
    if (word.length > 1 && (accented(word.charAt(1)) || ACCENTS[first] !== undefined)) {
      for (let c = 128; c < 256; c++) seconds.add(c);
    }
    for (const c1 of cases(first)) seconds.forEach((c2) => setBit(0, (c1 << 8) | c2));
    // three ASCII characters: each matches its letter; a word shorter than three lets anything follow
    const slots = [0, 1, 2].map((k) => (k < word.length ? slotsOf(word.charAt(k)) : ALL_SLOTS));
    for (const a of slots[0]) for (const b of slots[1]) for (const c of slots[2]) setBit(PAIR_BYTES, (a << 10) | (b << 5) | c);
    // the group's first, second and third byte: an accented letter or a mark shifts what follows into non-ASCII bytes
    if (!/[a-z]/.test(first)) return; // a word starting otherwise is tested where the walk meets a digit or '_'
    if (!groups.has(first)) groups.set(first, groups.size % 8);
    const group = groups.get(first) as number;
    const at = bytesAt.map((byGroup) => byGroup[group]);
    cases(first).forEach((c) => at[0].add(c));
    let shifted = false;
    for (let k = 1; k <= 2; k++) {
      shifted = shifted || accented(word.charAt(k - 1)) || (k < word.length && accented(word.charAt(k)));
      if (k >= word.length) range(0, 255).forEach((c) => at[k].add(c));
      else cases(word.charAt(k)).forEach((c) => at[k].add(c));
      if (shifted) nonAscii[k] |= 1 << group; // kept apart: in the tables they would let every letter through
    }
  });
  const a = classTables([
    { bit: A.digit, bytes: range(48, 57), exact: true },
    { bit: A.at, bytes: [64], exact: true },
    { bit: A.letterLo, bytes: letters.filter(lowHalf), exact: true },
    { bit: A.letterHi, bytes: letters.filter((c) => !lowHalf(c)), exact: true },
    { bit: A.lead, bytes: range(0xc0, 0xff), exact: true },
    { bit: A.under, bytes: [95], exact: true },
  ]);
  const at = PAIR_BYTES + TRIPLE_BYTES;
  tables.set(a, at);
  bytesAt.forEach((byGroup, k) => {
    tables.set(classTables(byGroup.map((bytes, g) => ({ bit: 1 << g, bytes: [...bytes], exact: false }))), at + 32 * (k + 1));
  });
  tables[at + 128 + 1] = nonAscii[1];
  tables[at + 128 + 2] = nonAscii[2];
  return { tables, digitTerm };
}

/** chars.ts fold of each code point below U+0370 on its own: one unit, 0 for nothing, 0xffff for anything else. */
function foldTable(): Uint16Array {
  const table = new Uint16Array(0x370);
  for (let c = 0x80; c < 0x370; c++) {
    const f = fold(String.fromCharCode(c));
    table[c] = f.length === 0 ? 0 : f.length === 1 && f.charCodeAt(0) !== 0 ? f.charCodeAt(0) : 0xffff;
  }
  return table;
}

/** Bytes per call of the walk: small enough that V8's optimised code takes over within the first window. */
const WALK_SLICE = 64 * 1024;

const align = (n: number, to: number): number => Math.ceil(n / to) * to;

/** IBAN length per country code, 26 * 26 bytes. */
function ibanLengthTable(): Uint8Array {
  const table = new Uint8Array(26 * 26);
  for (const [code, length] of Object.entries(IBAN_LENGTHS)) {
    table[(code.charCodeAt(0) - 65) * 26 + (code.charCodeAt(1) - 65)] = length;
  }
  return table;
}

/** Bytes the walk's scratch area takes (the digit groups, the digits). */
const SCRATCH_BYTES = 512;
/** Findings the walk holds before it hands them over (OUT_MAX of the walk), 12 bytes each. */
const OUT_BYTES = 4096 * 12;

/** Tables that are the same for every scanner in this realm: made once, on the first text file. */
let realmTables: { word: Uint8Array; accent: Uint8Array; canon: Uint16Array; iban: Uint8Array; fold: Uint16Array } | undefined;

interface Configuration {
  /** The parts `configure` reads, in its order. */
  parts: Array<Uint8Array | Uint16Array | Uint32Array>;
  digitTerm: boolean;
  foldCapacity: number;
}

/** Each scanner's configuration, made on its first text file and copied into the walk of every later one. */
const configurations = new WeakMap<ByteScannerOptions, Configuration>();

function configurationOf(options: ByteScannerOptions): Configuration {
  const known = configurations.get(options);
  if (known) return known;
  realmTables ??= {
    word: wordBitTable(),
    accent: accentClassTable(),
    canon: canonTable(),
    iban: ibanLengthTable(),
    fold: foldTable(),
  };
  const starts = termStartTables(options.health);
  const terms = termStream(options.health);
  const u16 = (values: number[]): Uint16Array => Uint16Array.from(values);
  // a folded word long enough for the longest configured word: a longer one in the text matches none
  const configured = [...options.health.keys(), ...[...options.health.values()].flat(2), ...options.birthWords, ...options.bigWords];
  const foldCapacity = Math.max(256, ...configured.map((w) => w.length));
  const configuration = {
    parts: [
      realmTables.word,
      realmTables.accent,
      realmTables.canon,
      realmTables.iban,
      starts.tables,
      terms.offsets,
      realmTables.fold,
      u16(terms.stream),
      u16(wordStream(Array.from(options.birthWords, (word) => ({ word })))),
      u16(wordStream(Array.from(options.bigWords, (word) => ({ word })))),
      u16(wordStream(Object.entries(MONTHS).map(([word, month]) => ({ word, extra: month })))),
      new Uint8Array(SCRATCH_BYTES),
      new Uint8Array(OUT_BYTES),
      new Uint16Array(foldCapacity),
    ],
    digitTerm: starts.digitTerm,
    foldCapacity,
  };
  configurations.set(options, configuration);
  return configuration;
}

/**
 * Builds a byte scanner for one scanner's options (the same object each time, so its tables are made once), or
 * undefined where WebAssembly cannot run.
 */
export async function createByteScanner(options: ByteScannerOptions): Promise<ByteScanner | undefined> {
  const module = await wasmModule();
  if (!module) return undefined;
  const decoder = new TextDecoder('utf-8');
  // what the host's functions work on: the instance's memory, where the walk puts findings and folded words, and the
  // collector of the window being scanned
  const at = { memory: undefined as WebAssembly.Memory | undefined, out: 0, fold: 0, foldCapacity: 0, charBase: 0 };
  let collector: FindingCollector | undefined;
  const host = {
    /** Takes `count` findings from the walk: its kind (an index in FINDING_KINDS), start, end. */
    flush(count: number): void {
      const found = new Int32Array((at.memory as WebAssembly.Memory).buffer, at.out, count * 3);
      for (let k = 0; k < found.length; k += 3) {
        collector?.addAt(found[k], at.charBase + found[k + 1], at.charBase + found[k + 2]);
      }
    },
    retract(start: number): void {
      collector?.retractFrom(at.charBase + start);
    },
    fold(start: number, end: number): number {
      const buffer = (at.memory as WebAssembly.Memory).buffer;
      const word = fold(decoder.decode(new Uint8Array(buffer, start, end - start)));
      const out = new Uint16Array(buffer, at.fold, at.foldCapacity);
      for (let k = 0; k < Math.min(word.length, out.length); k++) out[k] = word.charCodeAt(k);
      return word.length;
    },
  };
  let exports: Exports;
  try {
    exports = (await WebAssembly.instantiate(module, { host })).exports as unknown as Exports;
  } catch {
    return undefined;
  }
  at.memory = exports.memory;
  // the tables' sizes are written in both languages: a walk built against other sizes is not used
  if (!exports.layoutMatches(PAIR_BYTES, TRIPLE_BYTES, OUT_BYTES / 12, SCRATCH_BYTES)) return undefined;

  // the window stands at the walk's fixed address (after its static data and 16 zero bytes), then 32 zero bytes, then
  // the configuration, in the order `configure` reads its addresses; a larger window moves the configuration on
  const { parts, digitTerm, foldCapacity } = configurationOf(options);
  const windowAt = exports.windowAt();
  let room = -1; // bytes the window may take
  const place = (capacity: number): void => {
    let end = align(windowAt + capacity + 32, 16);
    const addresses = parts.map((part) => {
      const address = end;
      end = align(end + part.byteLength, 16);
      return address;
    });
    const table = end;
    const have = exports.memory.buffer.byteLength;
    const need = table + (addresses.length + 1) * 4;
    if (need > have) exports.memory.grow(Math.ceil((need - have) / 65536));
    const heap = new Uint8Array(exports.memory.buffer);
    parts.forEach((part, k) => heap.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), addresses[k]));
    new Uint32Array(heap.buffer, table, addresses.length + 1).set([...addresses, foldCapacity]);
    exports.configure(table);
    at.out = addresses[12];
    at.fold = addresses[13];
    room = capacity;
  };
  /** The walk's memory, with room for a window of `n` bytes (and the 32 zero bytes after it). */
  const ensure = (n: number): Uint8Array => {
    if (n > room) place(align(n, 65536));
    return new Uint8Array(exports.memory.buffer);
  };
  ensure(0);
  at.foldCapacity = foldCapacity;
  const ref = options.reference;
  exports.reference(ref.getUTCFullYear(), ref.getUTCMonth() + 1, ref.getUTCDate(), options.needsContext ? 1 : 0);

  let lent: Uint8Array | undefined; // the window buffer handed out, a view of the walk's memory
  return {
    buffer(capacity) {
      lent = ensure(capacity + 32).subarray(windowAt, windowAt + capacity);
      return lent;
    },
    scanWindow(bytes, walkFrom, resumed, stopAt, last, base, out) {
      const n = bytes.length;
      const inPlace = lent !== undefined && bytes.buffer === lent.buffer && bytes.byteOffset === windowAt;
      const view = ensure(n);
      if (!inPlace) view.set(bytes, windowAt);
      // zero bytes after the window, as the end of a string: what stood there (the next window's first bytes in a
      // lent buffer) is put back after the scan
      const after = view.slice(windowAt + n, windowAt + n + 32);
      view.fill(0, windowAt + n, windowAt + n + 32);
      try {
        if (exports.invalidUtf8(windowAt, n) >= 0) return undefined;
        collector = out;
        at.charBase = base;
        out.window(0, Infinity, 0);
        exports.begin(n, walkFrom, resumed, Math.min(n, stopAt), last ? 1 : 0, digitTerm ? 1 : 0);
        let p = walkFrom;
        while (p < exports.stopAt()) p = exports.walk(p + WALK_SLICE);
        return { at: p, resumed: exports.resumedAt() };
      } finally {
        collector = undefined;
        view.set(after, windowAt + n);
      }
    },
    units(n) {
      return exports.unitsTo(n);
    },
  };
}
