/**
 * Types of the personal-data content scan (seed 004: the scan warns on BSN and similar identifiers before upload).
 * Results carry counts and offsets only, never the matched values, so a result can be logged or sent anywhere.
 */

/** Kind of personal-data identifier the scanner recognises. */
export type FindingKind = 'bsn' | 'iban' | 'big' | 'email' | 'phone' | 'birthdate' | 'healthTerm';

/** Every finding kind, in the order the UI lists them. */
export const FINDING_KINDS: readonly FindingKind[] = [
  'bsn',
  'iban',
  'big',
  'email',
  'phone',
  'birthdate',
  'healthTerm',
];

/** A half-open character range [start, end) into the extracted text. */
export interface TextPosition {
  start: number;
  end: number;
}

/** All occurrences of one kind: how many and where (offsets into the extracted text), never the values. */
export interface Finding {
  kind: FindingKind;
  count: number;
  positions: TextPosition[];
}

/** Why a part of a file was not read. */
export type UnreadCode =
  | 'cancelled'
  | 'pageError'
  | 'noOcr'
  | 'ocrNoText'
  | 'ocrLowConfidence'
  | 'ocrFailed'
  | 'undecodable';

/**
 * A part of a file that was not read (what could not be read never counts as "no findings"): a page of a
 * PDF (`page` of `of`), an image, or the rest of a text file after the scan was stopped; the words for the UI.
 */
export interface UnreadPart {
  kind: 'page' | 'image' | 'bytes';
  code: UnreadCode;
  /** 1-based page number and the document's page count, for a page. */
  page?: number;
  of?: number;
  nl: string;
  en: string;
}

/**
 * Outcome of scanning one text or file; `unsupported` is set when the file could not be read at all, with `reason`
 * as 'Dutch / English' and, when known, the two languages apart for the UI; `unread` names the parts of a file that
 * were not read while the rest was. `ocr` counts the pages or images whose text came from OCR.
 */
export interface ScanResult {
  findings: Finding[];
  scannedChars: number;
  unsupported?: { reason: string; code?: string; nl?: string; en?: string };
  unread?: UnreadPart[];
  ocr?: { pages: number };
}

/** Options of a scan; `healthTerms` comes from the agreement configuration (`healthTerms`). */
export interface ScanOptions {
  healthTerms: string[];
  /** Day ages are computed against for the birth-date rule; defaults to today. */
  referenceDate?: Date;
  /** When true a date counts as a birth date only next to a context word (geboortedatum, geb., born); default false. */
  birthdateNeedsContext?: boolean;
}
