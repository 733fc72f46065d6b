/** Text of .docx, .xlsx and .pptx packages: the XML parts where people write, in reading order. */
import { numbered, readParts } from './zip';
import { unsupported, type ExtractResult } from './reasons';
import { attribute, walkXml, xmlToText, type TextRules } from './xml';

const set = (...names: string[]): ReadonlySet<string> => new Set(names);

// w:delText too: tracked deletions are still in the file and still leave the building with it.
// mc:Fallback repeats a text box's text for older readers (the same words as mc:Choice); reading both would double
// every count.
const WORD: TextRules = {
  text: set('w:t', 'w:delText'),
  paragraph: set('w:p'),
  tab: set('w:tab'),
  lineBreak: set('w:br', 'w:cr'),
  skip: set('w:tabs', 'mc:Fallback'),
  // <w:br w:type="page"/>: a page break is no line of text (an identifier split over two pages stays one line apart)
  pageBreak: (raw) => /w:type="(page|column)"/.test(raw),
};
const DRAWING: TextRules = {
  text: set('a:t', 'p:text'),
  paragraph: set('a:p', 'p:cm'),
  tab: set(),
  lineBreak: set('a:br'),
  skip: set('mc:Fallback'),
};
const SHEET_COMMENTS: TextRules = { text: set('t'), paragraph: set('comment'), tab: set(), lineBreak: set() };

function noText(nl: string, en: string): ExtractResult {
  return unsupported('notDocument', nl, en);
}

/** Text of a Word document: body, headers, footers, footnotes, endnotes and comments. */
export function docxText(bytes: Uint8Array): ExtractResult {
  const r = readParts(bytes, (n) => /^word\/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$/.test(n));
  if ('failure' in r) return r.failure;
  if (!r.parts.has('word/document.xml')) {
    return noText(
      'geen Word-document: word/document.xml ontbreekt',
      'not a Word document: word/document.xml is missing',
    );
  }
  const order = [
    ...numbered(r.parts, /^word\/header(\d*)\.xml$/),
    'word/document.xml',
    'word/footnotes.xml',
    'word/endnotes.xml',
    'word/comments.xml',
    ...numbered(r.parts, /^word\/footer(\d*)\.xml$/),
  ];
  return {
    text: order
      .filter((n) => r.parts.has(n))
      .map((n) => xmlToText(r.parts.get(n) as string, WORD))
      .join('\n'),
  };
}

/** Text of a PowerPoint presentation: slides in order, then speaker notes and comments. */
export function pptxText(bytes: Uint8Array): ExtractResult {
  const r = readParts(bytes, (n) => /^ppt\/(slides\/slide|notesSlides\/notesSlide|comments\/\w+)\d*\.xml$/.test(n));
  if ('failure' in r) return r.failure;
  const slides = numbered(r.parts, /^ppt\/slides\/slide(\d+)\.xml$/);
  if (slides.length === 0) {
    return noText('geen PowerPoint-presentatie: geen dia’s gevonden', 'not a PowerPoint presentation: no slides found');
  }
  const order = [
    ...slides,
    ...numbered(r.parts, /^ppt\/notesSlides\/notesSlide(\d+)\.xml$/),
    ...numbered(r.parts, /^ppt\/comments\/\w*?(\d+)\.xml$/),
  ];
  return { text: order.map((n) => xmlToText(r.parts.get(n) as string, DRAWING)).join('\n') };
}

/** Shared strings table of a workbook: index → text (rich-text runs joined). */
function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  let current: string[] = [];
  let inItem = false;
  let inText = false;
  let inPhonetic = false; // <rPh> repeats a reading aid for East Asian text, not extra content
  walkXml(
    xml,
    (tag) => {
      if (tag.name === 'si') {
        if (tag.selfClosing) out.push('');
        else if (!tag.closing) {
          inItem = true;
          current = [];
        } else {
          out.push(current.join(''));
          inItem = false;
        }
      } else if (tag.name === 'rPh') inPhonetic = !tag.closing && !tag.selfClosing;
      else if (tag.name === 't' && !tag.selfClosing) inText = !tag.closing;
    },
    (text) => {
      if (inItem && inText && !inPhonetic) current.push(text);
    },
  );
  return out;
}

/** Zero-based column of a cell reference ('C5' → 2), or -1. */
function columnOf(ref: string | undefined): number {
  if (!ref) return -1;
  let col = 0;
  let k = 0;
  for (; k < ref.length; k++) {
    const c = ref.charCodeAt(k);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return k === 0 ? -1 : col - 1;
}

/**
 * One sheet as tab-separated rows; shared strings are resolved, numbers kept (a BSN stored as a number counts).
 * Empty cells are not in the file: the cell reference puts each value in its column, so a BSN column stays one.
 */
function sheetText(xml: string, shared: string[]): string {
  const parts: string[] = [];
  let type: string | undefined;
  let inValue = false;
  let inInline = false;
  let cell: string[] = [];
  let column = 0;
  walkXml(
    xml,
    (tag) => {
      if (tag.name === 'c') {
        if (!tag.closing) {
          type = attribute(tag.raw, 't');
          const at = columnOf(attribute(tag.raw, 'r'));
          for (; at > column && at - column < 1024; column++) parts.push('\t');
          cell = [];
        }
        if (tag.closing || tag.selfClosing) {
          const value = cell.join('');
          parts.push(type === 's' ? (shared[Number(value)] ?? '') : type === 'b' ? '' : value, '\t');
          column++;
        }
      } else if (tag.name === 'v') inValue = !tag.closing && !tag.selfClosing;
      else if (tag.name === 'is') inInline = !tag.closing && !tag.selfClosing;
      else if (tag.name === 'row') {
        column = 0;
        if (tag.closing || tag.selfClosing) parts.push('\n');
      }
    },
    (text) => {
      if (inValue || inInline) cell.push(text);
    },
  );
  return parts.join('');
}

/** Text of an Excel workbook: each sheet's cells as rows, then cell comments. */
export function xlsxText(bytes: Uint8Array): ExtractResult {
  const r = readParts(bytes, (n) => /^xl\/(sharedStrings|worksheets\/sheet\d+|comments\d+)\.xml$/.test(n));
  if ('failure' in r) return r.failure;
  const sheets = numbered(r.parts, /^xl\/worksheets\/sheet(\d+)\.xml$/);
  if (sheets.length === 0) {
    return noText('geen Excel-werkmap: geen werkbladen gevonden', 'not an Excel workbook: no worksheets found');
  }
  const shared = sharedStrings(r.parts.get('xl/sharedStrings.xml'));
  const comments = numbered(r.parts, /^xl\/comments(\d+)\.xml$/).map((n) =>
    xmlToText(r.parts.get(n) as string, SHEET_COMMENTS),
  );
  const text = [...sheets.map((n) => sheetText(r.parts.get(n) as string, shared)), ...comments].join('\n');
  return { text, delimiter: '\t' };
}
