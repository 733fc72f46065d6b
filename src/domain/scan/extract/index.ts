/**
 * Text extraction for the personal-data scan: which files can be read, and their text. Text files, Office Open XML
 * and OpenDocument are read here (OpenDocument's reader loads with `import()` only when such a file is scanned);
 * PDFs and images need engines and are read in src/domain/scan/pages.ts.
 */
import { decodeText } from './decodeText';
import { docxText, pptxText, xlsxText } from './ooxml';
import { IMAGE_EXTENSIONS, SCANNABLE_EXTENSIONS } from './extensions';
import { unsupported, unsupportedType, type ExtractResult } from './reasons';

export type { ExtractResult, UnsupportedCode } from './reasons';

export { IMAGE_EXTENSIONS, SCANNABLE_EXTENSIONS, TEXT_EXTENSIONS } from './extensions';

const READERS: Record<string, (bytes: Uint8Array) => ExtractResult | Promise<ExtractResult>> = {
  txt: (b) => ({ text: decodeText(b) }),
  csv: (b) => ({ text: decodeText(b) }),
  tsv: (b) => ({ text: decodeText(b), delimiter: '\t' }),
  md: (b) => ({ text: decodeText(b) }),
  docx: docxText,
  xlsx: xlsxText,
  pptx: pptxText,
  odt: async (b) => (await import(/* webpackChunkName: 'odf' */ './odf')).odfText(b),
  ods: async (b) => (await import(/* webpackChunkName: 'odf' */ './odf')).odfText(b),
  odp: async (b) => (await import(/* webpackChunkName: 'odf' */ './odf')).odfText(b),
};

/** Lower-case extension of a file name without the dot ('' when none). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 || dot === fileName.length - 1 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** True when the scanner can read files with this name (PDF scans and images with an OCR engine). */
export function isScannable(fileName: string): boolean {
  return SCANNABLE_EXTENSIONS.indexOf(extensionOf(fileName)) >= 0;
}

/**
 * Extracts the text of a text, Office Open XML or OpenDocument file by its extension. Never throws: damaged input
 * gives `unsupported` with a reason in Dutch and English. PDFs and images are not read here (see scanFile).
 */
export async function extractText(fileName: string, bytes: Uint8Array): Promise<ExtractResult> {
  const ext = extensionOf(fileName);
  const reader = READERS[ext];
  if (!reader) {
    if (ext === 'pdf' || IMAGE_EXTENSIONS.indexOf(ext) >= 0) {
      return unsupported(
        'noReader',
        `.${ext}: dit bestand kan alleen met de PDF-lezer of tekstherkenning (OCR) worden gelezen`,
        `.${ext}: this file can only be read with the PDF reader or text recognition (OCR)`,
      );
    }
    return unsupportedType(ext);
  }
  try {
    return await reader(bytes);
  } catch {
    return unsupported(
      'damaged',
      `het bestand kon niet worden gelezen als .${ext} en kan niet worden gescand`,
      `the file could not be read as .${ext} and cannot be scanned`,
    );
  }
}
