/**
 * What the scan needs from outside the domain to read PDFs and images: a PDF engine (pdf.js in src/scan/pdfjs.ts)
 * and an OCR engine (tesseract.js in src/scan/ocr.ts). Both are injected, so the domain stays pure and the same code
 * runs in the browser (engines in Web Workers, assets from the package) and in Node (tests, bench).
 */

/** One run of text on a PDF page as the PDF engine positioned it (pdf.js `TextItem`). */
export interface PdfTextItem {
  str: string;
  /** The engine saw the end of a line after this item. */
  hasEOL: boolean;
}

/** What the PDF engine read from one page. */
export interface PdfPageText {
  items: PdfTextItem[];
}

/** An open PDF document. */
export interface PdfDocument {
  numPages: number;
  /** The text of page `n` (1-based). */
  pageText(n: number): Promise<PdfPageText>;
  /** True when page `n` paints at least one image (a scan, a photo). */
  hasImages(n: number): Promise<boolean>;
  /** Page `n` rendered as an encoded image (PNG) at `dpi`, for OCR. */
  renderPage(n: number, dpi: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Why a PDF could not be opened. */
export class PdfOpenError extends Error {
  public constructor(
    public readonly code: 'encrypted' | 'damaged',
    message: string,
  ) {
    super(message);
    this.name = 'PdfOpenError';
  }
}

/** Opens PDFs. */
export interface PdfEngine {
  /** Opens the document; rejects with {@link PdfOpenError} for encrypted or damaged files. */
  open(bytes: Uint8Array): Promise<PdfDocument>;
}

/** What OCR recognised on one image. */
export interface OcrResult {
  text: string;
  /** Mean word confidence, 0–100 (tesseract). */
  confidence: number;
}

/** Recognises text on images. */
export interface OcrEngine {
  /**
   * Recognises the text of one encoded image (PNG, JPEG, TIFF …); `onProgress` gets 0..1; aborting `signal` stops the
   * recognition (the promise rejects).
   */
  recognize(
    image: Uint8Array,
    options?: { onProgress?: (fraction: number) => void; signal?: AbortSignal },
  ): Promise<OcrResult>;
}

/** The engines a scan may use; without one, files that need it are reported as not read. */
export interface ScanEngines {
  pdf?: PdfEngine;
  ocr?: OcrEngine;
}

/** Progress of one file's scan, for the UI: bytes of a text file, or pages of a PDF (and whether by OCR). */
export type ScanProgress =
  | { kind: 'bytes'; done: number; total: number }
  | { kind: 'page'; page: number; of: number; ocr: boolean; fraction?: number };

/** How one scan is run: engines, progress, cancellation, chunk size of large text. */
export interface ScanControl {
  engines?: ScanEngines;
  onProgress?: (progress: ScanProgress) => void;
  /** Aborting stops the scan; what was not read by then is reported as not read. */
  signal?: AbortSignal;
  /** Bytes per chunk of a text file (default {@link DEFAULT_CHUNK_BYTES}). */
  chunkBytes?: number;
}

/** Default chunk of a large text file: 1 MiB (measured: larger windows leave more for the garbage collector). */
export const DEFAULT_CHUNK_BYTES = 1024 * 1024;
