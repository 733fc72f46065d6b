/** Public surface of the personal-data scan: types, scanner, summary, text extraction, engines, chunked reading. */
export * from './types';
export { scanText, createScanner, type Scanner, type ScanEngine, type TextShape } from './scanner';
export { summariseFindings, hasFindings, isFullyRead, describeUnread, type FindingSummary } from './summary';
export { isValidBsn, isValidIbanChecksum, ibanMod97 } from './checks';
export {
  extractText,
  isScannable,
  extensionOf,
  SCANNABLE_EXTENSIONS,
  TEXT_EXTENSIONS,
  IMAGE_EXTENSIONS,
  type ExtractResult,
  type UnsupportedCode,
} from './extract';
export { scanFile, scanSource } from './scanFile';
export { bytesSource, scanTextSource, type ByteSource } from './stream';
export { repairOcrText } from './ocrText';
export { OCR_DPI, OCR_MIN_CONFIDENCE } from './pages';
export * from './engines';
