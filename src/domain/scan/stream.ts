/**
 * Scanning a text file in chunks (a 240 MB text file must not be held as one string). The file is read in
 * windows of `chunkBytes` that overlap: each window is decoded on its own and scanned whole, but keeps only what
 * starts in its own range; the next window starts a little before that range ends, so an identifier on a chunk edge
 * is read whole by exactly one window, with the context words before it. A UTF-8 file (the usual case) is read by
 * the scanner's WebAssembly walk as bytes, filled straight into the walk's memory: beyond the file, one window's
 * bytes and the walk's tables. Other encodings, a CSV's BSN column and an engine without WebAssembly decode each
 * window and scan its text: one window's bytes and its text (at most 3 chunks for text of two-byte characters),
 * never two windows' text at once.
 *
 * Encoding as {@link decodeText}: a byte order mark (UTF-8, UTF-16), else strict UTF-8, else Windows-1252 (the scan
 * restarts from the top when a later window proves the file is no UTF-8).
 */
import { FindingCollector } from './collector';
import { DEFAULT_CHUNK_BYTES, type ScanControl } from './engines';
import { decodeWindows1252 } from './extract/decodeText';
import type { Scanner, TextShape } from './scanner';
import type { ByteScanner } from './wasm/engine';
import { tableState } from './tabular';
import type { ScanResult, UnreadPart } from './types';

/** Bytes that can be read piece by piece: a `Blob` in the browser, a buffer in Node. */
export interface ByteSource {
  size: number;
  /** Bytes [start, end). */
  read(start: number, end: number): Promise<Uint8Array>;
  /**
   * Bytes [start, end) in small pieces (a `Blob`'s stream). When there is one, a text file's windows are filled into
   * one reused buffer, so reading makes no chunk-sized copies for the garbage collector to find.
   */
  stream?(start: number, end: number): { read(): Promise<{ done: boolean; value?: Uint8Array }> };
}

/** Hands out each window's bytes: [from, from + length). */
interface WindowReader {
  next(from: number, length: number): Promise<Uint8Array>;
}

/** Windows as views of the source's own reads (bytes in memory: no copy at all). */
function directWindows(source: ByteSource): WindowReader {
  return { next: (from, length) => source.read(from, Math.min(source.size, from + length)) };
}

/**
 * Windows filled into one buffer that is reused: memory stays one window. Each window streams only the bytes it still
 * lacks, [end of the kept overlap, end of the window), so no piece read ahead of the window waits beside it.
 */
function streamedWindows(source: ByteSource, start: number, buf: Uint8Array): WindowReader {
  const open = source.stream as NonNullable<ByteSource['stream']>;
  const capacity = buf.length;
  let bufStart = start; // file offset of buf[0]
  let filled = 0;
  return {
    next(from, length) {
      // keep what the new window still needs (the overlap), drop the rest
      const keep = Math.max(0, Math.min(filled, bufStart + filled - from));
      buf.copyWithin(0, filled - keep, filled);
      filled = keep;
      bufStart = from;
      const want = Math.min(capacity, length);
      if (filled >= want) return Promise.resolve(buf.subarray(0, filled));
      const stream = open(from + filled, from + want);
      // a promise chain rather than await: the reader's state changes only between reads, never across one
      const fill = (): Promise<Uint8Array> =>
        stream.read().then((piece) => {
          if (piece.done || !piece.value) return buf.subarray(0, filled);
          const n = Math.min(piece.value.length, want - filled); // a source that sends more than asked: the rest is dropped
          buf.set(piece.value.subarray(0, n), filled);
          filled += n;
          return filled >= want ? buf.subarray(0, filled) : fill();
        });
      return fill();
    },
  };
}

/** A source over bytes already in memory (no copy). */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: async (start, end) => bytes.subarray(start, end) };
}

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Longest token or table line a window must hold whole past its range (chars), and the look-behind before it. */
const MARGIN = 4096;
const OVERLAP = 256;

class NotUtf8 extends Error {}

let encoder: TextEncoder | undefined; // made on first use (jsdom, where UI tests run, has none at load)

/** Bytes of `s` in the encoding. */
function byteLength(s: string, encoding: Encoding): number {
  if (encoding === 'windows-1252') return s.length;
  if (encoding !== 'utf-8') return s.length * 2;
  encoder ??= new TextEncoder();
  return encoder.encode(s).length;
}

/** Index `k` or one before it, so a window never starts between the halves of a surrogate pair. */
function notInPair(s: string, k: number): number {
  const c = s.charCodeAt(k);
  return c >= 0xdc00 && c <= 0xdfff && k > 0 ? k - 1 : k;
}

function decode(bytes: Uint8Array, encoding: Encoding): string {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  try {
    return new TextDecoder(encoding, { fatal: encoding === 'utf-8' }).decode(bytes);
  } catch {
    throw new NotUtf8();
  }
}

/** End of a window's bytes so it does not cut a character: UTF-8 before a continuation byte, UTF-16 at an even offset. */
function cut(bytes: Uint8Array, want: number, encoding: Encoding, last: boolean): number {
  if (last) return bytes.length;
  if (encoding === 'utf-8') {
    let k = want;
    while (k > 0 && k > want - 4 && (bytes[k] & 0xc0) === 0x80) k--;
    return k;
  }
  if (encoding !== 'windows-1252') return want - (want % 2);
  return want;
}

/** Where the text starts (after a byte order mark) and in which encoding. */
function sniffEncoding(head: Uint8Array): { encoding: Encoding; start: number } {
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', start: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', start: 2 };
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', start: 3 };
  return { encoding: 'utf-8', start: 0 };
}

/** A part of a text file that was not read (the scan was stopped), in bytes. */
function stoppedAt(done: number, size: number): UnreadPart {
  const pct = Math.floor((100 * done) / Math.max(1, size));
  return {
    kind: 'bytes',
    code: 'cancelled',
    nl: `gestopt na ${pct}% van het bestand: de rest is niet gelezen`,
    en: `stopped after ${pct}% of the file: the rest was not read`,
  };
}

/**
 * Scans the text in `source` in overlapping windows; `shape.delimiter` (or a CSV) turns on the BSN-column rule.
 * Progress is reported in bytes after each window; an abort stops between windows and names the unread rest.
 */
export async function scanTextSource(
  source: ByteSource,
  scanner: Scanner,
  shape: TextShape & { csv?: boolean },
  control: ScanControl = {},
): Promise<ScanResult> {
  const head = await source.read(0, Math.min(4, source.size));
  const sniffed = sniffEncoding(head);
  const tabular = shape.delimiter !== undefined || shape.csv === true;
  const bytes = sniffed.encoding === 'utf-8' && !tabular ? await scanner.bytes() : undefined;
  try {
    if (bytes) {
      return await scanWindows(
        source,
        control,
        sniffed.start,
        (raw, want, last, out, walkFrom, charBase, resumed) =>
          walkWindowBytes(raw, want, last, bytes, out, walkFrom, charBase, resumed),
        (capacity) => bytes.buffer(capacity),
      );
    }
    return await scanEncoded(source, scanner, shape, control, sniffed.encoding, sniffed.start);
  } catch (e) {
    if (!(e instanceof NotUtf8)) throw e;
    return scanEncoded(source, scanner, shape, control, 'windows-1252', sniffed.start);
  }
}

const EMPTY = /(?:)/;

/**
 * A successful regular-expression search keeps its subject string as the legacy `RegExp.input` (`RegExp.$_`) until
 * the next successful search, so the scanned window's text would stay referenced while the next window is read and
 * decoded (two windows' text at once). One match on the empty string lets it go.
 */
function forgetLastSubject(): void {
  EMPTY.exec('');
}

/** Where a window's scan leaves the walk: its bytes read, the char offset reached, where the next window starts. */
interface WindowStep {
  /** Bytes of the window that were decoded (a character cut at the end stays for the next window). */
  length: number;
  /** Char offset (whole text) up to which findings are now final. */
  chars: number;
  /** Bytes from the window's start to the next window's start. */
  advance: number;
  /** The next window's `acceptFrom` and how many chars its start lies after this one's. */
  acceptFrom: number;
  charStep: number;
  /** The WebAssembly walk's `resumed` for the next window (local to it). */
  resumed?: number;
}

/**
 * Decodes and scans one window. Synchronous and on its own, so the window's text is referenced only during this call:
 * an async loop would keep the last window's string in its suspended frame while the next window is read and decoded.
 */
function scanWindowBytes(
  raw: Uint8Array,
  want: number,
  last: boolean,
  encoding: Encoding,
  scanner: Scanner,
  out: FindingCollector,
  table: ReturnType<typeof tableState> | undefined,
  acceptFrom: number,
  charBase: number,
): WindowStep {
  const length = cut(raw, want, encoding, last);
  if (length <= 0 && !last) throw new NotUtf8(); // four continuation bytes in a row: no UTF-8
  const text = decode(raw.subarray(0, length), encoding);
  const margin = Math.min(MARGIN, Math.floor(text.length / 4));
  const overlap = Math.min(OVERLAP, Math.floor(margin / 2));
  const acceptTo = last ? text.length : Math.max(acceptFrom + 1, text.length - margin);
  scanner.engine.scanWindow(text, acceptFrom, acceptTo, charBase, out, table);
  forgetLastSubject();
  if (last) return { length, chars: charBase + acceptTo, advance: length, acceptFrom: 0, charStep: 0 };
  // the next window starts `overlap` characters before this one's range ends, never before this one's start
  const nextStart = Math.max(1, notInPair(text, Math.max(0, acceptTo - overlap)));
  return {
    length,
    chars: charBase + acceptTo,
    advance: length - byteLength(text.slice(nextStart), encoding),
    acceptFrom: acceptTo - nextStart,
    charStep: nextStart,
  };
}

/** The byte windows' margin and overlap: as {@link MARGIN} and {@link OVERLAP} characters of up to 3 bytes each. */
const BYTE_MARGIN = 3 * MARGIN;
const BYTE_OVERLAP = 3 * OVERLAP;

/** The first character boundary at or before byte `k` of UTF-8 (never inside a character). */
function boundary(bytes: Uint8Array, k: number): number {
  let q = k;
  while (q > 0 && (bytes[q] & 0xc0) === 0x80) q--;
  return q;
}

/** A character boundary at or before byte `k`, but after byte 0 (the next character's start when that is nearer). */
function boundaryAfterStart(bytes: Uint8Array, k: number): number {
  const q = boundary(bytes, Math.max(0, k));
  if (q > 0) return q;
  let r = 1;
  while (r < bytes.length && (bytes[r] & 0xc0) === 0x80) r++;
  return r;
}

/**
 * One window of a UTF-8 text file scanned as bytes by the WebAssembly walk (src/domain/scan/wasm/engine.ts), and no
 * window is ever decoded into a string. The walk does not start afresh in each window: it goes on where the previous
 * window's walk handed over, with that walk's state, and hands over itself a margin before the window's end, so each
 * token is handled once, by one window, with the bytes before it that one walk over the whole text would see (the
 * window starts an overlap earlier); before a run of digit groups that may go on past the window's end it hands over
 * too, so the next window reads the run whole. The result is the one walk's; only a run of digit groups longer than a
 * window is read in parts. Referenced beyond the file itself: one window's bytes, in the walk's memory (a streamed
 * file is read straight into it). Throws {@link NotUtf8} when the window is not valid UTF-8, so the caller starts
 * again as Windows-1252.
 */
function walkWindowBytes(
  raw: Uint8Array,
  want: number,
  last: boolean,
  bytes: ByteScanner,
  out: FindingCollector,
  walkFrom: number,
  charBase: number,
  resumed: number,
): WindowStep {
  const length = cut(raw, want, 'utf-8', last);
  if (length <= 0 && !last) throw new NotUtf8(); // four continuation bytes in a row: no UTF-8
  const window = raw.subarray(0, length);
  const margin = Math.min(BYTE_MARGIN, Math.floor(length / 4));
  const overlap = Math.min(BYTE_OVERLAP, Math.floor(length / 4));
  const stopAt = last ? length : Math.max(walkFrom + 1, boundary(window, length - margin));
  const walked = bytes.scanWindow(window, walkFrom, resumed, stopAt, last, charBase, out);
  if (!walked) throw new NotUtf8();
  if (last) return { length, chars: charBase + bytes.units(length), advance: length, acceptFrom: 0, charStep: 0, resumed: 0 };
  // the next window starts `overlap` bytes before the handover, at a character, after this one's start
  const nextStart = boundaryAfterStart(window, walked.at - overlap);
  return {
    length,
    chars: charBase + bytes.units(walked.at),
    advance: nextStart,
    acceptFrom: walked.at - nextStart,
    charStep: bytes.units(nextStart),
    resumed: Math.max(0, walked.resumed - nextStart),
  };
}

/** Scans one window: its raw bytes, the bytes it should take, whether it is the last, where the previous left off. */
type WindowScan = (
  raw: Uint8Array,
  want: number,
  last: boolean,
  out: FindingCollector,
  acceptFrom: number,
  charBase: number,
  resumed: number,
) => WindowStep;

/**
 * The windows of a text file from byte `start` on, each scanned by `scanOne`; progress and stopping between them.
 * `buffer` gives the buffer a streamed source's windows are filled into (the walk's own memory, so no copy).
 */
async function scanWindows(
  source: ByteSource,
  control: ScanControl,
  start: number,
  scanOne: WindowScan,
  buffer: (capacity: number) => Uint8Array = (capacity) => new Uint8Array(capacity),
): Promise<ScanResult> {
  const chunk = Math.max(64, control.chunkBytes ?? DEFAULT_CHUNK_BYTES);
  const out = new FindingCollector();
  const size = source.size;
  let byteAt = start; // where this window's bytes start
  let charBase = 0; // char offset of this window's first character in the whole text
  let acceptFrom = 0; // local index: what starts before it belongs to the previous window
  let resumed = 0; // local index: where the previous window's walk last resumed (the WebAssembly walk's handover)
  let chars = 0;
  const windows = source.stream ? streamedWindows(source, start, buffer(chunk + 4)) : directWindows(source);
  for (;;) {
    if (control.signal?.aborted) return { ...out.result(chars), unread: [stoppedAt(byteAt, size)] };
    const want = Math.min(size, byteAt + chunk);
    const last = want >= size;
    const raw = await windows.next(byteAt, last ? size - byteAt : Math.min(size, want + 4) - byteAt);
    const step = scanOne(raw, want - byteAt, last, out, acceptFrom, charBase, resumed);
    chars = step.chars;
    control.onProgress?.({ kind: 'bytes', done: last ? size : byteAt + step.length, total: size });
    if (last) return out.result(chars);
    byteAt += step.advance;
    acceptFrom = step.acceptFrom;
    resumed = step.resumed ?? 0;
    charBase += step.charStep;
  }
}

function scanEncoded(
  source: ByteSource,
  scanner: Scanner,
  shape: TextShape & { csv?: boolean },
  control: ScanControl,
  encoding: Encoding,
  start: number,
): Promise<ScanResult> {
  const table = shape.delimiter !== undefined || shape.csv ? tableState(shape.delimiter) : undefined;
  return scanWindows(source, control, start, (raw, want, last, out, acceptFrom, charBase) =>
    scanWindowBytes(raw, want, last, encoding, scanner, out, table, acceptFrom, charBase),
  );
}
