/**
 * The scan in the browser, loaded with `import()` only when a file is picked:
 *   - text, Office Open XML and OpenDocument files are scanned in the scan's own Web Worker (src/scan/scanWorker.ts),
 *     a text file in chunks read from the `File`; if the worker cannot start (a strict Content-Security-Policy) the
 *     same chunked scan runs on the page;
 *   - PDFs are read by pdf.js, which parses in its own worker; pages without text that hold an image, and images
 *     (PNG, JPEG, TIFF …), are read by tesseract.js in its worker. Both load only when such a file is scanned.
 * Every asset comes from the package itself (src/scan/assets.ts).
 */
import {
  extensionOf,
  IMAGE_EXTENSIONS,
  scanFile,
  scanSource,
  type OcrEngine,
  type PdfEngine,
  type ScanControl,
  type ScanEngines,
  type ScanOptions,
  type ScanResult,
} from '../domain/scan';
import { crossOrigin, scanAsset } from './assets';
import { blobSource } from './blobSource';
import { createTesseractEngine } from './ocr';
import { createPdfjsEngine } from './pdfjs';
import type { FromWorker, ReadableFile, ScanRunner, ToWorker } from './protocol';

let pdf: PdfEngine | undefined;
let ocr: OcrEngine | undefined;

/** pdf.js and tesseract.js with the package's assets; each loads its code on first use. */
export function browserEngines(): ScanEngines {
  pdf ??= createPdfjsEngine({ workerSrc: scanAsset('pdfWorker') });
  if (!ocr) {
    const workerPath = scanAsset('ocrWorker');
    ocr = createTesseractEngine({
      workerPath,
      corePath: scanAsset('ocrCore'),
      langPath: scanAsset('tessdata'),
      // a worker script on another origin (a CDN) can only be started from a blob; on the page's own origin it is
      // started directly, which a Content-Security-Policy without blob: allows
      workerBlobURL: crossOrigin(workerPath),
    });
  }
  return { pdf, ocr };
}

/** Starts the scan worker: directly on the page's origin, through a blob that imports it from another origin. */
function startWorker(): Worker {
  const url = scanAsset('scanWorker');
  if (!crossOrigin(url)) return new Worker(url);
  const blob = new Blob([`importScripts(${JSON.stringify(url)});`], { type: 'text/javascript' });
  return new Worker(URL.createObjectURL(blob));
}

/** The same chunked scan on the page, when no worker can run. */
function onPage(file: ReadableFile, bytes: Uint8Array, options: ScanOptions, control: ScanControl): Promise<ScanResult> {
  if (file instanceof Blob) return scanSource(file.name, blobSource(file), options, control);
  return scanFile(file.name, bytes, options, control);
}

/** Scans a file in the scan worker; falls back to the page when the worker does not start. */
function inWorker(file: ReadableFile, bytes: Uint8Array, options: ScanOptions, control: ScanControl): Promise<ScanResult> {
  let worker: Worker;
  try {
    worker = startWorker();
  } catch {
    return onPage(file, bytes, options, control);
  }
  return new Promise<ScanResult>((resolve, reject) => {
    let heard = false;
    const abort = (): void => worker.postMessage({ type: 'abort' } satisfies ToWorker);
    const finish = (): void => {
      control.signal?.removeEventListener('abort', abort);
      worker.terminate();
    };
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      heard = true;
      const m = e.data;
      if (m.type === 'progress') control.onProgress?.(m.progress);
      else {
        finish();
        if (m.type === 'done') resolve(m.result);
        else reject(new Error(m.message));
      }
    };
    worker.onerror = (e) => {
      e.preventDefault();
      finish();
      // a worker that never answered did not start (blocked, missing): scan on the page instead
      if (!heard) onPage(file, bytes, options, control).then(resolve, reject);
      else reject(new Error(e.message || 'the scan worker failed'));
    };
    control.signal?.addEventListener('abort', abort);
    const message: ToWorker = {
      type: 'scan',
      name: file.name,
      source: file instanceof Blob ? file : bytes,
      options,
    };
    worker.postMessage(message);
  });
}

/** The browser's scan runner for the upload (src/upload/prepare.ts). */
export function browserScanRunner(): ScanRunner {
  return (file, bytes, options, control) => {
    const ext = extensionOf(file.name);
    if (ext === 'pdf' || IMAGE_EXTENSIONS.indexOf(ext) >= 0) {
      return scanFile(file.name, bytes, options, { ...control, engines: browserEngines() });
    }
    return inWorker(file, bytes, options, control);
  };
}
