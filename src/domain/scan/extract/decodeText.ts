/** Plain-text decoding: UTF-8 (with or without BOM), UTF-16 with BOM, otherwise Windows-1252 (old Dutch exports). */

/** Windows-1252 code points for bytes 0x80..0x9F (the rest of the range equals Latin-1). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

const CHUNK = 8192;

function fromCodes(codes: Uint16Array): string {
  let s = '';
  for (let k = 0; k < codes.length; k += CHUNK) {
    s += String.fromCharCode.apply(null, Array.from(codes.subarray(k, k + CHUNK)));
  }
  return s;
}

/** Decodes Windows-1252 bytes. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const codes = new Uint16Array(bytes.length);
  for (let k = 0; k < bytes.length; k++) {
    const b = bytes[k];
    codes[k] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b;
  }
  return fromCodes(codes);
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  const n = Math.floor(bytes.length / 2);
  const codes = new Uint16Array(n);
  for (let k = 0; k < n; k++) {
    const lo = bytes[2 * k + (littleEndian ? 0 : 1)];
    const hi = bytes[2 * k + (littleEndian ? 1 : 0)];
    codes[k] = lo | (hi << 8);
  }
  return fromCodes(codes);
}

/** Decodes a text file's bytes, choosing the encoding by BOM, then strict UTF-8, then Windows-1252. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), false);
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return decodeWindows1252(body);
  }
}
