/**
 * Pages in reading order with their content streams and font resources, so a font name like /F1 is resolved the
 * way that page defines it (generators reuse names for different fonts on different pages).
 */
import { entry, refOf, refsIn, resolve } from './dict';
import type { PdfObject } from './objects';

/** One page: the object numbers of its content streams and its font resource names → font object numbers. */
export interface PageContent {
  contents: number[];
  fonts: Map<string, number>;
}

/** Font resource names of a resources dictionary (inline or referenced). */
export function fontsOf(objects: Map<number, PdfObject>, resources: string | undefined): Map<string, number> {
  const fonts = new Map<string, number>();
  const fontDict = resolve(objects, entry(resolve(objects, resources) ?? '', 'Font'));
  if (!fontDict) return fonts;
  for (const m of fontDict.matchAll(/\/([^\s/<>[\]()]+)\s+(\d+)\s+\d+\s+R\b/g)) fonts.set(m[1], Number(m[2]));
  return fonts;
}

const PAGE = /\/Type\s*\/Page(?![\w])/;
const PAGES = /\/Type\s*\/Pages\b/;

/** Walks the page tree from its root; falls back to object order when the tree cannot be followed. */
export function pagesInOrder(objects: Map<number, PdfObject>): PageContent[] {
  const pages: PageContent[] = [];
  const seen = new Set<number>();
  const visit = (num: number, inherited: string | undefined): void => {
    if (seen.has(num)) return; // a cyclic tree is broken input, not a reason to hang
    seen.add(num);
    const body = objects.get(num)?.body ?? '';
    const resources = entry(body, 'Resources') ?? inherited;
    if (PAGES.test(body)) {
      for (const kid of refsIn(entry(body, 'Kids') ?? '')) visit(kid, resources);
    } else if (PAGE.test(body)) {
      pages.push({ contents: contentRefs(objects, entry(body, 'Contents')), fonts: fontsOf(objects, resources) });
    }
  };
  const roots = Array.from(objects.entries()).filter(([, o]) => PAGES.test(o.body) && !/\/Parent\s/.test(o.body));
  roots.forEach(([num]) => visit(num, undefined));
  objects.forEach((o, num) => {
    if (!seen.has(num) && PAGE.test(o.body) && o.stream === undefined) visit(num, undefined);
  });
  return pages;
}

function contentRefs(objects: Map<number, PdfObject>, value: string | undefined): number[] {
  if (value === undefined) return [];
  if (value.trim().startsWith('[')) return refsIn(value);
  const ref = refOf(value);
  if (ref === undefined) return [];
  const target = objects.get(ref);
  // '/Contents 5 0 R' may point at an array object rather than at a stream
  return target && target.stream === undefined && target.body.trim().startsWith('[') ? refsIn(target.body) : [ref];
}
