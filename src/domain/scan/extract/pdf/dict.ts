/** Reading values out of PDF dictionary text: nested dictionaries, arrays and indirect references. */
import type { PdfObject } from './objects';

/** The object number of an indirect reference ('12 0 R'), or undefined. */
export function refOf(value: string | undefined): number | undefined {
  const m = value === undefined ? null : /^\s*(\d+)\s+\d+\s+R\b/.exec(value);
  return m ? Number(m[1]) : undefined;
}

/** All object numbers referenced in a text ('[4 0 R 5 0 R]'). */
export function refsIn(value: string): number[] {
  return Array.from(value.matchAll(/(\d+)\s+\d+\s+R\b/g), (m) => Number(m[1]));
}

/** The raw value of `/key` in a dictionary: a balanced '<< >>' or '[ ]', a reference, or a single token. */
export function entry(dict: string, key: string): string | undefined {
  const name = `/${key}`;
  let at = dict.indexOf(name);
  while (at >= 0 && /[\w#.-]/.test(dict[at + name.length] ?? '')) at = dict.indexOf(name, at + 1);
  if (at < 0) return undefined;
  let i = at + name.length;
  while (/\s/.test(dict[i] ?? '')) i++;
  if (dict.startsWith('<<', i) || dict[i] === '[') {
    const open = dict[i] === '[' ? '[' : '<<';
    const close = open === '[' ? ']' : '>>';
    let depth = 0;
    for (let j = i; j < dict.length; j++) {
      if (dict.startsWith(open, j)) {
        depth++;
        j += open.length - 1;
      } else if (dict.startsWith(close, j)) {
        depth--;
        if (depth === 0) return dict.slice(i, j + close.length);
        j += close.length - 1;
      }
    }
    return dict.slice(i);
  }
  const ref = /^(\d+\s+\d+\s+R)\b/.exec(dict.slice(i, i + 40));
  if (ref) return ref[1];
  const token = /^\/?[^\s/<>[\]()]*/.exec(dict.slice(i, i + 200));
  return token ? token[0] : undefined;
}

/** A value, following an indirect reference to the referenced object's text. */
export function resolve(objects: Map<number, PdfObject>, value: string | undefined): string | undefined {
  const ref = refOf(value);
  return ref === undefined ? value : objects.get(ref)?.body;
}
