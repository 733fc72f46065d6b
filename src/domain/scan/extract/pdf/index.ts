/**
 * Minimal, honest PDF text extraction: unencrypted PDFs whose content streams are uncompressed or FlateDecode,
 * with simple fonts or composite fonts that carry a ToUnicode map. It says so, instead of guessing, for
 * encrypted PDFs, scanned (image-only) PDFs, composite fonts without ToUnicode and other compression filters.
 */
import { unsupported, type ExtractResult } from '../reasons';
import { parseToUnicode, type ToUnicode } from './cmap';
import { contentText, type FontInfo } from './content';
import { entry, refOf } from './dict';
import { binaryString, readObjects, type PdfObject } from './objects';
import { fontsOf, pagesInOrder } from './pages';

const NOT_CONTENT =
  /\/Length[123]\b|\/Subtype\s*\/(Image|Type1C|CIDFontType0C|OpenType|XML)|\/Type\s*\/(XRef|ObjStm|Metadata)/;

function damaged(): ExtractResult {
  return unsupported(
    'damaged',
    'het PDF-bestand is beschadigd of geen PDF en kan niet worden gescand',
    'the PDF file is damaged or not a PDF and cannot be scanned',
  );
}

function fontInfo(objects: Map<number, PdfObject>, num: number | undefined): FontInfo | undefined {
  const body = num === undefined ? undefined : objects.get(num)?.body;
  if (body === undefined) return undefined;
  const ref = refOf(entry(body, 'ToUnicode'));
  const cmapStream = ref === undefined ? undefined : objects.get(ref)?.stream;
  const toUnicode: ToUnicode | undefined = cmapStream ? parseToUnicode(cmapStream) : undefined;
  return { toUnicode, undecodable: !toUnicode && /\/Subtype\s*\/Type0/.test(body) };
}

/** Font name → object number from every /Font resource in the file: the fallback for streams outside the page tree. */
function allFonts(objects: Map<number, PdfObject>): Map<string, number> {
  const names = new Map<string, number>();
  objects.forEach((obj) => {
    if (obj.body.indexOf('/Font') < 0) return;
    fontsOf(objects, obj.body).forEach((num, name) => {
      if (!names.has(name)) names.set(name, num);
    });
  });
  return names;
}

function isTextStream(s: string): boolean {
  return /\bBT\b/.test(s) && /T[Jj*'"]/.test(s) && s.indexOf('begincmap') < 0;
}

/** Extracts the text of a PDF, or says why it cannot. */
export function pdfText(bytes: Uint8Array): ExtractResult {
  const pdf = binaryString(bytes);
  const header = pdf.indexOf('%PDF-');
  if (header < 0 || header > 1024) return damaged();
  if (/\/Encrypt\s*(\d+\s+\d+\s+R|<<)/.test(pdf)) {
    return unsupported(
      'encrypted',
      'de PDF is versleuteld of met een wachtwoord beveiligd en kan niet worden gescand',
      'the PDF is encrypted or password-protected and cannot be scanned',
    );
  }
  const objects = readObjects(pdf);
  if (objects.size === 0) return damaged();
  const infos = new Map<number, FontInfo | undefined>();
  const info = (num: number | undefined): FontInfo | undefined => {
    if (num === undefined) return undefined;
    if (!infos.has(num)) infos.set(num, fontInfo(objects, num));
    return infos.get(num);
  };
  const fallback = allFonts(objects);
  const texts: string[] = [];
  const used = new Set<number>();
  let undecodable = false;
  let unreadablePages = 0;
  const read = (content: string, fonts: Map<string, number>): void => {
    const r = contentText(content, (name) => info(fonts.get(name) ?? fallback.get(name)));
    texts.push(r.text);
    undecodable = undecodable || r.undecodable;
  };
  for (const page of pagesInOrder(objects)) {
    const streams = page.contents.map((num) => {
      used.add(num);
      return objects.get(num)?.stream;
    });
    // a page whose content we cannot decode would make a partial scan look complete
    if (streams.some((s) => s === null)) unreadablePages++;
    read(streams.filter((s): s is string => typeof s === 'string').join('\n'), page.fonts);
  }
  let images = 0;
  objects.forEach((obj, num) => {
    if (/\/Subtype\s*\/Image/.test(obj.body)) images++;
    if (used.has(num) || typeof obj.stream !== 'string' || NOT_CONTENT.test(obj.body)) return;
    // form XObjects and streams outside the page tree: their own resources first, then any font of that name
    if (isTextStream(obj.stream)) read(obj.stream, fontsOf(objects, entry(obj.body, 'Resources')));
  });
  const text = texts.join('\n');
  if (undecodable) {
    return unsupported(
      'pdfFonts',
      'de PDF gebruikt lettertypen zonder tekstcodering (CID-fonts zonder ToUnicode); de tekst kan niet betrouwbaar worden gelezen',
      'the PDF uses fonts without a text mapping (CID fonts without ToUnicode); its text cannot be read reliably',
    );
  }
  if (unreadablePages > 0) {
    return unsupported(
      'pdfCompression',
      `de PDF gebruikt op ${unreadablePages} pagina('s) een compressie die de scanner niet kan lezen`,
      `the PDF uses a compression the scanner cannot read on ${unreadablePages} page(s)`,
    );
  }
  if (text.trim() === '') {
    if (pdf.lastIndexOf('%%EOF') < 0) return damaged(); // truncated: the text may be in the part that is missing
    return unsupported(
      images > 0 ? 'pdfImageOnly' : 'pdfNoText',
      images > 0
        ? 'de PDF bevat alleen afbeeldingen (gescand document, geen tekstlaag) en kan niet worden gescand'
        : 'de PDF bevat geen leesbare tekst en kan niet worden gescand',
      images > 0
        ? 'the PDF contains only images (scanned document, no text layer) and cannot be scanned'
        : 'the PDF contains no readable text and cannot be scanned',
    );
  }
  return { text };
}
