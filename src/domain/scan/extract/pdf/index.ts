/**
 * Minimal, honest PDF text extraction: unencrypted PDFs whose content streams are uncompressed or FlateDecode,
 * with simple fonts or composite fonts that carry a ToUnicode map. It says so, instead of guessing, for
 * encrypted PDFs, scanned (image-only) PDFs, composite fonts without ToUnicode and other compression filters.
 */
import { unsupported, type ExtractResult } from '../reasons';
import { parseToUnicode, type ToUnicode } from './cmap';
import { contentText, type FontInfo } from './content';
import { binaryString, readObjects, type PdfObject } from './objects';

const REF = /^\s*(\d+)\s+\d+\s+R/;
const NOT_CONTENT = /\/Length[123]\b|\/Subtype\s*\/(Image|Type1C|CIDFontType0C|OpenType|XML)|\/Type\s*\/(XRef|ObjStm|Metadata)/;

function damaged(): ExtractResult {
  return unsupported(
    'het PDF-bestand is beschadigd of geen PDF en kan niet worden gescand',
    'the PDF file is damaged or not a PDF and cannot be scanned',
  );
}

/** Font resource name → font object number, from every /Font resource dictionary in the file. */
function fontNames(objects: Map<number, PdfObject>): Map<string, number> {
  const names = new Map<string, number>();
  const addEntries = (dict: string): void => {
    const entry = /\/([^\s/<>[\]()]+)\s+(\d+)\s+\d+\s+R/g;
    let e: RegExpExecArray | null;
    while ((e = entry.exec(dict)) !== null) if (!names.has(e[1])) names.set(e[1], Number(e[2]));
  };
  objects.forEach((obj) => {
    const inline = /\/Font\s*<<([^>]*)>>/g;
    let m: RegExpExecArray | null;
    while ((m = inline.exec(obj.body)) !== null) addEntries(m[1]);
    const ref = /\/Font\s+(\d+)\s+\d+\s+R/g;
    while ((m = ref.exec(obj.body)) !== null) addEntries(objects.get(Number(m[1]))?.body ?? '');
  });
  return names;
}

function fontInfo(objects: Map<number, PdfObject>, num: number | undefined): FontInfo | undefined {
  const body = num === undefined ? undefined : objects.get(num)?.body;
  if (body === undefined) return undefined;
  const tu = /\/ToUnicode\s+(\d+\s+\d+\s+R)/.exec(body);
  const cmapStream = tu ? objects.get(Number((REF.exec(tu[1]) as RegExpExecArray)[1]))?.stream : undefined;
  const toUnicode: ToUnicode | undefined = cmapStream ? parseToUnicode(cmapStream) : undefined;
  return { toUnicode, undecodable: !toUnicode && /\/Subtype\s*\/Type0/.test(body) };
}

/** Extracts the text of a PDF, or says why it cannot. */
export function pdfText(bytes: Uint8Array): ExtractResult {
  const pdf = binaryString(bytes);
  const header = pdf.indexOf('%PDF-');
  if (header < 0 || header > 1024) return damaged();
  if (/\/Encrypt\s*(\d+\s+\d+\s+R|<<)/.test(pdf)) {
    return unsupported(
      'de PDF is versleuteld of met een wachtwoord beveiligd en kan niet worden gescand',
      'the PDF is encrypted or password-protected and cannot be scanned',
    );
  }
  const objects = readObjects(pdf);
  if (objects.size === 0) return damaged();
  const names = fontNames(objects);
  const fonts = new Map<string, FontInfo | undefined>();
  const fontFor = (name: string): FontInfo | undefined => {
    if (!fonts.has(name)) fonts.set(name, fontInfo(objects, names.get(name)));
    return fonts.get(name);
  };
  const texts: string[] = [];
  let undecodable = false;
  let unreadableStreams = 0;
  let images = 0;
  objects.forEach((obj) => {
    if (/\/Subtype\s*\/Image/.test(obj.body)) images++;
    if (obj.stream === undefined || NOT_CONTENT.test(obj.body)) return;
    if (obj.stream === null) {
      unreadableStreams++;
      return;
    }
    if (!/\bBT\b/.test(obj.stream) || !/T[Jj*'"]/.test(obj.stream) || obj.stream.indexOf('begincmap') >= 0) return;
    const r = contentText(obj.stream, fontFor);
    texts.push(r.text);
    undecodable = undecodable || r.undecodable;
  });
  const text = texts.join('\n');
  if (undecodable) {
    return unsupported(
      'de PDF gebruikt lettertypen zonder tekstcodering (CID-fonts zonder ToUnicode); de tekst kan niet betrouwbaar worden gelezen',
      'the PDF uses fonts without a text mapping (CID fonts without ToUnicode); its text cannot be read reliably',
    );
  }
  if (text.trim() === '') {
    if (pdf.lastIndexOf('%%EOF') < 0) return damaged(); // truncated: the text may be in the part that is missing
    if (unreadableStreams > 0) {
      return unsupported(
        'de PDF gebruikt een compressie die de scanner niet kan lezen',
        'the PDF uses a compression the scanner cannot read',
      );
    }
    return unsupported(
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
