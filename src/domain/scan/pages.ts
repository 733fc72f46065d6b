/**
 * Reading PDFs page by page and images, with the injected engines (src/domain/scan/engines.ts): every page's text
 * from the PDF engine; a page without text that paints an image (a scan) — or with an image and almost no text — is
 * rendered and read by OCR; anything not read is named ("pagina 2 van 5 niet gelezen"), never counted as
 * "no findings". Progress per page; an abort stops before the next page (and stops OCR at once).
 */
import type { OcrEngine, PdfEngine, ScanControl } from './engines';
import { PdfOpenError } from './engines';
import { repairOcrText } from './ocrText';
import { unsupported, type Unreadable } from './extract/reasons';
import type { UnreadCode, UnreadPart } from './types';

/** Resolution pages are rendered at for OCR. */
export const OCR_DPI = 300;
/** Below this mean word confidence (0–100) OCR text is scanned but the page counts as not reliably read. */
export const OCR_MIN_CONFIDENCE = 60;
/** A page with an image and fewer letters and digits than this is read by OCR too (a scan with a stamped line). */
const SCANNED_PAGE_TEXT = 100;

/** Text read from a document, with the parts that were not read and how many pages OCR read. */
export interface DocumentText {
  text: string;
  unread: UnreadPart[];
  ocrPages: number;
}

const REASONS: Record<UnreadCode, [string, string]> = {
  cancelled: ['het scannen is gestopt', 'the scan was stopped'],
  pageError: ['de pagina kon niet worden gelezen', 'the page could not be read'],
  noOcr: [
    'de pagina is een afbeelding (scan) en tekstherkenning (OCR) is niet beschikbaar',
    'the page is an image (a scan) and text recognition (OCR) is not available',
  ],
  ocrNoText: ['op de afbeelding is geen tekst herkend (OCR)', 'no text was recognised on the image (OCR)'],
  ocrLowConfidence: [
    'de tekst op de afbeelding is niet betrouwbaar herkend (OCR)',
    'the text on the image was not recognised reliably (OCR)',
  ],
  ocrFailed: ['tekstherkenning (OCR) is mislukt', 'text recognition (OCR) failed'],
  undecodable: [
    'de tekst op de pagina is niet te lezen (een lettertype zonder tekstcodering)',
    'the text on the page cannot be read (a font without a text mapping)',
  ],
};

function part(kind: 'page' | 'image', code: UnreadCode, page?: number, of?: number): UnreadPart {
  const [nl, en] =
    kind === 'image' && code === 'noOcr'
      ? ['tekstherkenning (OCR) is niet beschikbaar', 'text recognition (OCR) is not available']
      : REASONS[code];
  return { kind, code, ...(page !== undefined ? { page, of } : {}), nl, en };
}

function alnumCount(text: string): number {
  let n = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0) n++;
  }
  return n;
}

/**
 * True when a page's text is mostly not text: control characters, replacement characters or private-use code points,
 * which is what a PDF engine returns for glyphs of a font without a Unicode mapping. Such a page is read by OCR.
 */
function undecodable(text: string): boolean {
  let bad = 0;
  let total = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 32 || c === 9 || c === 10 || c === 13) continue;
    total++;
    if (c < 32 || c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff)) bad++;
  }
  return bad >= 3 && bad * 5 >= total;
}

const aborted = (control: ScanControl): boolean => control.signal?.aborted === true;

/** OCR of one image: the repaired text, or why it does not count as read (the text found still counts). */
async function recognise(
  ocr: OcrEngine,
  image: Uint8Array,
  control: ScanControl,
  onFraction: (f: number) => void,
): Promise<{ text: string; problem?: UnreadCode }> {
  try {
    const r = await ocr.recognize(image, { onProgress: onFraction, signal: control.signal });
    const text = repairOcrText(r.text);
    if (alnumCount(text) < 3) return { text: '', problem: 'ocrNoText' };
    return { text, problem: r.confidence < OCR_MIN_CONFIDENCE ? 'ocrLowConfidence' : undefined };
  } catch {
    return { text: '', problem: aborted(control) ? 'cancelled' : 'ocrFailed' };
  }
}

/** Reads a PDF with the PDF engine (and OCR for scanned pages); unreadable files say why. */
export async function readPdf(
  bytes: Uint8Array,
  pdf: PdfEngine,
  ocr: OcrEngine | undefined,
  control: ScanControl,
): Promise<DocumentText | Unreadable> {
  let doc;
  try {
    doc = await pdf.open(bytes);
  } catch (e) {
    if (e instanceof PdfOpenError && e.code === 'encrypted') {
      return unsupported(
        'encrypted',
        'de PDF is met een wachtwoord beveiligd en kan niet worden gescand',
        'the PDF is password-protected and cannot be scanned',
      );
    }
    return unsupported(
      'damaged',
      'het PDF-bestand is beschadigd of geen PDF en kan niet worden gescand',
      'the PDF file is damaged or not a PDF and cannot be scanned',
    );
  }
  const of = doc.numPages;
  const texts: string[] = [];
  const unread: UnreadPart[] = [];
  let ocrPages = 0;
  try {
    for (let page = 1; page <= of; page++) {
      if (aborted(control)) {
        unread.push(part('page', 'cancelled', page, of));
        continue;
      }
      control.onProgress?.({ kind: 'page', page, of, ocr: false });
      let text: string;
      try {
        const content = await doc.pageText(page);
        text = content.items.map((item) => item.str + (item.hasEOL ? '\n' : '')).join('');
      } catch {
        unread.push(part('page', 'pageError', page, of));
        continue;
      }
      // a page of glyphs without a text mapping, or an image with (almost) no text, is read by OCR
      let why: UnreadCode | undefined;
      if (undecodable(text)) {
        why = 'undecodable';
        text = '';
      } else if (alnumCount(text) < SCANNED_PAGE_TEXT) {
        try {
          if (await doc.hasImages(page)) why = 'noOcr';
        } catch {
          unread.push(part('page', 'pageError', page, of));
        }
      }
      if (why && !ocr) unread.push(part('page', why, page, of));
      else if (why && ocr) {
        control.onProgress?.({ kind: 'page', page, of, ocr: true, fraction: 0 });
        let read: { text: string; problem?: UnreadCode };
        try {
          const image = await doc.renderPage(page, OCR_DPI);
          read = await recognise(ocr, image, control, (fraction) =>
            control.onProgress?.({ kind: 'page', page, of, ocr: true, fraction }),
          );
        } catch {
          read = { text: '', problem: aborted(control) ? 'cancelled' : 'ocrFailed' };
        }
        if (read.problem) unread.push(part('page', read.problem, page, of));
        if (read.text) {
          ocrPages++;
          text = text.trim() === '' ? read.text : `${text}\n${read.text}`;
        }
      }
      texts.push(text);
    }
  } finally {
    await doc.close().catch(() => undefined);
  }
  return { text: texts.join('\n'), unread, ocrPages };
}

/** Reads an image (PNG, JPEG, TIFF …) by OCR; without an OCR engine the image is not read. */
export async function readImage(
  bytes: Uint8Array,
  ocr: OcrEngine | undefined,
  control: ScanControl,
): Promise<DocumentText> {
  if (!ocr) return { text: '', unread: [part('image', 'noOcr')], ocrPages: 0 };
  control.onProgress?.({ kind: 'page', page: 1, of: 1, ocr: true, fraction: 0 });
  const read = await recognise(ocr, bytes, control, (fraction) =>
    control.onProgress?.({ kind: 'page', page: 1, of: 1, ocr: true, fraction }),
  );
  return { text: read.text, unread: read.problem ? [part('image', read.problem)] : [], ocrPages: read.text ? 1 : 0 };
}
