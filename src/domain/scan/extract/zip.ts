/** Reading the parts of an Office Open XML package with fflate, refusing corrupt, encrypted or oversized packages. */
import { strFromU8, unzipSync } from 'fflate';
import { unsupported, type ExtractResult } from './reasons';

/** Limit on the unpacked size of the parts we read, so a zip bomb cannot exhaust the browser's memory. */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;

/** Parts of a package by name, decoded as UTF-8, or the reason the package cannot be read. */
export type PartsResult = { parts: Map<string, string> } | { failure: ExtractResult };

/** Unpacks the parts whose name passes `wanted`. */
export function readParts(bytes: Uint8Array, wanted: (name: string) => boolean): PartsResult {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    // An OLE compound file under an OOXML name: Office wraps password-protected documents like this.
    return {
      failure: unsupported(
        'encrypted',
        'het document is met een wachtwoord beveiligd (versleuteld) en kan niet worden gescand',
        'the document is password-protected (encrypted) and cannot be scanned',
      ),
    };
  }
  let total = 0;
  let tooBig = false;
  try {
    const files = unzipSync(bytes, {
      filter: (f) => {
        if (!wanted(f.name)) return false;
        total += f.originalSize;
        if (total > MAX_UNPACKED_BYTES) tooBig = true;
        return !tooBig;
      },
    });
    if (tooBig) {
      return {
        failure: unsupported(
          'tooLarge',
          'het document is uitgepakt te groot om in de browser te scannen',
          'the document is too large when unpacked to scan in the browser',
        ),
      };
    }
    const parts = new Map<string, string>();
    Object.keys(files).forEach((name) => parts.set(name, strFromU8(files[name])));
    return { parts };
  } catch {
    return {
      failure: unsupported(
        'damaged',
        'het bestand is beschadigd of geen geldig Office-document (zip) en kan niet worden gescand',
        'the file is damaged or not a valid Office document (zip) and cannot be scanned',
      ),
    };
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
