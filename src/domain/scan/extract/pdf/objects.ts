/**
 * The objects of a PDF file, read by scanning for 'n g obj' rather than trusting the xref table (which damaged or
 * incrementally saved files often get wrong). Streams are decoded when unfiltered or FlateDecode; object streams
 * (PDF 1.5) are unpacked so fonts stored inside them are found.
 */
import { unzlibSync, inflateSync } from 'fflate';

/** One PDF object: its dictionary/body text and, for a stream, the decoded bytes as a binary string (or null). */
export interface PdfObject {
  body: string;
  stream?: string | null;
}

/** A binary string (one char per byte) from bytes. */
export function binaryString(bytes: Uint8Array): string {
  let s = '';
  for (let k = 0; k < bytes.length; k += 8192) {
    s += String.fromCharCode.apply(null, Array.from(bytes.subarray(k, k + 8192)));
  }
  return s;
}

function toBytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let k = 0; k < s.length; k++) b[k] = s.charCodeAt(k) & 0xff;
  return b;
}

/** Decodes stream data by its /Filter: none or FlateDecode; anything else (images, LZW, encryption) gives null. */
function decodeStream(dict: string, data: string): string | null {
  const filter = /\/Filter\s*(\[[^\]]*\]|\/\w+)/.exec(dict);
  if (!filter) return data;
  const names = filter[1].match(/\/\w+/g) ?? [];
  if (names.length !== 1 || (names[0] !== '/FlateDecode' && names[0] !== '/Fl')) return null;
  if (/\/Predictor\s+(1[0-9]|[2-9])/.test(dict)) return null; // predictors are for images and xref tables, not text
  const raw = toBytes(data);
  try {
    return binaryString(unzlibSync(raw));
  } catch {
    try {
      return binaryString(inflateSync(raw));
    } catch {
      return null;
    }
  }
}

const OBJ = /(\d+)\s+(\d+)\s+obj\b/g;

/** All objects of the file by object number (later definitions win, as in an incremental update). */
export function readObjects(pdf: string): Map<number, PdfObject> {
  const objects = new Map<number, PdfObject>();
  OBJ.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = OBJ.exec(pdf)) !== null) {
    const start = m.index + m[0].length;
    const endObj = pdf.indexOf('endobj', start);
    const objEnd = endObj < 0 ? pdf.length : endObj;
    // look for 'stream' only inside this object, so many small objects do not each scan to the end of the file
    const inObject = pdf.slice(start, objEnd).indexOf('stream');
    const streamAt = inObject < 0 ? -1 : start + inObject;
    if (streamAt >= 0) {
      const dict = pdf.slice(start, streamAt);
      let dataStart = streamAt + 6;
      if (pdf[dataStart] === '\r') dataStart++;
      if (pdf[dataStart] === '\n') dataStart++;
      const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
      let dataEnd = length ? dataStart + Number(length[1]) : -1;
      if (dataEnd < 0 || pdf.indexOf('endstream', dataEnd) !== pdf.indexOf('endstream', dataStart)) {
        dataEnd = pdf.indexOf('endstream', dataStart);
      }
      if (dataEnd < 0) break;
      const stream = decodeStream(dict, pdf.slice(dataStart, dataEnd));
      objects.set(Number(m[1]), { body: dict, stream });
      OBJ.lastIndex = dataEnd;
      if (stream && /\/Type\s*\/ObjStm/.test(dict)) unpackObjectStream(dict, stream, objects);
    } else {
      objects.set(Number(m[1]), { body: pdf.slice(start, objEnd) });
      OBJ.lastIndex = objEnd;
    }
  }
  return objects;
}

function unpackObjectStream(dict: string, stream: string, objects: Map<number, PdfObject>): void {
  const n = /\/N\s+(\d+)/.exec(dict);
  const first = /\/First\s+(\d+)/.exec(dict);
  if (!n || !first) return;
  const header = stream.slice(0, Number(first[1])).trim().split(/\s+/).map(Number);
  for (let k = 0; k < Number(n[1]) && 2 * k + 1 < header.length; k++) {
    const at = Number(first[1]) + header[2 * k + 1];
    const next = 2 * k + 3 < header.length ? Number(first[1]) + header[2 * k + 3] : stream.length;
    if (!objects.has(header[2 * k])) objects.set(header[2 * k], { body: stream.slice(at, next) });
  }
}
