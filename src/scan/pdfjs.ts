/**
 * The PDF engine of the scan: Mozilla's pdf.js (`pdfjs-dist` 5.4, legacy build), loaded with `import()` only when a PDF
 * is scanned (its own chunk, never in the dashboard's first render). pdf.js positions glyphs by their widths and
 * merges them into runs, so a kerned word stays whole, and it reads every page, object and xref streams, encrypted
 * files with an owner password only, and the fonts real producers write.
 *
 * In the browser pdf.js parses in its Web Worker, served from the package's own assets (`workerSrc`, src/scan/assets.ts);
 * in Node (tests, bench) the caller sets `globalThis.pdfjsWorker` to the worker module and pdf.js runs it in-process.
 */
import { PdfOpenError, type PdfDocument, type PdfEngine, type PdfTextItem } from '../domain/scan/engines';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** Options of {@link createPdfjsEngine}. */
export interface PdfjsOptions {
  /** URL of pdf.js's worker script; unset in Node, where `globalThis.pdfjsWorker` is used. */
  workerSrc?: string;
}

let loading: Promise<Pdfjs> | undefined;

/** Loads pdf.js once (the lazy chunk 'pdf'). */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= import(/* webpackChunkName: 'pdf' */ 'pdfjs-dist/legacy/build/pdf.mjs').catch((e: unknown) => {
    loading = undefined; // a failed chunk load may be retried
    throw e;
  });
  return loading;
}

/** The image-painting operators: a page that paints one holds a picture (a scan, a photo). */
function imageOps(pdfjs: Pdfjs): Set<number> {
  const o = pdfjs.OPS;
  return new Set([o.paintImageXObject, o.paintInlineImageXObject, o.paintImageMaskXObject, o.paintImageXObjectRepeat]);
}

interface NodeCanvas {
  toBuffer(mime: 'image/png'): Uint8Array;
}

/** Encodes a rendered canvas as PNG: a browser canvas (toBlob / convertToBlob) or Node's @napi-rs/canvas (toBuffer). */
async function png(canvas: unknown): Promise<Uint8Array> {
  const c = canvas as Partial<NodeCanvas & HTMLCanvasElement & OffscreenCanvas>;
  if (typeof c.toBuffer === 'function') return new Uint8Array(c.toBuffer('image/png'));
  let blob: Blob | null = null;
  if (typeof c.convertToBlob === 'function') blob = await c.convertToBlob({ type: 'image/png' });
  else if (typeof c.toBlob === 'function') {
    const el = c as HTMLCanvasElement;
    blob = await new Promise<Blob | null>((resolve) => el.toBlob(resolve, 'image/png'));
  }
  if (!blob) throw new Error('the rendered page could not be encoded');
  return new Uint8Array(await blob.arrayBuffer());
}

/** A pdf.js engine; nothing is loaded until the first PDF is opened. */
export function createPdfjsEngine(options: PdfjsOptions = {}): PdfEngine {
  return {
    async open(bytes: Uint8Array): Promise<PdfDocument> {
      const pdfjs = await loadPdfjs();
      if (options.workerSrc && !pdfjs.GlobalWorkerOptions.workerSrc) pdfjs.GlobalWorkerOptions.workerSrc = options.workerSrc;
      const task = pdfjs.getDocument({
        // pdf.js transfers the buffer to its worker: give it a copy, the upload still needs the bytes
        data: bytes.slice(),
        isEvalSupported: false,
        disableFontFace: true,
        useSystemFonts: false,
        stopAtErrors: true,
        verbosity: 0,
      });
      let doc: Awaited<typeof task.promise>;
      try {
        doc = await task.promise;
      } catch (e) {
        await task.destroy().catch(() => undefined);
        const name = (e as { name?: string }).name;
        if (name === 'PasswordException') throw new PdfOpenError('encrypted', 'the PDF needs a password');
        throw new PdfOpenError('damaged', e instanceof Error ? e.message : String(e));
      }
      const ops = imageOps(pdfjs);
      return {
        numPages: doc.numPages,
        async pageText(n) {
          const page = await doc.getPage(n);
          try {
            const content = await page.getTextContent();
            const items: PdfTextItem[] = [];
            for (const item of content.items) {
              if ('str' in item) items.push({ str: item.str, hasEOL: item.hasEOL });
            }
            return { items };
          } finally {
            page.cleanup();
          }
        },
        async hasImages(n) {
          const page = await doc.getPage(n);
          try {
            const list = await page.getOperatorList();
            return list.fnArray.some((fn) => ops.has(fn));
          } finally {
            page.cleanup();
          }
        },
        async renderPage(n, dpi) {
          const page = await doc.getPage(n);
          try {
            const viewport = page.getViewport({ scale: dpi / 72 });
            const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
            const target = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
            try {
              await page.render({
                canvas: target.canvas as HTMLCanvasElement,
                canvasContext: target.context as CanvasRenderingContext2D,
                viewport,
                background: 'white',
              }).promise;
              return await png(target.canvas);
            } finally {
              factory.destroy(target);
            }
          } finally {
            page.cleanup();
          }
        },
        async close() {
          await task.destroy();
        },
      };
    },
  };
}

/** pdf.js's canvas factory (DOM canvas in the browser, @napi-rs/canvas in Node). */
interface CanvasFactory {
  create(width: number, height: number): { canvas: unknown; context: unknown };
  destroy(target: { canvas: unknown; context: unknown }): void;
}
