/**
 * Reading the parts of a zip package (Office Open XML, OpenDocument) and verifying them: the central
 * directory and each part's local header must agree, a part must inflate to exactly its declared size, and its
 * CRC-32 must match. A part that lies about its size was read only up to that size by the previous reader, so a BSN
 * after byte 1,000 passed as clean; now any mismatch means "not read" with the reason. Encrypted, corrupt and
 * oversized packages are refused the same way. Inflation is streamed with fflate and stops as soon as a part grows
 * past its declared size or the package past {@link MAX_UNPACKED_BYTES}, so a zip bomb cannot exhaust memory.
 */
import { Inflate, strFromU8 } from 'fflate';
import { unsupported, type ExtractResult } from './reasons';

/** Limit on the unpacked size of the parts we read, so a zip bomb cannot exhaust the browser's memory. */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;

/** Parts of a package by name, decoded as UTF-8, or the reason the package cannot be read. */
export type PartsResult = { parts: Map<string, string>; names: string[] } | { failure: ExtractResult };

/** One entry of the central directory. */
interface Entry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 (ISO 3309, as zip uses it), continued from `crc`. */
export function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

class ZipProblem extends Error {
  public constructor(public readonly result: ExtractResult) {
    super(result && 'unsupported' in result ? result.unsupported : 'zip problem');
  }
}

const damaged = (): ExtractResult =>
  unsupported(
    'damaged',
    'het bestand is beschadigd of geen geldig Office-document (zip) en kan niet worden gescand',
    'the file is damaged or not a valid Office document (zip) and cannot be scanned',
  );

const encrypted = (): ExtractResult =>
  unsupported(
    'encrypted',
    'het document is met een wachtwoord beveiligd (versleuteld) en kan niet worden gescand',
    'the document is password-protected (encrypted) and cannot be scanned',
  );

const tooLarge = (): ExtractResult =>
  unsupported(
    'tooLarge',
    'het document is uitgepakt te groot om in de browser te scannen',
    'the document is too large when unpacked to scan in the browser',
  );

function integrity(name: string, nl: string, en: string): ExtractResult {
  return unsupported(
    'zipIntegrity',
    `het onderdeel ${name} ${nl}; het bestand is beschadigd of bewerkt en is niet gelezen`,
    `the part ${name} ${en}; the file is damaged or tampered with and was not read`,
  );
}

const u16 = (b: Uint8Array, at: number): number => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number): number => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, at: number): number => u32(b, at) + u32(b, at + 4) * 0x100000000;

/** The central directory: its entries, in order. Zip64 sizes and offsets are read from their extra fields. */
function centralDirectory(b: Uint8Array): Entry[] {
  let eocd = -1;
  for (let at = b.length - 22; at >= 0 && at >= b.length - 22 - 65535; at--) {
    if (u32(b, at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ZipProblem(damaged());
  let count = u16(b, eocd + 10);
  let offset = u32(b, eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(b, locator) !== 0x07064b50) throw new ZipProblem(damaged());
    const z64 = u64(b, locator + 8);
    if (z64 + 56 > b.length || u32(b, z64) !== 0x06064b50) throw new ZipProblem(damaged());
    count = u64(b, z64 + 32);
    offset = u64(b, z64 + 48);
  }
  const entries: Entry[] = [];
  let at = offset;
  for (let k = 0; k < count; k++) {
    if (at + 46 > b.length || u32(b, at) !== 0x02014b50) throw new ZipProblem(damaged());
    const nameLen = u16(b, at + 28);
    const extraLen = u16(b, at + 30);
    const commentLen = u16(b, at + 32);
    const entry: Entry = {
      name: strFromU8(b.subarray(at + 46, at + 46 + nameLen)),
      flags: u16(b, at + 8),
      method: u16(b, at + 10),
      crc: u32(b, at + 16),
      compressedSize: u32(b, at + 20),
      size: u32(b, at + 24),
      localOffset: u32(b, at + 42),
    };
    // zip64 extended information: the fields that are 0xffffffff above, in this order
    let x = at + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = u16(b, x);
      const len = u16(b, x + 2);
      if (id === 0x0001) {
        let f = x + 4;
        if (entry.size === 0xffffffff) {
          entry.size = u64(b, f);
          f += 8;
        }
        if (entry.compressedSize === 0xffffffff) {
          entry.compressedSize = u64(b, f);
          f += 8;
        }
        if (entry.localOffset === 0xffffffff) entry.localOffset = u64(b, f);
      }
      x += 4 + len;
    }
    entries.push(entry);
    at = xEnd + commentLen;
  }
  return entries;
}

/**
 * The verified bytes of one entry: local header consistent with the central directory, inflated size equal to the
 * declared size, CRC-32 equal to the declared CRC. `budget` is what the package may still unpack.
 */
function readEntry(b: Uint8Array, e: Entry, budget: number): Uint8Array {
  if (e.flags & 1) throw new ZipProblem(encrypted());
  const at = e.localOffset;
  if (at + 30 > b.length || u32(b, at) !== 0x04034b50) throw new ZipProblem(damaged());
  const nameLen = u16(b, at + 26);
  const extraLen = u16(b, at + 28);
  if (strFromU8(b.subarray(at + 30, at + 30 + nameLen)) !== e.name || u16(b, at + 8) !== e.method) {
    throw new ZipProblem(
      integrity(e.name, 'staat anders in de inhoudsopgave dan in het bestand zelf', 'differs between the directory and the file itself'),
    );
  }
  if ((u16(b, at + 6) & 8) === 0) {
    // no data descriptor: the local header repeats CRC and sizes, and they must agree with the directory
    const lcrc = u32(b, at + 14);
    const lcsize = u32(b, at + 18);
    const lsize = u32(b, at + 22);
    const zip64 = lcsize === 0xffffffff || lsize === 0xffffffff;
    if (lcrc !== e.crc || (!zip64 && (lcsize !== e.compressedSize || lsize !== e.size))) {
      throw new ZipProblem(
        integrity(
          e.name,
          'geeft in de inhoudsopgave een andere grootte of controlegetal op dan in het bestand zelf',
          'declares another size or checksum in the directory than in the file itself',
        ),
      );
    }
  }
  const start = at + 30 + nameLen + extraLen;
  if (start + e.compressedSize > b.length) throw new ZipProblem(damaged());
  const data = b.subarray(start, start + e.compressedSize);
  let out: Uint8Array;
  if (e.method === 0) {
    out = data;
  } else if (e.method === 8) {
    const chunks: Uint8Array[] = [];
    let total = 0;
    let ended = false;
    const inflater = new Inflate((chunk, final) => {
      total += chunk.length;
      if (total > e.size) {
        throw new ZipProblem(
          integrity(
            e.name,
            `pakt uit tot meer dan de opgegeven ${e.size.toLocaleString('nl-NL')} bytes`,
            `unpacks to more than its declared ${e.size.toLocaleString('en-US')} bytes`,
          ),
        );
      }
      if (total > budget) throw new ZipProblem(tooLarge());
      chunks.push(chunk);
      if (final) ended = true;
    });
    const STEP = 4 * 1024; // at most ~4 MB of output per step (deflate expands 1,032-fold at most)
    try {
      for (let off = 0; ; off += STEP) {
        const final = off + STEP >= data.length;
        inflater.push(data.subarray(off, off + STEP), final);
        if (final) break;
      }
    } catch (err) {
      if (err instanceof ZipProblem) throw err;
      throw new ZipProblem(damaged());
    }
    if (!ended) throw new ZipProblem(damaged());
    out = new Uint8Array(total);
    let o = 0;
    for (const c of chunks) {
      out.set(c, o);
      o += c.length;
    }
  } else {
    throw new ZipProblem(
      unsupported(
        'damaged',
        `het onderdeel ${e.name} gebruikt een compressiemethode (${e.method}) die de scanner niet kan lezen`,
        `the part ${e.name} uses a compression method (${e.method}) the scanner cannot read`,
      ),
    );
  }
  if (out.length !== e.size) {
    throw new ZipProblem(
      integrity(
        e.name,
        `geeft een onjuiste grootte op (${e.size.toLocaleString('nl-NL')} bytes opgegeven, ${out.length.toLocaleString('nl-NL')} gelezen)`,
        `declares a false size (${e.size.toLocaleString('en-US')} bytes declared, ${out.length.toLocaleString('en-US')} read)`,
      ),
    );
  }
  if (crc32(out) !== e.crc) {
    throw new ZipProblem(
      integrity(e.name, 'klopt niet met zijn controlegetal (CRC-32)', 'does not match its checksum (CRC-32)'),
    );
  }
  return out;
}

/**
 * Unpacks and verifies the parts whose name passes `wanted`; `names` lists every entry of the package (to tell an
 * OpenDocument's mimetype or an encryption manifest). Never throws.
 */
export function readParts(bytes: Uint8Array, wanted: (name: string) => boolean): PartsResult {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    // An OLE compound file under an OOXML name: Office wraps password-protected documents like this.
    return { failure: encrypted() };
  }
  try {
    const entries = centralDirectory(bytes);
    const parts = new Map<string, string>();
    let budget = MAX_UNPACKED_BYTES;
    for (const e of entries) {
      if (!wanted(e.name)) continue;
      if (e.size > budget) return { failure: tooLarge() };
      const data = readEntry(bytes, e, budget);
      budget -= data.length;
      parts.set(e.name, strFromU8(data));
    }
    return { parts, names: entries.map((e) => e.name) };
  } catch (err) {
    if (err instanceof ZipProblem) return { failure: err.result };
    return { failure: damaged() };
  }
}

/** Part names matching `pattern` with a number, in numeric order (slide2 before slide10). */
export function numbered(parts: Map<string, string>, pattern: RegExp): string[] {
  const found: Array<[number, string]> = [];
  parts.forEach((_v, name) => {
    const m = pattern.exec(name);
    if (m) found.push([Number(m[1]), name]);
  });
  return found.sort((x, y) => x[0] - y[0]).map((x) => x[1]);
}
