/**
 * The scan's engines in Node for tests: pdf.js with its worker in-process (`globalThis.pdfjsWorker`, the "fake
 * worker"; jest's vm cannot `import()` the worker file) and tesseract.js with the Dutch and English data of
 * @tesseract.js-data copied into one folder (tesseract.js takes one `langPath`). OCR is created on demand and must be
 * ended with `endOcr()` in afterAll.
 */
import { copyFileSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { OcrEngine, PdfEngine, ScanEngines } from '../../../src/domain/scan';
import { createTesseractEngine } from '../../../src/scan/ocr';
import { createPdfjsEngine } from '../../../src/scan/pdfjs';

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= require('pdfjs-dist/legacy/build/pdf.worker.mjs');

/** The PDF engine (pdf.js, worker in-process). */
export const pdfEngine: PdfEngine = createPdfjsEngine();

let ocr: (OcrEngine & { terminate(): Promise<void> }) | undefined;

/** A folder with nld and eng traineddata, as tesseract.js wants them. */
export function langFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tessdata-'));
  for (const lang of ['nld', 'eng']) {
    copyFileSync(require.resolve(`@tesseract.js-data/${lang}/4.0.0_best_int/${lang}.traineddata.gz`), join(dir, `${lang}.traineddata.gz`));
  }
  return dir;
}

/** The OCR engine (tesseract.js in a Node worker thread), created on first use. */
export function ocrEngine(): OcrEngine {
  ocr ??= createTesseractEngine({ langPath: langFolder(), idleMs: 5_000 });
  return ocr;
}

/** Both engines; OCR is lazy, so a test that never meets a scan never starts tesseract. */
export function engines(): ScanEngines {
  return { pdf: pdfEngine, ocr: { recognize: (image, o) => ocrEngine().recognize(image, o) } };
}

/** Ends the OCR worker, if one was started. */
export async function endOcr(): Promise<void> {
  await ocr?.terminate();
  ocr = undefined;
}
