/**
 * Which file types the scan reads, by extension (lower case, no dot). A module of its own, without the readers, so a
 * screen that only names the types (the file picker) does not load the scanner.
 */

/** Plain text, scanned in chunks straight from the file (src/domain/scan/stream.ts). */
export const TEXT_EXTENSIONS: readonly string[] = ['txt', 'csv', 'tsv', 'md'];
/** Images read by OCR (tesseract.js reads these in the browser and in Node). */
export const IMAGE_EXTENSIONS: readonly string[] = ['png', 'jpg', 'jpeg', 'tif', 'tiff', 'bmp', 'webp'];
/** OpenDocument text, spreadsheet and presentation. */
export const ODF_EXTENSIONS: readonly string[] = ['odt', 'ods', 'odp'];

/** File extensions whose text the scanner can read; everything else is reported unsupported. */
export const SCANNABLE_EXTENSIONS: readonly string[] = [
  ...TEXT_EXTENSIONS,
  'docx',
  'xlsx',
  'pptx',
  ...ODF_EXTENSIONS,
  'pdf',
  ...IMAGE_EXTENSIONS,
];
