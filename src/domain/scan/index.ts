/** Public surface of the personal-data scan: types, scanner, summary, text extraction. */
export * from './types';
export { scanText, createScanner, type Scanner } from './scanner';
export { summariseFindings, hasFindings, type FindingSummary } from './summary';
export { isValidBsn, isValidIbanChecksum, ibanMod97 } from './checks';
export {
  extractText,
  isScannable,
  extensionOf,
  SCANNABLE_EXTENSIONS,
  type ExtractResult,
  type UnsupportedCode,
} from './extract';
export { scanFile } from './scanFile';
