/** Why a file could not be scanned, in Dutch with the English variant; the UI shows these so users know to check by hand. */
import type { Bilingual } from '../../common';

const IMAGE = new Set(['png', 'jpg', 'jpeg', 'gif', 'bmp', 'tif', 'tiff', 'heic', 'webp', 'svg']);
const LEGACY_OFFICE = new Set(['doc', 'xls', 'ppt', 'rtf']);
const ARCHIVE = new Set(['zip', '7z', 'rar', 'gz', 'tar', 'msg', 'eml', 'pst']);

/** Why a file could not be read, as a code the UI can map to its own strings. */
export type UnsupportedCode =
  | 'image'
  | 'legacyOffice'
  | 'archive'
  | 'unknownType'
  | 'damaged'
  | 'encrypted'
  | 'tooLarge'
  | 'notDocument'
  | 'zipIntegrity'
  | 'noReader';

/** Result of text extraction: the text, or the reason it could not be read (code, and words in nl and en). */
export type ExtractResult =
  | { text: string; delimiter?: string }
  | { unsupported: string; code: UnsupportedCode; reason: Bilingual };

/** The unreadable variant of {@link ExtractResult}. */
export type Unreadable = Extract<ExtractResult, { unsupported: string }>;

/** Builds an `unsupported` result; `unsupported` holds 'Dutch / English' for logs and plain displays. */
export function unsupported(code: UnsupportedCode, nl: string, en: string): Unreadable {
  return { unsupported: `${nl} / ${en}`, code, reason: { nl, en } };
}

/** Reason for a file type the scanner cannot read, grouped so the user learns why. */
export function unsupportedType(ext: string): ExtractResult {
  const shown = ext === '' ? '(geen extensie)' : `.${ext}`;
  const shownEn = ext === '' ? '(no extension)' : `.${ext}`;
  if (IMAGE.has(ext)) {
    return unsupported(
      'image',
      `${shown}: afbeeldingen kunnen niet op persoonsgegevens worden gescand; controleer de inhoud zelf`,
      `${shownEn}: images cannot be scanned for personal data; check the content yourself`,
    );
  }
  if (LEGACY_OFFICE.has(ext)) {
    return unsupported(
      'legacyOffice',
      `${shown}: oud binair Office-formaat kan niet worden gescand; sla op als .docx, .xlsx, .pptx of .odt, .ods, .odp`,
      `${shownEn}: legacy binary Office format cannot be scanned; save as .docx, .xlsx, .pptx or .odt, .ods, .odp`,
    );
  }
  if (ARCHIVE.has(ext)) {
    return unsupported(
      'archive',
      `${shown}: archieven en e-mailberichten worden niet uitgepakt en kunnen niet worden gescand`,
      `${shownEn}: archives and e-mail messages are not unpacked and cannot be scanned`,
    );
  }
  return unsupported(
    'unknownType',
    `${shown}: dit bestandstype kan niet worden gescand; controleer de inhoud zelf`,
    `${shownEn}: this file type cannot be scanned; check the content yourself`,
  );
}
