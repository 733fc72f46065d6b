/**
 * Extraction and scan of one file in one call: what the upload dialog runs in the browser before any byte leaves.
 * Text files are scanned in overlapping chunks straight from the source; Office Open XML and OpenDocument packages
 * are unpacked (verified) and their text scanned; PDFs and images are read with the injected engines (pdf.js, OCR).
 * Whatever could not be read is in the result (`unsupported` for the whole file, `unread` for parts), never hidden
 * behind "no findings".
 */
import type { ScanControl } from './engines';
import { extensionOf, extractText, IMAGE_EXTENSIONS, TEXT_EXTENSIONS } from './extract';
import type { Unreadable } from './extract/reasons';
import { readImage, readPdf, type DocumentText } from './pages';
import { createScanner, type Scanner } from './scanner';
import { bytesSource, scanTextSource, type ByteSource } from './stream';
import { FindingCollector } from './collector';
import { tableState } from './tabular';
import type { ScanOptions, ScanResult } from './types';

function asScanner(options: ScanOptions | Scanner): Scanner {
  return typeof options === 'function' ? options : createScanner(options);
}

function notRead(extracted: Unreadable): ScanResult {
  const { unsupported: reason, code, reason: words } = extracted;
  return { findings: [], scannedChars: 0, unsupported: { reason, code, nl: words.nl, en: words.en } };
}

/** Scans an extracted text; `delimiter` turns on the BSN-column rule (8-digit BSNs in a column headed BSN). */
function scanExtracted(scan: Scanner, text: string, delimiter: string | undefined): ScanResult {
  const out = new FindingCollector();
  scan.engine.scanWindow(text, 0, Infinity, 0, out, delimiter !== undefined ? tableState(delimiter) : undefined);
  return out.result(text.length);
}

function withDocument(scan: Scanner, doc: DocumentText): ScanResult {
  const result = scanExtracted(scan, doc.text, undefined);
  if (doc.unread.length > 0) result.unread = doc.unread;
  if (doc.ocrPages > 0) result.ocr = { pages: doc.ocrPages };
  return result;
}

/**
 * Reads and scans the file in `source`. A file that cannot be read gives no findings and `unsupported` with the
 * reason; parts not read are listed in `unread`; so the caller can tell "nothing found" from "could not look".
 */
export async function scanSource(
  fileName: string,
  source: ByteSource,
  options: ScanOptions | Scanner,
  control: ScanControl = {},
): Promise<ScanResult> {
  const scan = asScanner(options);
  const ext = extensionOf(fileName);
  if (TEXT_EXTENSIONS.indexOf(ext) >= 0) {
    return scanTextSource(source, scan, { csv: ext === 'csv', delimiter: ext === 'tsv' ? '\t' : undefined }, control);
  }
  control.onProgress?.({ kind: 'bytes', done: 0, total: source.size });
  const bytes = await source.read(0, source.size);
  if (ext === 'pdf' || IMAGE_EXTENSIONS.indexOf(ext) >= 0) {
    const { pdf, ocr } = control.engines ?? {};
    if (ext === 'pdf' && pdf) {
      const doc = await readPdf(bytes, pdf, ocr, control);
      return 'unsupported' in doc ? notRead(doc) : withDocument(scan, doc);
    }
    if (ext !== 'pdf') return withDocument(scan, await readImage(bytes, ocr, control));
  }
  const extracted = await extractText(fileName, bytes);
  if (!('text' in extracted)) return notRead(extracted);
  const result = scanExtracted(scan, extracted.text, extracted.delimiter);
  control.onProgress?.({ kind: 'bytes', done: source.size, total: source.size });
  return result;
}

/** {@link scanSource} over bytes already in memory. */
export function scanFile(
  fileName: string,
  bytes: Uint8Array,
  options: ScanOptions | Scanner,
  control: ScanControl = {},
): Promise<ScanResult> {
  return scanSource(fileName, bytesSource(bytes), options, control);
}
