/** Extraction and scan of one file in one call: what the upload dialog runs in the browser before any byte leaves. */
import { extractText } from './extract';
import { createScanner, type Scanner } from './scanner';
import type { ScanOptions, ScanResult } from './types';

/**
 * Reads the file's text and scans it. A file that cannot be read gives no findings and `unsupported` with the
 * reason, so the caller can tell "nothing found" apart from "could not look" (seed 004: warn before upload).
 */
export async function scanFile(
  fileName: string,
  bytes: Uint8Array,
  options: ScanOptions | Scanner,
): Promise<ScanResult> {
  const extracted = await extractText(fileName, bytes);
  if (!('text' in extracted)) {
    const { unsupported: reason, code, reason: words } = extracted;
    return { findings: [], scannedChars: 0, unsupported: { reason, code, nl: words.nl, en: words.en } };
  }
  const scan = typeof options === 'function' ? options : createScanner(options);
  return scan(extracted.text);
}
