/**
 * The OCR engine of the scan: tesseract.js 7 with the Dutch and English LSTM data (`@tesseract.js-data/nld`, `eng`,
 * 4.0.0_best_int). Loaded with `import()` only when an image or an image-only PDF page is scanned (chunk 'ocr'); one
 * tesseract worker serves every image of the session and is ended after a minute without work, or at once when a
 * scan is cancelled. In the browser every path (worker script, wasm core, trained data) points at the package's own
 * assets (src/scan/assets.ts): nothing is fetched from a CDN.
 */
import type { OcrEngine, OcrResult } from '../domain/scan/engines';

/** Where tesseract.js finds its parts; unset fields keep tesseract.js's Node defaults (node_modules). */
export interface TesseractOptions {
  /** Folder holding `nld.traineddata.gz` and `eng.traineddata.gz` (a URL in the browser, a path in Node). */
  langPath: string;
  workerPath?: string;
  corePath?: string;
  /** Start the worker from a blob (needed when the worker script is on another origin, e.g. a CDN). */
  workerBlobURL?: boolean;
  /** Milliseconds without work after which the worker is ended (default 60 s). */
  idleMs?: number;
}

type TesseractWorker = Awaited<ReturnType<typeof import('tesseract.js')['createWorker']>>;

class Cancelled extends Error {
  public constructor() {
    super('OCR cancelled');
    this.name = 'AbortError';
  }
}

/** A tesseract.js OCR engine; nothing is loaded until the first image is recognised. */
export function createTesseractEngine(options: TesseractOptions): OcrEngine & { terminate(): Promise<void> } {
  let worker: Promise<TesseractWorker> | undefined;
  let progress: ((fraction: number) => void) | undefined;
  let idle: ReturnType<typeof setTimeout> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const start = (): Promise<TesseractWorker> => {
    worker ??= (async () => {
      const mod = await import(/* webpackChunkName: 'ocr' */ 'tesseract.js');
      // tesseract.js is CommonJS: webpack gives its exports as names, esbuild (workbench) only as `default`
      const { createWorker } = (mod as unknown as { default?: typeof mod }).default ?? mod;
      return createWorker(['nld', 'eng'], 1 /* OEM.LSTM_ONLY */, {
        langPath: options.langPath,
        ...(options.workerPath ? { workerPath: options.workerPath } : {}),
        ...(options.corePath ? { corePath: options.corePath } : {}),
        ...(options.workerBlobURL !== undefined ? { workerBlobURL: options.workerBlobURL } : {}),
        cacheMethod: 'none',
        gzip: true,
        logger: (m: { status: string; progress: number }) => {
          if (m.status === 'recognizing text') progress?.(m.progress);
        },
        errorHandler: () => undefined,
      });
    })().catch((e: unknown) => {
      worker = undefined;
      throw e;
    });
    return worker;
  };

  const terminate = async (): Promise<void> => {
    const w = worker;
    worker = undefined;
    if (idle) clearTimeout(idle);
    if (w) await (await w.catch(() => undefined))?.terminate().catch(() => undefined);
  };

  /** Ends the worker after `idleMs` without work. */
  const scheduleIdle = (): void => {
    if (idle) clearTimeout(idle);
    if (!worker) return;
    idle = setTimeout(() => {
      terminate().catch(() => undefined);
    }, options.idleMs ?? 60_000);
    (idle as { unref?: () => void }).unref?.(); // Node: an idle OCR worker does not keep the process alive
  };

  const recognizeNow = async (
    image: Uint8Array,
    o: { onProgress?: (fraction: number) => void; signal?: AbortSignal },
  ): Promise<OcrResult> => {
    if (o.signal?.aborted) throw new Cancelled();
    if (idle) clearTimeout(idle);
    const w = await start();
    progress = o.onProgress;
    const onAbort = (): void => {
      terminate().catch(() => undefined);
    };
    o.signal?.addEventListener('abort', onAbort);
    try {
      const job = w.recognize(image as unknown as Buffer);
      const result = await Promise.race([
        job,
        new Promise<never>((_resolve, reject) => o.signal?.addEventListener('abort', () => reject(new Cancelled()))),
      ]);
      return { text: result.data.text, confidence: result.data.confidence };
    } finally {
      progress = undefined;
      o.signal?.removeEventListener('abort', onAbort);
      scheduleIdle();
    }
  };

  return {
    recognize(image, o = {}) {
      // one image at a time on the one worker
      const run = queue.then(() => recognizeNow(image, o));
      queue = run.catch(() => undefined);
      return run;
    },
    terminate,
  };
}
