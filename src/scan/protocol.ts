/** Messages between the page and the scan's Web Worker (src/scan/scanWorker.ts). */
import type { ScanOptions, ScanProgress, ScanResult } from '../domain/scan';

/** Page → worker: scan this file (a Blob is read in chunks; bytes when the file is no Blob), or stop. */
export type ToWorker =
  | { type: 'scan'; name: string; source: Blob | Uint8Array; options: ScanOptions; chunkBytes?: number }
  | { type: 'abort' };

/** Worker → page: progress, the result, or an error. */
export type FromWorker =
  | { type: 'progress'; progress: ScanProgress }
  | { type: 'done'; result: ScanResult }
  | { type: 'error'; message: string };
