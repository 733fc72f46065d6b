/** Text extraction for the personal-data scan: which files can be read, and their text. */
import { decodeText } from './decodeText';
import { docxText, pptxText, xlsxText } from './ooxml';
import { pdfText } from './pdf';
import { unsupported, unsupportedType, type ExtractResult } from './reasons';

export type { ExtractResult, UnsupportedCode } from './reasons';

/** File extensions (lower case, no dot) whose text the scanner can read; everything else is reported unsupported. */
export const SCANNABLE_EXTENSIONS: readonly string[] = ['txt', 'csv', 'md', 'docx', 'xlsx', 'pptx', 'pdf'];

const READERS: Record<string, (bytes: Uint8Array) => ExtractResult> = {
  txt: (b) => ({ text: decodeText(b) }),
  csv: (b) => ({ text: decodeText(b) }),
  md: (b) => ({ text: decodeText(b) }),
  docx: docxText,
  xlsx: xlsxText,
  pptx: pptxText,
  pdf: pdfText,
};

/** Lower-case extension of a file name without the dot ('' when none). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 || dot === fileName.length - 1 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** True when the scanner can read files with this name. */
export function isScannable(fileName: string): boolean {
  return SCANNABLE_EXTENSIONS.indexOf(extensionOf(fileName)) >= 0;
}

/**
 * Extracts the text of a file by its extension. Never throws: damaged input gives `unsupported` with a reason in
 * Dutch and English. Async so a reader may later move to a worker without changing callers.
 */
export async function extractText(fileName: string, bytes: Uint8Array): Promise<ExtractResult> {
  const ext = extensionOf(fileName);
  const reader = READERS[ext];
  if (!reader) return unsupportedType(ext);
  try {
    return reader(bytes);
  } catch {
    return unsupported(
      'damaged',
      `het bestand kon niet worden gelezen als .${ext} en kan niet worden gescand`,
      `the file could not be read as .${ext} and cannot be scanned`,
    );
  }
}
