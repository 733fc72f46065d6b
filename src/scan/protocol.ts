/**
 * How a file is scanned in the browser: the runner the upload calls (src/upload/prepare.ts), and the messages between
 * the page and the scan's Web Worker (src/scan/scanWorker.ts).
 */
import type { ScanControl, ScanOptions, ScanProgress, ScanResult } from '../domain/scan';

/** A picked file whose bytes can be read (a browser `File` fits). */
export interface ReadableFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Runs the scan of one file: the browser's (workers, pdf.js, OCR) or the in-process domain scan. */
export type ScanRunner = (
  file: ReadableFile,
  bytes: Uint8Array,
  options: ScanOptions,
  control: ScanControl,
) => Promise<ScanResult>;

/** Page → worker: scan this file (a Blob is read in chunks; bytes when the file is no Blob), or stop. */
export type ToWorker =
  | { type: 'scan'; name: string; source: Blob | Uint8Array; options: ScanOptions; chunkBytes?: number }
  | { type: 'abort' };

/** Worker → page: progress, the result, or an error. */
export type FromWorker =
  | { type: 'progress'; progress: ScanProgress }
  | { type: 'done'; result: ScanResult }
  | { type: 'error'; message: string };
