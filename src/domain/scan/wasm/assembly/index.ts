/**
 * The personal-data scanner's walk (src/domain/scan/scanner.ts) in WebAssembly, reading a text file's UTF-8 bytes
 * without decoding them to a JavaScript string. AssemblyScript; built by scripts/build-scan-wasm.js into
 * src/domain/scan/wasm/module.ts. Every rule is the TypeScript scanner's, rule for rule, on the same characters:
 * positions here are byte offsets, but every length or distance the rules count (a context word within 40
 * characters, an e-mail's local part of at most 64) is counted in UTF-16 code units, as the TypeScript scanner
 * counts them. Findings go out through `add`/`retract` at UTF-16 offsets from the window's start, so the result is
 * the TypeScript scanner's result on the decoded text. Folding a word that holds a non-ASCII character
 * (NFD, marks dropped, lower case) is asked of JavaScript (`fold`), which has Unicode's tables.
 *
 * Memory: [0, heap) static data; then the configuration (written once by the host) and the window's bytes, with 16
 * zero bytes before and 32 after: the sixteen-byte test reads a block before and two after, and a look beyond either
 * end reads a character that matches nothing, as the end of a JavaScript string does.
 */

// ---- imports from the host (src/domain/scan/wasm/engine.ts) ----
/**
 * Takes `count` findings from OUT: per finding its kind (index in FINDING_KINDS), start and end in UTF-16 units from
 * the window's start.
 */
@external("host", "flush")
declare function hostFlush(count: i32): void;
/** Drops every finding starting at or after `start` (UTF-16 units from the window's start). */
@external("host", "retract")
declare function hostRetract(start: i32): void;
/** Folds bytes [start, end) (addresses) and writes the UTF-16 units at FOLD_OUT; returns their number. */
@external("host", "fold")
declare function hostFold(start: i32, end: i32): i32;

// ---- finding kinds, as FINDING_KINDS orders them ----
const BSN = 0;
const IBAN = 1;
const BIG = 2;
const EMAIL = 3;
const PHONE = 4;
const BIRTHDATE = 5;
const HEALTH = 6;

// ---- configuration written by the host ----
let WORDBITS: usize = 0; // 65536 bits: a BMP code point >= 0x80 is a letter, mark or digit (\p{L}\p{M}\p{N})
let RXCLASS: usize = 0; // u8[0x250]: the accented letter class ('a','e',…) a code point falls in, for the term regex
let CANON: usize = 0; // u16[0x10000]: the regex's case-insensitive canonical form (non-Unicode mode)
let IBANLEN: usize = 0; // u8[26*26]: IBAN length per country code
// u16 stream of the health terms: count, then per first word: (length, units…), its rests: count, per rest: words,
// per word (length, units…)
let TERMS: usize = 0;
let TERM_AT: usize = 0; // u32 per first word: its byte offset in TERMS
let FOLDS: usize = 0; // u16[0x370]: chars.ts fold of one code point: a unit, 0 for nothing, 0xffff when not one unit
let PAIR: usize = 0; // 128*256 bits: a term's first word may start with this ASCII character and this next byte;
// then 32*32*32 bits: a first word may start with these three ASCII characters (see slot); then the byte-class
// tables of the sixteen-byte test (A, F, S, T: low then high, 16 bytes each)
let BIRTHWORDS: usize = 0; // u16 stream: count, then (length, units…)
let BIGWORDS: usize = 0;
let MONTHS: usize = 0; // u16 stream: count, then (length, units…, month)
let FOLD_OUT: usize = 0; // u16[FOLD_CAP]: a folded word (the host's or the walk's)
let FOLD_CAP: i32 = 256; // units it holds: at least the longest configured word
let RING: usize = 0; // 16 slots of 16 bytes: digit groups of the chain being read
let DIGITS: usize = 0; // u8[16]: digits of a run of groups
let REF_Y: i32 = 0;
let REF_M: i32 = 0;
let REF_D: i32 = 0;
let NEEDS_CONTEXT: bool = false;

// ---- the window ----
/**
 * The window's first byte: a fixed address, so that every read of the window is a constant offset from a position,
 * not a global read first. The module's static data (about 1 KB) and 16 zero bytes stand before it
 * ({@link layoutMatches} checks); the host writes the configuration after the window (engine.ts).
 */
const T: usize = 8192;
let N: i32 = 0; // its length
let curByte: i32 = 0; // UTF-16 cursor: byte offset and its unit offset
let curUnit: i32 = 0;

/**
 * Takes the configuration the host wrote (src/domain/scan/wasm/engine.ts): `at` holds the addresses of, in order,
 * the word-character bits, the accent classes, the canonical forms (the whole BMP), the IBAN lengths, the term-start
 * tables, the terms' offsets, the fold table, the terms, the birth words, the BIG words, the months, the scratch area
 * (512 bytes), the findings buffer (OUT_MAX findings) and the folded-word buffer; then that buffer's capacity in
 * units.
 */
export function configure(at: usize): void {
  WORDBITS = load<u32>(at);
  RXCLASS = load<u32>(at + 4);
  CANON = load<u32>(at + 8);
  IBANLEN = load<u32>(at + 12);
  PAIR = load<u32>(at + 16);
  TERM_AT = load<u32>(at + 20);
  FOLDS = load<u32>(at + 24);
  TERMS = load<u32>(at + 28);
  BIRTHWORDS = load<u32>(at + 32);
  BIGWORDS = load<u32>(at + 36);
  MONTHS = load<u32>(at + 40);
  const scratch = <usize>load<u32>(at + 44);
  OUT = load<u32>(at + 48);
  FOLD_OUT = load<u32>(at + 52);
  FOLD_CAP = load<u32>(at + 56);
  RING = scratch;
  DIGITS = scratch + 256;
  BIRTH_FIRSTS = firstsOf(BIRTHWORDS);
  BIG_FIRSTS = firstsOf(BIGWORDS) | ((<u64>1) << <u64>(98 - 64)); // 'BIG' itself
  contextTables(scratch + 384);
}

export function reference(y: i32, m: i32, d: i32, needsContext: bool): void {
  REF_Y = y;
  REF_M = m;
  REF_D = d;
  NEEDS_CONTEXT = needsContext;
}

export function windowAt(): usize {
  return T;
}

// ---- bytes and characters ----
@inline function b(p: i32): i32 {
  return <i32>load<u8>(T + <usize>p);
}

/** Code point of the character starting at byte `p` (the window is valid UTF-8; 0 outside it). */
function cpAt(p: i32): i32 {
  const c = b(p);
  if (c < 0x80) return c;
  if (c < 0xe0) return ((c & 0x1f) << 6) | (b(p + 1) & 0x3f);
  if (c < 0xf0) return ((c & 0x0f) << 12) | ((b(p + 1) & 0x3f) << 6) | (b(p + 2) & 0x3f);
  return ((c & 0x07) << 18) | ((b(p + 1) & 0x3f) << 12) | ((b(p + 2) & 0x3f) << 6) | (b(p + 3) & 0x3f);
}

/** Byte length of the character starting at `p` (1 outside the window). */
@inline function lenAt(p: i32): i32 {
  const c = b(p);
  return c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}

/** Start of the character ending at `p` (p - 1 for ASCII). */
function prevStart(p: i32): i32 {
  let q = p - 1;
  while (q > 0 && (b(q) & 0xc0) == 0x80) q--;
  return q;
}

/** Code point of the character ending at `p`, or -1 before the window's start (JavaScript's NaN). */
function cpBefore(p: i32): i32 {
  if (p <= 0) return -1;
  const c = b(p - 1);
  if (c < 0x80) return c;
  return cpAt(prevStart(p));
}

/** UTF-16 units of the character starting at `p`. */
@inline function unitsAt(p: i32): i32 {
  return b(p) >= 0xf0 ? 2 : 1;
}

/** UTF-16 units in bytes [a, z): one per byte that is no continuation byte, two for a 4-byte character. */
function units(a: i32, z: i32): i32 {
  return unitsIn(T + <usize>a, z - a);
}

/**
 * UTF-16 units of the `n` bytes at `t`: a unit per byte, less one per continuation byte, plus one per 4-byte lead.
 * Sixteen bytes at a time, the differences summed per lane (at most 127 blocks, so a lane stays within a byte); the
 * last block reads up to 15 bytes past `t + n`, which the window's zero bytes after its end make readable.
 */
function unitsIn(t: usize, n: i32): i32 {
  let u = n;
  let q = 0;
  const lowest = i8x16.splat(-64); // signed: continuation bytes 0x80..0xbf are -128..-65
  const fourLead = i8x16.splat(<i8>0xf0);
  while (n - q >= 16) {
    const blocks = min((n - q) >> 4, 127);
    let acc = i8x16.splat(0);
    for (let k = 0; k < blocks; k++) {
      const v = v128.load(t + <usize>q);
      q += 16;
      acc = i8x16.sub(i8x16.add(acc, i8x16.lt_s(v, lowest)), i8x16.ge_u(v, fourLead)); // lanes of -1 and 0
    }
    const sums = i32x4.extadd_pairwise_i16x8_s(i16x8.extadd_pairwise_i8x16_s(acc));
    u += i32x4.extract_lane(sums, 0) + i32x4.extract_lane(sums, 1) + i32x4.extract_lane(sums, 2) + i32x4.extract_lane(sums, 3);
  }
  if (q < n) {
    // the last bytes, as one block whose lanes from `n` on are left out (the window's zero bytes follow its end)
    const v = v128.load(t + <usize>q);
    const within = i8x16.lt_s(i8x16(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15), i8x16.splat(<i8>(n - q)));
    u -= <i32>popcnt(i8x16.bitmask(v128.and(i8x16.lt_s(v, lowest), within)));
    u += <i32>popcnt(i8x16.bitmask(v128.and(i8x16.ge_u(v, fourLead), within)));
  }
  return u;
}

/** UTF-16 offset of byte `p` from the window's start (a cursor moved either way). */
function unitOf(p: i32): i32 {
  if (p >= curByte) curUnit += units(curByte, p);
  else curUnit -= units(p, curByte);
  curByte = p;
  return curUnit;
}

/** The byte `n` (at most 64) UTF-16 units before `p` (not before the window's start). */
function back(p: i32, n: i32): i32 {
  if (p >= 64) {
    // sixty-four ASCII bytes before p: a unit each
    const t = T + <usize>(p - 64);
    const any = v128.or(v128.or(v128.load(t), v128.load(t, 16)), v128.or(v128.load(t, 32), v128.load(t, 48)));
    if (i8x16.bitmask(any) == 0) return p - n;
  }
  let q = p;
  let u = 0;
  while (q > 0 && u < n) {
    q--;
    const c = b(q);
    if ((c & 0xc0) != 0x80) u += c >= 0xf0 ? 2 : 1;
  }
  return q;
}

// One unsigned comparison per range: V8 keeps `a && b` of two comparisons as a branch
@inline function isDigit(c: i32): bool {
  return <u32>(c - 48) < 10;
}

/** The ASCII characters of a set below 64, as bits: `bits(' ', '-')`. */
@inline function below64(c: i32): u64 {
  return (<u64>1) << <u64>c;
}

/** True when `c` is below 64 and its bit is in `set`: a shift and a test, no branch. */
@inline function inSet(c: i32, set: u64): bool {
  return (<i32>(<u32>c < 64) & <i32>((set >> <u64>(c & 63)) & 1)) != 0;
}

const SET_BLANK_BREAK: u64 = below64(10) | below64(13) | below64(32) | below64(9); // starts a line break separator
const SET_SEP1: u64 = below64(32) | below64(45) | below64(46) | below64(47); // ' ', '-', '.', '/'
const SET_SEP_BYTE: u64 = SET_SEP1 | below64(9) | below64(10) | below64(13) | below64(40) | below64(41);
const SET_DIGIT_SEP: u64 = SET_SEP1 | below64(40) | below64(41); // a separator of one byte before a digit

@inline function isAsciiLetter(c: i32): bool {
  return <u32>((c | 0x20) - 97) < 26;
}

@inline function isAsciiWord(c: i32): bool {
  return (<i32>isDigit(c) | <i32>isAsciiLetter(c)) != 0;
}

/** chars.ts isNonAsciiWordChar: Latin letters and marks by range, the rest of the BMP by Unicode's table; astral: no. */
function isNonAsciiWordChar(c: i32): bool {
  if (c < 0xc0) return false;
  if (c == 0xd7 || c == 0xf7) return false;
  if (c <= 0x24f || (c >= 0x300 && c <= 0x36f)) return true;
  if (c > 0xffff) return false; // JavaScript sees two surrogate halves: separators
  return ((<i32>load<u8>(WORDBITS + <usize>(c >> 3)) >> (c & 7)) & 1) != 0;
}

function isWordChar(c: i32): bool {
  if (c < 0x80) return isAsciiWord(c);
  return isNonAsciiWordChar(c);
}

function isLetterStart(c: i32): bool {
  if (c < 0x80) return isAsciiLetter(c);
  return isNonAsciiWordChar(c) && !(c >= 0x300 && c <= 0x36f);
}

/** chars.ts wordEnd: the byte just after the word starting at `p`. */
function wordEnd(p: i32): i32 {
  let q = p;
  while (q < N) {
    const c = b(q);
    if (c < 0x80) {
      if (!isAsciiWord(c)) break;
      q++;
    } else {
      if (!isNonAsciiWordChar(cpAt(q))) break;
      q += lenAt(q);
    }
  }
  return q;
}

// ---- the collector: what starts in [FROM, TO) ----
/** Findings not yet handed to the host: kind, start, end (UTF-16 offsets), 12 bytes each, in the order found. */
let OUT: usize = 0;
const OUT_MAX = 4096;
let outCount = 0;

function add(kind: i32, start: i32, end: i32): void {
  const s = unitOf(start);
  if (outCount == OUT_MAX) flush();
  const e = OUT + <usize>(outCount * 12);
  store<i32>(e, kind);
  store<i32>(e + 4, s);
  store<i32>(e + 8, s + units(start, end));
  outCount++;
}

function flush(): void {
  if (outCount > 0) hostFlush(outCount);
  outCount = 0;
}

/**
 * Drops what starts at or after `start`. The walk finds in text order, so those are the last ones found: the ones
 * still here, and when all of those went, possibly ones the host already has.
 */
function retractFrom(start: i32): void {
  const at = unitOf(start);
  while (outCount > 0 && load<i32>(OUT + <usize>((outCount - 1) * 12 + 4)) >= at) outCount--;
  if (outCount == 0) hostRetract(at);
}

// ---- folding and word lists ----
/**
 * Folds [i, j) into FOLD_OUT; returns the number of units. Characters below U+0370 fold one by one by the host's
 * table (a letter, or nothing for a combining mark); a word with any other character is folded by the host.
 */
function fold(i: i32, j: i32): i32 {
  let n = 0;
  let q = i;
  while (q < j) {
    const c = b(q);
    if (c < 0x80) {
      if (n >= FOLD_CAP) return hostFold(<i32>(T + <usize>i), <i32>(T + <usize>j));
      store<u16>(FOLD_OUT + (<usize>n << 1), <u16>(c >= 65 && c <= 90 ? c + 32 : c));
      n++;
      q++;
      continue;
    }
    const cp = cpAt(q);
    const f = cp < 0x370 ? <i32>load<u16>(FOLDS + (<usize>cp << 1)) : 0xffff;
    if (f == 0xffff || n >= FOLD_CAP) return hostFold(<i32>(T + <usize>i), <i32>(T + <usize>j));
    if (f != 0) {
      store<u16>(FOLD_OUT + (<usize>n << 1), <u16>f);
      n++;
    }
    q += lenAt(q);
  }
  return n;
}

/**
 * True when the `len` folded units at FOLD_OUT equal the word at `w` (length, units…) of a u16 stream. A word longer
 * than FOLD_CAP is longer than any configured word, and only its length was kept.
 */
function foldedIs(len: i32, w: usize): bool {
  if (<i32>load<u16>(w) != len || len > FOLD_CAP) return false;
  for (let k = 0; k < len; k++) {
    if (load<u16>(FOLD_OUT + (<usize>k << 1)) != load<u16>(w + 2 + (<usize>k << 1))) return false;
  }
  return true;
}

/** True when the folded word at FOLD_OUT is one of the list (count, then (length, units…)). */
function inList(len: i32, list: usize): bool {
  const count = <i32>load<u16>(list);
  let w = list + 2;
  for (let k = 0; k < count; k++) {
    if (foldedIs(len, w)) return true;
    w += 2 + (<usize>load<u16>(w) << 1);
  }
  return false;
}

// ---- checks.ts ----
function isValidBsn(d: usize, len: i32): bool {
  if (len != 9) return false;
  let sum = 0;
  let allZero = true;
  for (let k = 0; k < 9; k++) {
    const x = <i32>load<u8>(d + <usize>k) - 48;
    if (x != 0) allZero = false;
    sum += k == 8 ? -x : x * (9 - k);
  }
  return !allZero && sum % 11 == 0;
}

function isRealDate(day: i32, month: i32, year: i32): bool {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  let len = 31;
  if (month == 2) len = leap ? 29 : 28;
  else if (month == 4 || month == 6 || month == 9 || month == 11) len = 30;
  return day <= len;
}

function ageOn(day: i32, month: i32, year: i32): i32 {
  let age = REF_Y - year;
  if (REF_M < month || (REF_M == month && REF_D < day)) age -= 1;
  if (REF_Y < year || (REF_Y == year && (REF_M < month || (REF_M == month && REF_D < day)))) return -1;
  return age;
}

function numberAt(p: i32, z: i32): i32 {
  let v = 0;
  for (let q = p; q < z; q++) v = v * 10 + (b(q) - 48);
  return v;
}

// ---- iban.ts ----
@inline function upper(c: i32): i32 {
  return c >= 97 && c <= 122 ? c - 32 : c;
}

/** iban.ts lineBreakLength, in bytes; its bounds (4 blanks before, 12 characters in all) in characters. */
function lineBreakLength(p: i32): i32 {
  let q = p;
  let u = 0;
  while (u < 4 && (b(q) == 32 || b(q) == 9)) {
    q++;
    u++;
  }
  if (b(q) == 45) {
    q++;
    u++;
  } else if (b(q) == 0xc2 && b(q + 1) == 0xad) {
    q += 2;
    u++;
  }
  if (b(q) == 13) {
    q++;
    u++;
  }
  if (b(q) != 10) return 0;
  q++;
  u++;
  while (u < 12 && (b(q) == 32 || b(q) == 9)) {
    q++;
    u++;
  }
  return q - p;
}

/** True when the break at `p` of `len` bytes holds a hyphen or soft hyphen. */
function breakHasHyphen(p: i32, len: i32): bool {
  for (let q = p; q < p + len; q++) {
    if (b(q) == 45 || (b(q) == 0xc2 && b(q + 1) == 0xad)) return true;
  }
  return false;
}

let ibanEnd: i32 = 0;

/** iban.ts matchIbanAt: 0 no IBAN shape, 1 the shape but no mod-97, 2 valid; the token's end in ibanEnd. */
function matchIbanAt(i: i32): i32 {
  const c0 = upper(b(i));
  const c1 = upper(b(i + 1));
  if (c0 < 65 || c0 > 90 || c1 < 65 || c1 > 90) return 0;
  if (!isDigit(b(i + 2)) || !isDigit(b(i + 3))) return 0;
  const length = <i32>load<u8>(IBANLEN + <usize>((c0 - 65) * 26 + (c1 - 65)));
  if (length == 0) return 0;
  // mod-97 of the BBAN followed by the first four characters, read in one go: keep the first four apart
  let rem = 0;
  let count = 0;
  let p = i;
  while (count < length) {
    const c = b(p);
    if (isAsciiWord(c)) {
      if (count >= 4) {
        const u = upper(c);
        rem = u <= 57 ? (rem * 10 + (u - 48)) % 97 : (rem * 100 + (u - 55)) % 97;
      }
      count++;
      p++;
      continue;
    }
    if (count == 0) return 0;
    const brk = lineBreakLength(p);
    if (brk > 0 && isAsciiWord(b(p + brk))) {
      p += brk;
    } else if (count % 4 == 0 && (c == 32 || c == 45 || c == 46) && isAsciiWord(b(p + 1))) {
      p++;
    } else if (count % 4 == 0 && c == 0xc2 && b(p + 1) == 0xa0 && isAsciiWord(b(p + 2))) {
      p += 2;
    } else {
      return 0;
    }
  }
  if (isWordChar(cpAt(p))) return 0;
  ibanEnd = p;
  for (let k = 0; k < 4; k++) {
    const u = upper(b(i + k));
    rem = u <= 57 ? (rem * 10 + (u - 48)) % 97 : (rem * 100 + (u - 55)) % 97;
  }
  return rem == 1 ? 2 : 1;
}

// ---- numbers.ts: separators ----
const SEP_NONE = 0;
const SEP_SPACE = 1;
const SEP_HYPHEN = 2;
const SEP_DOT = 3;
const SEP_SLASH = 4;
const SEP_NBSP = 5;
const SEP_OPEN = 6; // '('
const SEP_CLOSE = 7; // ')'
const SEP_SPACE_OPEN = 8; // ' ('
const SEP_CLOSE_SPACE = 9; // ') '
const SEP_CLOSE_HYPHEN = 10; // ')-'
const SEP_BREAK = 11; // a line break with blanks around it

let sepKind: i32 = 0;

/** numbers.ts separatorLength, in bytes; its kind in sepKind. */
function separatorLength(j: i32): i32 {
  const c = b(j);
  const next = b(j + 1);
  if (inSet(c, SET_BLANK_BREAK) && (c == 10 || c == 13 || inSet(next, below64(10) | below64(13) | below64(32)))) {
    const brk = lineBreakLength(j);
    if (brk > 0 && isDigit(b(j + brk)) && !breakHasHyphen(j, brk)) {
      sepKind = SEP_BREAK;
      return brk;
    }
    if (c != 32) return 0;
  }
  if (inSet(c, SET_SEP1)) {
    if (isDigit(next)) {
      sepKind = c == 32 ? SEP_SPACE : c == 45 ? SEP_HYPHEN : c == 46 ? SEP_DOT : SEP_SLASH;
      return 1;
    }
    if (c == 32 && next == 40 && isDigit(b(j + 2))) {
      sepKind = SEP_SPACE_OPEN;
      return 2;
    }
    return 0;
  }
  if (c == 0xc2 && next == 0xa0) {
    if (isDigit(b(j + 2))) {
      sepKind = SEP_NBSP;
      return 2;
    }
    return 0;
  }
  if (c == 40) {
    if (isDigit(next)) {
      sepKind = SEP_OPEN;
      return 1;
    }
    return 0;
  }
  if (c == 41) {
    if (isDigit(next)) {
      sepKind = SEP_CLOSE;
      return 1;
    }
    if ((next == 32 || next == 45) && isDigit(b(j + 2))) {
      sepKind = next == 32 ? SEP_CLOSE_SPACE : SEP_CLOSE_HYPHEN;
      return 2;
    }
  }
  return 0;
}

/** `sep.trim() === ''` */
@inline function blankSep(s: i32): bool {
  return s == SEP_SPACE || s == SEP_NBSP || s == SEP_BREAK;
}

@inline function hasOpen(s: i32): bool {
  return s == SEP_OPEN || s == SEP_SPACE_OPEN;
}

@inline function hasClose(s: i32): bool {
  return s == SEP_CLOSE || s == SEP_CLOSE_SPACE || s == SEP_CLOSE_HYPHEN;
}

@inline function isBsnSep(s: i32): bool {
  return s == SEP_SPACE || s == SEP_DOT || s == SEP_HYPHEN || s == SEP_NBSP;
}

@inline function isPhoneSep(s: i32): bool {
  return s != SEP_NONE && s != SEP_SLASH && s != SEP_BREAK;
}

@inline function isDateSep(s: i32): bool {
  return s == SEP_HYPHEN || s == SEP_SLASH || s == SEP_DOT;
}

// ---- the CANDIDATE regex of numbers.ts, at a digit whose previous character is no digit ----
const HIGH_BITS: u64 = 0x8080808080808080;

/** How many of the 8 bytes from `p` are ASCII digits before the first that is not (8: all of them). */
@inline function digitRun8(p: i32): i32 {
  const x = load<u64>(T + <usize>p);
  const y = x & 0x7f7f7f7f7f7f7f7f; // no carry from one byte into the next below
  const digits = ((y + 0x5050505050505050) & ~(y + 0x4646464646464646) & ~x) & HIGH_BITS; // 0x30 <= byte < 0x3a
  return <i32>(ctz(~digits & HIGH_BITS) >> 3);
}

/** The first byte at or after `p` that is no ASCII digit (the window's zero byte after its end is none). */
@inline function digitsEnd(p: i32): i32 {
  let q = p;
  for (;;) {
    const run = digitRun8(q);
    q += run;
    if (run < 8) return q;
  }
  return unreachable();
}

/** How many of the 8 bytes from `p` are ASCII letters before the first that is not (8: all of them). */
@inline function letterRun8(p: i32): i32 {
  const x = load<u64>(T + <usize>p);
  const y = (x | 0x2020202020202020) & 0x7f7f7f7f7f7f7f7f; // lower case; no carry below
  const letters = ((y + 0x1f1f1f1f1f1f1f1f) & ~(y + 0x0505050505050505) & ~x) & HIGH_BITS; // 0x61 <= byte < 0x7b
  return <i32>(ctz(~letters & HIGH_BITS) >> 3);
}

/**
 * `(?:SEP?[0-9]){count}` of CANDIDATE from `q`: true when it can match. SEP is one of `[ -./\u00a0()]`, ' (',
 * ')[ -]' or a line break `[ \t]{0,4}\r?\n[ \t]{0,11}`. A digit must follow each separator, and the character after
 * a separator's first one tells them apart (a digit, '(', a blank or line end), so there is one way at most: the
 * regex's backtracking has nothing to find.
 */
function nineFrom(q0: i32, count0: i32): bool {
  let q = q0;
  let count = count0;
  for (;;) {
    const run = digitRun8(q); // count is at most 8
    if (run >= count) return true;
    q += run;
    count -= run;
    const c = b(q);
    const c1 = b(q + 1);
    if (inSet(c, SET_DIGIT_SEP) && isDigit(c1)) {
      q += 1;
    } else if (c == 0xc2 && c1 == 0xa0 && isDigit(b(q + 2))) {
      q += 2;
    } else if (c == 32 && c1 == 40 && isDigit(b(q + 2))) {
      q += 2;
    } else if (c == 41 && (c1 == 32 || c1 == 45) && isDigit(b(q + 2))) {
      q += 2;
    } else {
      // the line break: only blanks lead to '\r?\n', and a digit must follow the trailing blanks
      let r = q;
      let k = 0;
      while (k < 4 && (b(r) == 32 || b(r) == 9)) {
        r++;
        k++;
      }
      if (b(r) == 13) r++;
      if (b(r) != 10) return false;
      r++;
      let m = 0;
      while (m < 11 && (b(r) == 32 || b(r) == 9)) {
        r++;
        m++;
      }
      if (!isDigit(b(r))) return false;
      q = r;
    }
  }
  return unreachable();
}

/** A byte a separator may hold (numbers.ts separatorLength): blanks, line ends, '-', '.', '/', (), no-break space. */
@inline function isSepByte(c: i32): bool {
  return (<i32>inSet(c, SET_SEP_BYTE) | <i32>(c == 0xc2) | <i32>(c == 0xa0)) != 0; // 0xc2 0xa0: a no-break space
}

/**
 * CANDIDATE at the digit `p` (numbers.ts): a date, nine digits, a written date, or an IBAN's check digits. The
 * digits of the run are read once; each alternative then only looks at what follows them.
 */
@inline function candidateAt(p: i32): bool {
  let l = digitRun8(p);
  if (l == 8) l = digitsEnd(p + 8) - p;
  if (l >= 9) return true; // '(?:SEP?[0-9]){8}' with no separator
  // '(?<=[A-Za-z]{2}[0-9])[0-9]'
  if (l >= 2 && p >= 2 && isAsciiLetter(b(p - 1)) && isAsciiLetter(b(p - 2))) return true;
  const x = b(p + l);
  if (<u32>(x - 45) < 3) {
    // '[0-9]{0,3}[-/.][0-9]{1,2}[-/.][0-9]'
    const r = p + l + 1;
    if (l <= 4 && isDigit(b(r))) {
      const s2 = b(r + 1);
      if (<u32>(s2 - 45) < 3 && isDigit(b(r + 2))) return true;
      if (isDigit(s2)) {
        const s3 = b(r + 2);
        if (<u32>(s3 - 45) < 3 && isDigit(b(r + 3))) return true;
      }
    }
  } else if (l <= 2 && (x == 32 || x == 0xc2) && ((digitBits(v128.load(T + <usize>p)) >> 6) | <i32>isDigit(b(p + 16))) != 0) {
    // '[0-9]?[ \u00a0][A-Za-z]{3,9}\.?[ \u00a0][0-9]{4}', whose year starts 6 to 16 bytes after p: a digit stands there
    let r = p + l;
    if (x == 32) r++;
    else if (b(r + 1) == 0xa0) r += 2;
    let k = letterRun8(r);
    if (k == 8 && isAsciiLetter(b(r + 8))) k = 9;
    // [A-Za-z]{3,9} backtracks, but a gap must follow the letters: only the longest run can be followed by one
    if (k >= 3 && !isAsciiLetter(b(r + k))) {
      let t = r + k;
      if (b(t) == 46) t++;
      let gap = 0;
      if (b(t) == 32) gap = 1;
      else if (b(t) == 0xc2 && b(t + 1) == 0xa0) gap = 2;
      t += gap;
      if (gap > 0 && isDigit(b(t)) && isDigit(b(t + 1)) && isDigit(b(t + 2)) && isDigit(b(t + 3))) return true;
    }
  }
  // '(?:SEP?[0-9]){8}': the run's digits, then separators. A separator starts with one of its bytes, and a digit
  // follows '-', '.', '/' and a space unless a '(' or a line break does
  if (!isSepByte(x)) return false;
  const y = b(p + l + 1);
  if (inSet(x, SET_SEP1) && isAsciiLetter(y)) return false;
  return mayHoldNine(p) && nineFrom(p + l, 9 - l);
}

/** The ASCII digits of sixteen bytes, one bit each. */
@inline function digitBits(v: v128): i32 {
  return i8x16.bitmask(i8x16.lt_u(i8x16.sub(v, i8x16.splat(48)), i8x16.splat(10)));
}

/**
 * False when '(?:SEP?[0-9]){8}' cannot match after the digit `p`: fewer than nine digits in the 17 bytes from `p`,
 * and no byte of a separator longer than one byte (a no-break space's 0xc2, ' (', ')-' and ') ', a line break's '\n')
 * in the 21 bytes from `p`. With separators of one byte the nine digits lie within 17 bytes; the first longer one
 * starts by byte 15 and shows its mark by byte 20.
 */
@inline function mayHoldNine(p: i32): bool {
  const v0 = v128.load(T + <usize>p);
  const v1 = v128.load(T + <usize>p, 16);
  if (<i32>popcnt(digitBits(v0)) + <i32>isDigit(b(p + 16)) >= 9) return true;
  return (longSepBits(v0) | (longSepBits(v1) & 0x1f)) != 0;
}

/** The bytes of sixteen that mark a separator longer than one byte (0xc2, '\n', '(', ')'), one bit each. */
@inline function longSepBits(v: v128): i32 {
  const nbspOrBreak = v128.or(i8x16.eq(v, i8x16.splat(<i8>0xc2)), i8x16.eq(v, i8x16.splat(10)));
  return i8x16.bitmask(v128.or(nbspOrBreak, i8x16.eq(i8x16.shr_u(v, 1), i8x16.splat(20)))); // '(' and ')': 40, 41
}

// ---- numbers.ts: chains, read into a ring of 16 groups ----
// ring slot: start, end, sep after (kind), sep length (bytes)
@inline function gStart(k: i32): i32 {
  return load<i32>(RING + <usize>((k & 15) * 16));
}
@inline function gEnd(k: i32): i32 {
  return load<i32>(RING + <usize>((k & 15) * 16 + 4));
}
@inline function gSep(k: i32): i32 {
  return load<i32>(RING + <usize>((k & 15) * 16 + 8));
}

let chainGroups: i32 = 0; // groups in the chain
let chainRead: i32 = 0; // groups read into the ring so far
let chainNext: i32 = 0; // byte where the next unread group starts
let chainPlus: bool = false;
let chainHeadAttached: bool = false;
let chainTailAttached: bool = false;
let lastStart: i32 = 0;
let lastEnd: i32 = 0;
let lastSepKind: i32 = 0; // separator before the last group
let chainEnd: i32 = 0; // the byte after its last group
/**
 * Bytes after a chain the rules may read: a separator (13 characters), a month name and year after a day (21 bytes),
 * a BIG word within 24 characters after a number (up to 40 characters of up to 3 bytes).
 */
const AFTER_CHAIN = 128;

/** Reads the group at `j` into the ring as group `k`; returns where the next group starts, or -1 at the chain's end. */
function readGroup(j: i32, k: i32): i32 {
  const e = digitsEnd(j);
  const slot = RING + <usize>((k & 15) * 16);
  store<i32>(slot, j);
  store<i32>(slot + 4, e);
  const sep = separatorLength(e);
  store<i32>(slot + 8, sep == 0 ? SEP_NONE : sepKind);
  return sep == 0 ? -1 : e + sep;
}

/**
 * numbers.ts readChain: the chain's shape (its last group and how it ends) and its groups in the ring; a chain of
 * more than 16 groups is read again lazily, group by group, as the matching moves along it.
 */
function readChain(i: i32): void {
  const before = cpBefore(i);
  chainPlus = before == 43;
  const beforeThat = i > 1 ? cpBefore(prevStart(i)) : -1;
  chainHeadAttached = isWordChar(before) || ((before == 44 || before == 46) && isDigit(beforeThat));
  if (chainPlus && isWordChar(beforeThat)) chainHeadAttached = true;
  let j = i;
  let groups = 0;
  let kind = SEP_NONE;
  for (;;) {
    // the group goes into the ring as it is read: a chain of at most 16 groups (nearly all) is not read again
    const next = readGroup(j, groups);
    const e = gEnd(groups);
    groups++;
    lastStart = j;
    lastEnd = e;
    lastSepKind = kind;
    if (next < 0) {
      j = e;
      break;
    }
    kind = gSep(groups - 1);
    j = next;
  }
  chainGroups = groups;
  chainEnd = j;
  const after = cpAt(j);
  chainTailAttached = isWordChar(after) || (after == 44 && isDigit(b(j + 1)));
  chainRead = groups <= 16 ? groups : 0;
  chainNext = i;
}

/** Makes groups up to `k` (and k+1's separator) readable from the ring. */
function need(k: i32): void {
  const upTo = k < chainGroups - 1 ? k : chainGroups - 1;
  while (chainRead <= upTo) {
    chainNext = readGroup(chainNext, chainRead);
    chainRead++;
  }
}

@inline function gLen(k: i32): i32 {
  return gEnd(k) - gStart(k);
}

function sameSeps(a: i32, z: i32, allowed: i32): bool {
  if (z == a) return true;
  const first = gSep(a);
  if (allowed == 0 && !isBsnSep(first)) return false;
  if (allowed == 1 && !isDateSep(first)) return false;
  for (let k = a + 1; k < z; k++) if (gSep(k) != first) return false;
  return true;
}

function bsnSeps(a: i32, z: i32): bool {
  if (z == a) return true;
  let spaces = 0;
  let breaks = 0;
  for (let k = a; k < z; k++) {
    const s = gSep(k);
    if (s == SEP_SPACE || s == SEP_NBSP) spaces++;
    else if (s == SEP_BREAK) breaks++;
  }
  if (breaks == 0) return sameSeps(a, z, 0);
  return spaces > 0 && spaces + breaks == z - a;
}

let digitCount: i32 = 0;

function chainDigits(a: i32, z: i32): void {
  let n = 0;
  for (let k = a; k <= z; k++) {
    for (let q = gStart(k); q < gEnd(k); q++) {
      store<u8>(DIGITS + <usize>n, <u8>b(q));
      n++;
    }
  }
  digitCount = n;
}

@inline function digitAt(k: i32): i32 {
  return <i32>load<u8>(DIGITS + <usize>k);
}

function isPhone(a: i32, z: i32): bool {
  for (let k = a; k < z; k++) if (!isPhoneSep(gSep(k))) return false;
  const len = digitCount;
  let rest = -1; // offset in DIGITS where the national number starts, after +31 / 0031
  if (a == 0 && chainPlus && len >= 2 && digitAt(0) == 51 && digitAt(1) == 49) rest = 2;
  else if (len >= 4 && digitAt(0) == 48 && digitAt(1) == 48 && digitAt(2) == 51 && digitAt(3) == 49) rest = 4;
  if (rest >= 0) {
    if (rest < len && digitAt(rest) == 48) {
      let zeroGroup = a + 1;
      while (zeroGroup <= z && !(gLen(zeroGroup) == 1 && b(gStart(zeroGroup)) == 48)) zeroGroup++;
      if (zeroGroup > z || !hasOpen(gSep(zeroGroup - 1))) return false;
      rest++;
    }
    return len - rest == 9 && digitAt(rest) != 48;
  }
  if (len != 10 || digitAt(0) != 48 || digitAt(1) == 48) return false;
  for (let k = a; k < z; k++) if (hasOpen(gSep(k))) return false;
  let close = false;
  for (let k = a; k < z; k++) if (hasClose(gSep(k))) close = true;
  if (close && (cpBefore(gStart(a)) != 40 || !hasClose(gSep(a)))) return false;
  const firstLen = gLen(a);
  return z == a || (firstLen >= 2 && firstLen <= 4);
}

// the match of matchGroups: kind, and the date's parts
const M_NONE = -1;
const M_DATE = 100;
let mKind: i32 = M_NONE;
let mDay: i32 = 0;
let mMonth: i32 = 0;
let mYear: i32 = 0;
let mDayFirstFullYear: bool = false;
let mShortYear: bool = false;

function asDate(a: i32, z: i32): bool {
  if (z != a + 2 || !sameSeps(a, z, 1)) return false;
  if (gLen(a) <= 2 && gLen(a + 1) <= 2 && (gLen(z) == 4 || gLen(z) == 2)) {
    const day = numberAt(gStart(a), gEnd(a));
    const month = numberAt(gStart(a + 1), gEnd(a + 1));
    const year = numberAt(gStart(z), gEnd(z));
    if (!isRealDate(day, month, gLen(z) == 4 ? year : 2000 + year)) return false;
    mDay = day;
    mMonth = month;
    mYear = year;
    mDayFirstFullYear = gLen(z) == 4;
    mShortYear = gLen(z) == 2;
    return true;
  }
  if (gLen(a) == 4 && gLen(a + 1) <= 2 && gLen(z) <= 2 && gSep(a) == SEP_HYPHEN) {
    const year = numberAt(gStart(a), gEnd(a));
    const month = numberAt(gStart(a + 1), gEnd(a + 1));
    const day = numberAt(gStart(z), gEnd(z));
    if (!isRealDate(day, month, year)) return false;
    mDay = day;
    mMonth = month;
    mYear = year;
    mDayFirstFullYear = false;
    mShortYear = false;
    return true;
  }
  return false;
}

/** numbers.ts matchGroups for groups a..z: sets mKind (M_NONE when nothing). */
function matchGroups(a: i32, z: i32): void {
  mKind = M_NONE;
  const last = chainGroups - 1;
  if ((a == 0 && chainHeadAttached) || (z == last && chainTailAttached)) return;
  if (a > 0 && !blankSep(gSep(a - 1))) return;
  if (z < last && !blankSep(gSep(z))) return;
  if (asDate(a, z)) {
    mKind = M_DATE;
    return;
  }
  chainDigits(a, z);
  if (digitCount > 9 && isPhone(a, z)) {
    mKind = PHONE;
    return;
  }
  if (digitCount == 9 && bsnSeps(a, z) && isValidBsn(DIGITS, 9)) {
    for (let k = a; k <= z; k++) if (gLen(k) < 2) return;
    mKind = BSN;
    return;
  }
  if (digitCount == 11 && a == z) mKind = BIG;
}

function isReferenceBsn(k: i32): bool {
  if (gLen(k) != 9) return false;
  const last = chainGroups - 1;
  if ((k == 0 && chainHeadAttached) || (k == last && chainTailAttached)) return false;
  const before = k > 0 ? gSep(k - 1) : SEP_NONE;
  const after = k < last ? gSep(k) : SEP_NONE;
  const joinedB = before == SEP_HYPHEN || before == SEP_SLASH;
  const joinedA = after == SEP_HYPHEN || after == SEP_SLASH;
  const plainB = before == SEP_NONE || blankSep(before);
  const plainA = after == SEP_NONE || blankSep(after);
  if (!(joinedB || joinedA) || !(joinedB || plainB) || !(joinedA || plainA)) return false;
  chainDigits(k, k);
  return isValidBsn(DIGITS, 9);
}


/**
 * numbers.ts chainStart, in bytes: back over digit groups joined by one separator of at most 13 characters
 * (MAX_SEPARATOR and the group's end). A character no separator holds ends the search at once: the separator
 * test would refuse it.
 */
function chainStart(h: i32, floor: i32): i32 {
  let s = h;
  for (;;) {
    while (s > floor && isDigit(b(s - 1))) s--;
    let e = s;
    let n = 0;
    for (;;) {
      if (e <= floor) return s;
      const c = b(e - 1);
      if (isDigit(c)) break;
      if (!isSepByte(c) || n == 13) return s;
      e = (c & 0xc0) == 0x80 ? prevStart(e) : e - 1;
      n++;
    }
    if (separatorLength(e) != s - e) return s;
    s = e - 1;
  }
  return unreachable();
}

// ---- writtenDates.ts ----
let writtenEnd: i32 = 0;
let wDay: i32 = 0;
let wMonth: i32 = 0;
let wYear: i32 = 0;

function isGapAt(p: i32): i32 {
  if (b(p) == 32) return 1;
  if (b(p) == 0xc2 && b(p + 1) == 0xa0) return 2;
  return 0;
}

function monthOf(i: i32, j: i32): i32 {
  const count = <i32>load<u16>(MONTHS);
  let w = MONTHS + 2;
  const len = j - i;
  for (let k = 0; k < count; k++) {
    const wl = <i32>load<u16>(w);
    if (wl == len) {
      let same = true;
      for (let q = 0; q < len; q++) {
        let c = b(i + q);
        if (c >= 65 && c <= 90) c += 32;
        if (c != <i32>load<u16>(w + 2 + (<usize>q << 1))) {
          same = false;
          break;
        }
      }
      if (same) return <i32>load<u16>(w + 2 + (<usize>wl << 1));
    }
    w += 4 + (<usize>wl << 1);
  }
  return 0;
}

function matchWrittenDate(dayStart: i32, dayEnd: i32): bool {
  const g1 = isGapAt(dayEnd);
  if (dayEnd - dayStart > 2 || g1 == 0) return false;
  let p = dayEnd + g1;
  const wordStart = p;
  while (isAsciiLetter(b(p))) p++;
  if (p - wordStart < 3 || p - wordStart > 9) return false;
  const month = monthOf(wordStart, p);
  if (month == 0) return false;
  if (b(p) == 46) p++;
  const g2 = isGapAt(p);
  if (g2 == 0) return false;
  p += g2;
  const yearStart = p;
  while (isDigit(b(p))) p++;
  if (p - yearStart != 4 || isWordChar(cpAt(p))) return false;
  const day = numberAt(dayStart, dayEnd);
  const year = numberAt(yearStart, p);
  if (!isRealDate(day, month, year)) return false;
  writtenEnd = p;
  wDay = day;
  wMonth = month;
  wYear = year;
  return true;
}

// ---- context words ----
const CONTEXT_WINDOW = 40;
const CONTEXT_AFTER = 24;
const LONGEST_CONTEXT_WORD = 16;
const MAX_GROUPS = 8;
const MAX_DIGITS = 14;

/** True when the word at `i` may fold to one starting with a letter of the list's first letters (bits by ASCII code). */
@inline function mayStart(i: i32, firsts: u64): bool {
  const c = b(i);
  if (c >= 0x80) return true; // an accented first letter: fold it
  return c >= 64 && ((firsts >> <u64>((c | 0x20) - 64)) & 1) != 0;
}

/** The first letters (lower case, as bits from '@') of a word list (count, then (length, units…)). */
function firstsOf(list: usize): u64 {
  let bits: u64 = 0;
  const count = <i32>load<u16>(list);
  let w = list + 2;
  for (let k = 0; k < count; k++) {
    const c = <i32>load<u16>(w + 2);
    if (c >= 64 && c < 128) bits |= (<u64>1) << <u64>((c | 0x20) - 64);
    w += 2 + (<usize>load<u16>(w) << 1);
  }
  return bits;
}

let BIRTH_FIRSTS: u64 = 0;
let BIG_FIRSTS: u64 = 0;

function isBirthWord(i: i32, j: i32): bool {
  if (!mayStart(i, BIRTH_FIRSTS)) return false;
  if (units(i, j) > LONGEST_CONTEXT_WORD) return false;
  return inList(fold(i, j), BIRTHWORDS);
}

function isBigWord(i: i32, j: i32): bool {
  if (!mayStart(i, BIG_FIRSTS)) return false; // 'big' and every BIG word start with b
  if (units(i, j) > LONGEST_CONTEXT_WORD) return false;
  if (j - i == 3 && b(i) == 66 && b(i + 1) == 73 && b(i + 2) == 71) return true;
  const len = fold(i, j);
  if (inList(len, BIGWORDS)) return true;
  if (len != 3 || load<u16>(FOLD_OUT) != 98 || load<u16>(FOLD_OUT + 2) != 105 || load<u16>(FOLD_OUT + 4) != 103) {
    return false;
  }
  // /^[- ]?(nummer|registratie|register|nr)/i after the word
  let q = j;
  if (b(q) == 45 || b(q) == 32) q++;
  return asciiPrefix(q, 'nummer') || asciiPrefix(q, 'registratie') || asciiPrefix(q, 'register') || asciiPrefix(q, 'nr');
}

/** True when the text at `q` starts with `w` (lower-case ASCII), in any case. */
function asciiPrefix(q: i32, w: string): bool {
  for (let k = 0; k < w.length; k++) {
    let c = b(q + k);
    if (c >= 65 && c <= 90) c += 32;
    if (c != <i32>w.charCodeAt(k)) return false;
  }
  return true;
}

// The bytes a context word may start with, as byte classes (low and high four bits, see `classes`): CTX_BIRTH and
// CTX_BIG, the first letters of the birth and the BIG words in either case; CTX_LEAD, the lead byte of a non-ASCII
// character (which may fold to any letter).
const CTX_BIRTH = 1;
const CTX_BIG = 2;
const CTX_LEAD = 4;
let ctxLo = i8x16.splat(0);
let ctxHi = i8x16.splat(0);
let asciiWordLo = i8x16.splat(0); // ASCII letters and digits, one bit
let asciiWordHi = i8x16.splat(0);

/** Makes the context words' byte classes and those of ASCII letters and digits, in the 64 bytes at `t` (scratch). */
function contextTables(t: usize): void {
  memory.fill(t, 0, 64);
  for (let c = 64; c < 128; c++) {
    const bit = (<u64>1) << <u64>((c | 0x20) - 64);
    const cls = ((BIRTH_FIRSTS & bit) != 0 ? CTX_BIRTH : 0) | ((BIG_FIRSTS & bit) != 0 ? CTX_BIG : 0);
    store<u8>(t + <usize>(c & 15), load<u8>(t + <usize>(c & 15)) | <u8>cls);
    store<u8>(t + 16 + <usize>(c >> 4), load<u8>(t + 16 + <usize>(c >> 4)) | <u8>cls);
  }
  for (let k = 0; k < 16; k++) store<u8>(t + <usize>k, load<u8>(t + <usize>k) | CTX_LEAD);
  for (let h = 12; h < 16; h++) store<u8>(t + 16 + <usize>h, load<u8>(t + 16 + <usize>h) | CTX_LEAD);
  ctxLo = v128.load(t);
  ctxHi = v128.load(t + 16);
  // ASCII letters and digits: 0x41-0x4f and 0x61-0x6f (bit 1), 0x50-0x5a and 0x70-0x7a (bit 2), 0x30-0x39 (bit 4)
  for (let k = 0; k < 16; k++) store<u8>(t + 32 + <usize>k, <u8>((k >= 1 ? 1 : 0) | (k <= 10 ? 2 : 0) | (k <= 9 ? 4 : 0)));
  store<u8>(t + 48 + 3, 4);
  store<u8>(t + 48 + 4, 1);
  store<u8>(t + 48 + 5, 2);
  store<u8>(t + 48 + 6, 1);
  store<u8>(t + 48 + 7, 2);
  asciiWordLo = v128.load(t + 32);
  asciiWordHi = v128.load(t + 48);
}

/**
 * Where in the sixteen bytes at `q` a word that `which` (0 birth, 1 BIG) may accept can start, one bit each: a byte
 * such a word may start with, after a byte that is no ASCII letter or digit. A superset: each is checked in full.
 * (The window has zero bytes before its start and after its end.)
 */
@inline function contextStarts(q: i32, which: i32): i32 {
  const wanted = i8x16.splat(<i8>((which == 0 ? CTX_BIRTH : CTX_BIG) | CTX_LEAD));
  const zero = i8x16.splat(0);
  const first = v128.and(classes(v128.load(T + <usize>q), ctxLo, ctxHi), wanted);
  const inWord = classes(v128.load(T + <usize>(q - 1)), asciiWordLo, asciiWordHi);
  return i8x16.bitmask(v128.andnot(i8x16.ne(first, zero), i8x16.ne(inWord, zero)));
}

/** The word at `k`, ending at `j`, when it is one `which` (0 birth, 1 BIG) names. */
@inline function isContextWord(k: i32, j: i32, which: i32): bool {
  return which == 0 ? isBirthWord(k, j) : isBigWord(k, j);
}

/**
 * Scan.contextBefore: a word passing `which` (0 birth, 1 BIG) starts at or after the character 56 characters before
 * `start` (past the word that one falls in), and ends at most 40 characters before `start`. Only the places
 * {@link contextStarts} names are looked at.
 */
function contextBefore(start: i32, which: i32): bool {
  let k0 = back(start, CONTEXT_WINDOW + LONGEST_CONTEXT_WORD);
  while (k0 > 0 && k0 < start && isWordChar(cpBefore(k0))) k0 += lenAt(k0);
  for (let q = k0; q < start; q += 16) {
    let m = contextStarts(q, which);
    if (start - q < 16) m &= (1 << (start - q)) - 1;
    while (m != 0) {
      const k = q + <i32>ctz(m);
      m &= m - 1;
      if (!isLetterStart(cpAt(k)) || isWordChar(cpBefore(k))) continue; // no word starts here
      const j = wordEnd(k);
      if (j <= start && units(j, start) <= CONTEXT_WINDOW && isContextWord(k, j, which)) return true;
    }
  }
  return false;
}

/** Scan.bigWordAfter: a BIG word starts at most 24 characters after `end`. */
function bigWordAfter(end: i32): bool {
  const to = min(N, end + 3 * CONTEXT_AFTER + 4); // 24 characters take at most 72 bytes (a letter after them, 4)
  for (let q = end; q < to; q += 16) {
    let m = contextStarts(q, 1);
    if (to - q < 16) m &= (1 << (to - q)) - 1;
    while (m != 0) {
      const k = q + <i32>ctz(m);
      m &= m - 1;
      if (units(end, k) > CONTEXT_AFTER) return false;
      if (!isLetterStart(cpAt(k)) || isWordChar(cpBefore(k))) continue;
      if (isBigWord(k, wordEnd(k))) return true;
    }
  }
  return false;
}

function numberFound(kind: i32, start: i32, end: i32): void {
  if (kind == BIG) {
    if (contextBefore(start, 1) || bigWordAfter(end)) add(BIG, start, end);
  } else if (kind != M_DATE) {
    add(kind, start, end);
  } else {
    const year = mShortYear ? (2000 + mYear > REF_Y ? 1900 + mYear : 2000 + mYear) : mYear;
    const age = ageOn(mDay, mMonth, year);
    if (age < 0 || age > 120) return;
    if ((!NEEDS_CONTEXT && mDayFirstFullYear) || contextBefore(start, 0)) add(BIRTHDATE, start, end);
  }
}

// ---- Scan: chains ----
function chain(i: i32): i32 {
  readChain(i);
  if (!LAST && chainEnd + AFTER_CHAIN >= N && i > WALK_FROM) {
    // the chain may run on past the window's end, or what follows it (a month and year, a BIG word) may: the next
    // window, which starts before it, reads it whole
    DEFERRED = i;
    return i;
  }
  const groups = chainGroups;
  const last = groups - 1;
  // '12 maart 1985': the chain's last group may be the day of a date written with a month name
  const loose = last == 0 ? !chainHeadAttached : blankSep(lastSepKind);
  const written = loose && !chainTailAttached ? matchWrittenDate(lastStart, lastEnd) : false;
  const lStart = lastStart;
  const lEnd = lastEnd;
  const limit = written ? last : groups;
  let a = 0;
  while (a < limit) {
    let best = -1;
    let bestKind = M_NONE;
    let bd = 0;
    let bm = 0;
    let by = 0;
    let bFull = false;
    let bShort = false;
    let digits = 0;
    for (let z = a; z < limit && z < a + MAX_GROUPS; z++) {
      need(z + 1);
      digits += gLen(z);
      if (digits > MAX_DIGITS) break;
      if (digits < 9 && z != a + 2) continue;
      matchGroups(a, z);
      if (mKind != M_NONE) {
        best = z;
        bestKind = mKind;
        bd = mDay;
        bm = mMonth;
        by = mYear;
        bFull = mDayFirstFullYear;
        bShort = mShortYear;
      }
    }
    need(a + 1);
    if (bestKind != M_NONE) {
      let start = gStart(a);
      if (bestKind == PHONE && ((a == 0 && chainPlus) || cpBefore(start) == 40)) start--;
      need(best + 1);
      mDay = bd;
      mMonth = bm;
      mYear = by;
      mDayFirstFullYear = bFull;
      mShortYear = bShort;
      numberFound(bestKind, start, gEnd(best));
      a = best + 1;
    } else {
      if (isReferenceBsn(a)) add(BSN, gStart(a), gEnd(a));
      a++;
    }
  }
  if (written) {
    mDay = wDay;
    mMonth = wMonth;
    mYear = wYear;
    mDayFirstFullYear = false;
    mShortYear = false;
    numberFound(M_DATE, lStart, writtenEnd);
    return writtenEnd;
  }
  return chainTailAttached ? wordEnd(lEnd) : lEnd;
}

// ---- Scan: the walk ----
let resumed: i32 = 0;

function digitsAt(p: i32): i32 {
  const b1 = cpBefore(p);
  if (p >= 2 && isAsciiLetter(b1) && isAsciiLetter(b(p - 2)) && !isWordChar(cpBefore(p - 2))) {
    const r = matchIbanAt(p - 2);
    if (r != 0) {
      if (r == 2) add(IBAN, p - 2, ibanEnd);
      return ibanEnd;
    }
  }
  if (p > 0 && isWordChar(b1)) return wordEnd(p);
  return number(p);
}

function number(i: i32): i32 {
  let j = i + 1;
  j = digitsEnd(j);
  if (j - i < 9 && separatorLength(j) == 0) {
    const d = cpAt(j);
    if (j - i <= 2 && (d == 32 || d == 0xa0)) {
      const m = b(j + lenAt(j)) | 0x20;
      if (m == 106 || m == 102 || m == 109 || m == 97 || m == 115 || m == 111 || m == 110 || m == 100) return chain(i);
    }
    return isWordChar(d) ? wordEnd(j) : j;
  }
  return chain(i);
}

function chainAt(s: i32, h: i32): i32 {
  let p = s;
  for (;;) {
    const end = digitsAt(p);
    if (DEFERRED >= 0) return -1;
    if (end > h) return end;
    p = end > p ? end : p + 1;
    while (p < h && !isDigit(b(p))) p++;
  }
  return unreachable();
}

function email(at: i32): i32 {
  let s = at;
  let u = 0;
  while (s > 0 && u < 64) {
    const ps = prevStart(s);
    if (!isLocalChar(cpAt(ps))) break;
    u += unitsAt(ps);
    s = ps;
  }
  if (u == 64 && s > 0 && isLocalChar(cpBefore(s))) return at + 1;
  while (s < at && b(s) == 46) s++;
  if (s == at || b(at - 1) == 46) return at + 1;
  let p = at + 1;
  let labels = 0;
  let tldStart = p;
  let end = p;
  for (;;) {
    const ls = p;
    while (p < N && isLabelChar(cpAt(p))) {
      p += lenAt(p);
      if (p - at > 1024) return at + 1; // over 255 characters (each at most 4 bytes): no domain (email.ts)
    }
    if (p == ls) break;
    labels++;
    tldStart = ls;
    end = p;
    if (b(p) == 46 && isLabelChar(cpAt(p + 1))) p++;
    else break;
  }
  if (labels < 2 || units(tldStart, end) < 2 || units(at + 1, end) > MAX_DOMAIN) return at + 1;
  for (let k = tldStart; k < end; k += lenAt(k)) {
    const c = cpAt(k);
    if (!isAsciiLetter(c) && !isNonAsciiWordChar(c)) return at + 1;
  }
  retractFrom(s);
  add(EMAIL, s, end);
  return end;
}

/** email.ts MAX_DOMAIN: the longest domain name (RFC 1035: 255 octets). */
const MAX_DOMAIN = 255;

function isLocalChar(c: i32): bool {
  if (isAsciiWord(c)) return true;
  // !#$%&'*+/=?^_`{|}~.-
  if (c == 33 || (c >= 35 && c <= 39) || c == 42 || c == 43 || c == 45 || c == 46 || c == 47 || c == 61 || c == 63) {
    return true;
  }
  if (c == 94 || c == 95 || c == 96 || (c >= 123 && c <= 126)) return true;
  return isNonAsciiWordChar(c);
}

function isLabelChar(c: i32): bool {
  return isAsciiWord(c) || c == 45 || isNonAsciiWordChar(c);
}

// ---- health terms ----
/**
 * The term regex's letter test: code point `c` for the term's unit `l`. An accented class ([eè-ë]…) holds Latin-1
 * letters and ÿ's capital, below U+0250, which no character above it upper-cases to; any other letter matches its
 * case partners anywhere in the BMP (ECMA-262 Canonicalize without the `u` flag).
 */
function rxLetter(l: i32, c: i32): bool {
  if (c < 0) return false;
  if (isAccentKey(l)) return c < 0x250 && <i32>load<u8>(RXCLASS + <usize>c) == l;
  if (c > 0xffff || l > 0xffff) return c == l;
  return load<u16>(CANON + (<usize>c << 1)) == load<u16>(CANON + (<usize>l << 1));
}

@inline function isAccentKey(l: i32): bool {
  return l == 97 || l == 101 || l == 105 || l == 111 || l == 117 || l == 121 || l == 110 || l == 99;
}

/** True when the first word at `w` (length, units…) matches the term regex's alternative at `p`. */
function rxWordAt(w: usize, p: i32): bool {
  const len = <i32>load<u16>(w);
  let q = p;
  for (let k = 0; k < len; k++) {
    const l = <i32>load<u16>(w + 2 + (<usize>k << 1));
    const c = cpAt(q);
    if (q >= N || !rxLetter(l, c)) return false;
    q += lenAt(q);
    if (isAccentKey(l)) {
      const m = cpAt(q);
      if (q < N && m >= 0x300 && m <= 0x36f) q += 2;
    }
  }
  return true;
}

@inline function isRegexWord(c: i32): bool {
  return isAsciiWord(c) || c == 95;
}

/** The term regex finds a first word at `p` (`\b` of non-Unicode mode, then any first word as a prefix). */
function termHit(p: i32): bool {
  const before = cpBefore(p);
  if (isWordChar(before)) return false; // Scan.term then moves on one character: as if no hit
  if (isRegexWord(before) == isRegexWord(cpAt(p))) return false;
  const count = <i32>load<u16>(TERMS);
  const c = b(p);
  for (let k = 0; k < count; k++) {
    const w = TERMS + <usize>load<u32>(TERM_AT + (<usize>k << 2));
    const l0 = <i32>load<u16>(w + 2);
    // an ASCII letter or digit against an ASCII first letter: equal but for case, or no match
    if (c < 0x80 && l0 < 0x80 && (c | 0x20) != (l0 | 0x20)) continue;
    if (rxWordAt(w, p)) return true;
  }
  return false;
}

@inline function isTermGap(c: i32): bool {
  return c == 32 || c == 9 || c == 10 || c == 13 || c == 0xa0 || c == 45 || c == 47 || c == 39 || c == 0x2019;
}

/** healthTerms.ts matchHealthTerm for the rests at `q` (after the first word's units), from the word's end. */
function matchRests(q0: usize, end: i32): i32 {
  let q = q0;
  const rests = <i32>load<u16>(q);
  q += 2;
  for (let r = 0; r < rests; r++) {
    const words = <i32>load<u16>(q);
    q += 2;
    let p = end;
    let ok = true;
    for (let k = 0; k < words; k++) {
      const wl = <i32>load<u16>(q);
      if (ok) {
        let gap = p;
        let g = 0;
        while (g < 3 && isTermGap(cpAt(gap))) {
          gap += lenAt(gap);
          g++;
        }
        if (g == 0) ok = false;
        else {
          const e = wordEnd(gap);
          if (units(gap, e) > wl * 2 + 8) ok = false;
          else {
            const fl = fold(gap, e);
            if (!foldedIs(fl, q)) ok = false;
            else p = e;
          }
        }
      }
      q += 2 + (<usize>wl << 1);
    }
    if (ok) return p;
  }
  return -1;
}

function term(p: i32): i32 {
  const j = wordEnd(p);
  const len = fold(p, j);
  const count = <i32>load<u16>(TERMS);
  for (let k = 0; k < count; k++) {
    const w = TERMS + <usize>load<u32>(TERM_AT + (<usize>k << 2));
    if (foldedIs(len, w)) {
      const end = matchRests(w + 2 + (<usize>load<u16>(w) << 1), j);
      if (end > 0) {
        add(HEALTH, p, end);
        return end;
      }
      return j;
    }
  }
  return j;
}

// ---- UTF-8 validation, as TextDecoder's fatal mode ----
/** -1 when bytes [0, n) at `t` are valid UTF-8 (a sequence cut at the end counts as invalid), else the bad offset. */
export function invalidUtf8(t: usize, n: i32): i32 {
  let p = 0;
  while (p < n) {
    if (p + 16 <= n) {
      const high = i8x16.bitmask(v128.load(t + <usize>p)); // bytes >= 0x80
      if (high == 0) {
        p += 16;
        continue;
      }
      p += <i32>ctz(high); // ASCII up to the first of them
    }
    const c = <i32>load<u8>(t + <usize>p);
    if (c < 0x80) {
      p++;
      continue;
    }
    let need = 0;
    let min = 0;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return p;
    if (p + need >= n) return p;
    let cp = c & (need == 1 ? 0x1f : need == 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const x = <i32>load<u8>(t + <usize>(p + k));
      if ((x & 0xc0) != 0x80) return p;
      cp = (cp << 6) | (x & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return p;
    p += need + 1;
  }
  return -1;
}


/** UTF-16 units of the window scanned last up to byte `p` (from the walk's cursor, which stands near its end). */
export function unitsTo(p: i32): i32 {
  return unitOf(p);
}

// ---- the walk over one window ----
/**
 * Starts the scan of the window of `n` bytes at {@link T} (valid UTF-8, zero bytes before and after it): {@link walk}
 * goes on from byte `walkFrom` with Scan.run's `resumed` at `resumedAt`, as the walk over the whole text stood there,
 * and hands over at the first place at or after `stopAt`. As Scan.run: each place a digit identifier, an IBAN or an
 * e-mail address may start, and each place the term regex finds, is handled in text order; the walk resumes after
 * what the handler consumed. So each token is handled by exactly one window, the one whose walk reaches it, with the
 * same bytes around it as in one walk over the whole text (the window holds the text before `walkFrom`).
 */
export function begin(n: i32, walkFrom: i32, resumedAt: i32, stop: i32, last: bool, digitTerm: bool): void {
  N = n;
  curByte = 0;
  curUnit = 0;
  resumed = resumedAt;
  DIGIT_TERM = digitTerm;
  WALK_AT = walkFrom;
  WALK_FROM = walkFrom;
  STOP_AT = stop < n ? stop : n;
  LAST = last;
  DEFERRED = -1;
  outCount = 0;
}

let WALK_AT: i32 = 0; // where the walk goes on
let STOP_AT: i32 = 0; // where it hands over to the next window
let WALK_FROM: i32 = 0; // where it started in this window
let LAST = false; // the window ends where the text ends
let DEFERRED: i32 = -1; // a chain that may run past the window's end starts here: hand over before it

/** Hands over at the deferred chain's start: the walk stands there as the walk over the whole text would. */
function handOver(): i32 {
  const p = DEFERRED;
  DEFERRED = -1;
  STOP_AT = p;
  return p;
}

/** Where the walk hands over: `stopAt`, or before a chain that may run past the window's end. */
export function stopAt(): i32 {
  return STOP_AT;
}

/** True when the host's table sizes are the walk's (they are written in both languages) and its window fits at {@link T}. */
export function layoutMatches(pairBytes: i32, tripleBytes: i32, outMax: i32, scratchBytes: i32): bool {
  const room = __heap_base + 16 <= T; // the static data and the zero bytes before the window
  return room && pairBytes == PAIR_BYTES && tripleBytes == TRIPLE_BYTES && outMax == OUT_MAX && scratchBytes >= 448;
}

/** Where the last token the walk handled ended (Scan.run's `resumed`): the next window's walk goes on with it. */
export function resumedAt(): i32 {
  return resumed;
}

/**
 * Walks on from where it stopped until at least byte `until` (a token may take it further); returns where it stands,
 * N when the window is done. The host calls it in slices: V8 moves a function to its optimising compiler only for
 * its next call, so one call per window would run the first window's walk unoptimised.
 */
export function walk(until: i32): i32 {
  const t = T;
  const n = N;
  const shufti = PAIR + PAIR_BYTES + TRIPLE_BYTES;
  const loA = v128.load(shufti);
  const hiA = v128.load(shufti + 16);
  const loF = v128.load(shufti + 32);
  const hiF = v128.load(shufti + 48);
  const loS = v128.load(shufti + 64);
  const hiS = v128.load(shufti + 80);
  const loT = v128.load(shufti + 96);
  const hiT = v128.load(shufti + 112);
  const secondNonAscii = i8x16.splat(load<i8>(shufti + 129));
  const thirdNonAscii = i8x16.splat(load<i8>(shufti + 130));
  const zero = i8x16.splat(0);
  let p = WALK_AT;
  const stop = until < STOP_AT ? until : STOP_AT;
  // the classes of the sixteen bytes before p and at p, carried from one pair of blocks to the next; `ready` is the p
  // they belong to. A: what a byte is. F, S, T: per group of terms (by their first letter), whether a byte may be the
  // first, second, third byte of a term's first word
  let ready = -1;
  let prevA = zero;
  let curA = zero;
  let curF = zero;
  let curS = zero;
  let curT = zero;
  let current = zero; // the bytes at p
  while (p < stop) {
    if (p + 32 > n) {
      // the last few bytes: one at a time
      const end = at(p) ? handle(p) : -1;
      if (DEFERRED >= 0) {
        p = handOver();
        break;
      }
      p = end < 0 ? p + 1 : step(p, end);
      continue;
    }
    if (ready != p) {
      // (re)start after a token: the window has zero bytes before its start, so p - 16 is readable
      prevA = classes(v128.load(t + <usize>(p - 16)), loA, hiA);
      const v = v128.load(t + <usize>p);
      current = v;
      curA = classes(v, loA, hiA);
      curF = classes(v, loF, hiF);
      curS = classes(v, loS, hiS);
      curT = classes(v, loT, hiT);
    }
    // thirty-two bytes at once, as two blocks of sixteen (zero bytes follow the window's end)
    const mid = v128.load(t + <usize>(p + 16));
    const midA = classes(mid, loA, hiA);
    const midF = classes(mid, loF, hiF);
    const midS = classes(mid, loS, hiS);
    const midT = classes(mid, loT, hiT);
    const far = v128.load(t + <usize>(p + 32));
    const farA = classes(far, loA, hiA);
    const farS = classes(far, loS, hiS);
    const farT = classes(far, loT, hiT);
    let m =
      hitsOf(prevA, curA, curF, curS, curT, current, midS, midT, mid, secondNonAscii, thirdNonAscii) |
      (hitsOf(curA, midA, midF, midS, midT, mid, farS, farT, far, secondNonAscii, thirdNonAscii) << 16);
    prevA = midA;
    curA = farA;
    curF = classes(far, loF, hiF);
    curS = farS;
    curT = farT;
    current = far;
    ready = p + 32;
    if (m == 0) {
      p += 32;
      continue;
    }
    let next = p + 32;
    while (m != 0) {
      const q = p + <i32>ctz(m);
      m &= m - 1;
      const end = handle(q);
      if (DEFERRED >= 0) break;
      if (end < 0) continue;
      const after = step(q, end);
      if (after > q + 1) {
        next = after; // the token ran on: resume after it
        break;
      }
    }
    if (DEFERRED >= 0) {
      p = handOver();
      break;
    }
    p = next;
  }
  WALK_AT = p;
  flush();
  return p < n ? p : n;
}

let DIGIT_TERM: bool = false;

/**
 * The sixteen-byte test of one block (`a`: its classes, `v`: its bytes), given the classes of the block before (A)
 * and the block after (S, T, bytes): one bit per byte where a digit run starts, an '@' stands, a word starts that some
 * group of terms may start with (its first three bytes), or an accented letter follows '_' (the term regex's \b).
 */
@inline function hitsOf(
  prevA: v128,
  a: v128,
  f: v128,
  s: v128,
  t: v128,
  v: v128,
  nextS: v128,
  nextT: v128,
  following: v128,
  secondNonAscii: v128,
  thirdNonAscii: v128,
): i32 {
  const zero = i8x16.splat(0);
  const one = i8x16.splat(1);
  // each byte's previous byte, and the two after it
  const before = i8x16.shuffle(prevA, a, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30);
  const raw1 = i8x16.shuffle(v, following, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
  const raw2 = i8x16.shuffle(v, following, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17);
  // (a non-ASCII byte second or third: for the groups with an accented letter or a mark that early)
  const second = v128.or(
    i8x16.shuffle(s, nextS, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16),
    v128.and(i8x16.lt_s(raw1, zero), secondNonAscii),
  );
  const third = v128.or(
    i8x16.shuffle(t, nextT, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17),
    v128.and(i8x16.lt_s(raw2, zero), thirdNonAscii),
  );
  // where a digit run starts or an '@' stands (as 0 or 1 per byte)
  const digitBit = i8x16.splat(<i8>A_DIGIT);
  const stops = i8x16.min_u(v128.and(a, v128.andnot(i8x16.splat(<i8>(A_AT | A_DIGIT)), v128.and(before, digitBit))), one);
  // where a word starts with a letter, a second and a third byte that one group of terms may start with
  const word = v128.andnot(
    i8x16.min_u(v128.and(f, v128.and(second, third)), one),
    i8x16.min_u(v128.and(before, i8x16.splat(<i8>(A_DIGIT | A_LETTER_LO | A_LETTER_HI))), one),
  );
  const under = v128.and(
    i8x16.min_u(v128.and(a, i8x16.splat(<i8>A_LEAD)), one),
    i8x16.min_u(v128.and(before, i8x16.splat(<i8>A_UNDER)), one),
  );
  return i8x16.bitmask(i8x16.sub(zero, v128.or(stops, v128.or(word, under))));
}

// Byte classes of the walk's sixteen-byte test, each looked up by a byte's low and high four bits (two swizzles, the
// tables from the host). A: exact sets. F, S, T (the terms' first, second, third bytes, one bit per group of terms):
// supersets, a filter before the full test.
const A_DIGIT = 1;
const A_AT = 2;
const A_LETTER_LO = 4; // A-O, a-o
const A_LETTER_HI = 8; // P-Z, p-z
const A_LEAD = 64; // the first byte of a non-ASCII character of two or more bytes (0xc0-0xff)
const A_UNDER = 128; // '_'

/** Bytes of the term-start tables (see the host's termStartTables). */
const PAIR_BYTES = 4096;
const TRIPLE_BYTES = 4096;

/** The classes of sixteen bytes: the table entries of each byte's low and of its high four bits, and-ed. */
@inline function classes(v: v128, lo: v128, hi: v128): v128 {
  return v128.and(i8x16.swizzle(lo, v128.and(v, i8x16.splat(15))), i8x16.swizzle(hi, i8x16.shr_u(v, 4)));
}


/** The byte-at-a-time form of the sixteen-byte test of {@link walk} ({@link hitsOf}). */
function at(p: i32): bool {
  const c = b(p);
  const before = b(p - 1);
  if (isDigit(c)) return !isDigit(before);
  if (c == 64) return true;
  if (isAsciiLetter(c)) return !isAsciiWord(before);
  return c >= 0xc0 && before == 95;
}

/** An ASCII character's slot in the three-character filter: letters 1..26 in either case, digits 27..31, else 0. */
@inline function slot(c: i32): i32 {
  const l = (c | 0x20) - 0x60;
  if (l >= 1 && l <= 26) return l;
  return c >= 48 && c <= 57 ? 27 + ((c - 48) % 5) : 0;
}

/**
 * True when no term can start at the word starting at `q` (an ASCII letter): its first three characters, when they
 * are ASCII, are no term's; else its first two bytes.
 */
@inline function wordRejected(q: i32): bool {
  const c = b(q);
  if (c >= 0x80) return false;
  const c1 = b(q + 1);
  const c2 = b(q + 2);
  if ((c1 | c2) < 0x80) {
    const bit = (slot(c) << 10) | (slot(c1) << 5) | slot(c2);
    return ((<i32>load<u8>(PAIR + PAIR_BYTES + <usize>(bit >> 3)) >> (bit & 7)) & 1) == 0;
  }
  const bit = (c << 8) | c1;
  return ((<i32>load<u8>(PAIR + <usize>(bit >> 3)) >> (bit & 7)) & 1) == 0;
}

/** A place the walk stops at: what it consumed (its end), or -1 when nothing starts there. */
function handle(p: i32): i32 {
  const c = b(p);
  if (isDigit(c)) {
    if (p > 0 && isDigit(b(p - 1))) return -1;
    if (candidateAt(p)) return chainAt(chainStart(p, resumed), p);
    if (DIGIT_TERM && termHit(p)) return term(p);
    return -1;
  }
  if (c == 64) return email(p);
  if (c < 0x80 && wordRejected(p)) return -1;
  return termHit(p) ? term(p) : -1;
}

@inline function step(p: i32, end: i32): i32 {
  const next = end > p ? end : p + lenAt(p);
  resumed = next;
  return next;
}
