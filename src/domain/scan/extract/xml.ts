/**
 * A small, linear XML token walker for Office Open XML parts: tags and character data, entities decoded. It does not
 * validate; broken markup yields whatever text is readable rather than an exception.
 */

/** A start, end or empty-element tag. */
export interface XmlTag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  /** The raw tag text, for reading an attribute. */
  raw: string;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;

/** Decodes the five XML entities and numeric character references. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (_m, e: string) => {
    if (e[0] !== '#') return NAMED[e];
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** Reads one attribute value from a raw tag ('t' of `<c r="A1" t="s">`). */
export function attribute(raw: string, name: string): string | undefined {
  const key = `${name}="`;
  let at = raw.indexOf(key);
  while (at > 0 && !/\s/.test(raw[at - 1])) at = raw.indexOf(key, at + 1);
  if (at <= 0) return undefined;
  const end = raw.indexOf('"', at + key.length);
  return end < 0 ? undefined : decodeEntities(raw.slice(at + key.length, end));
}

/** Walks the XML once, calling `onTag` for each tag and `onText` for each run of character data. */
export function walkXml(xml: string, onTag: (tag: XmlTag) => void, onText: (text: string) => void): void {
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      onText(decodeEntities(xml.slice(i)));
      return;
    }
    if (lt > i) onText(decodeEntities(xml.slice(i, lt)));
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      onText(xml.slice(lt + 9, end < 0 ? n : end));
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      i = end < 0 ? n : end + 3;
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt < 0) return;
    const raw = xml.slice(lt, gt + 1);
    i = gt + 1;
    if (raw[1] === '?' || raw[1] === '!') continue;
    const closing = raw[1] === '/';
    const selfClosing = raw[raw.length - 2] === '/';
    let e = closing ? 2 : 1;
    while (e < raw.length && !/[\s/>]/.test(raw[e])) e++;
    onTag({ name: raw.slice(closing ? 2 : 1, e), closing, selfClosing, raw });
  }
}

/** What a document format's text lives in: text elements, paragraph ends, tabs and line breaks. */
export interface TextRules {
  text: ReadonlySet<string>;
  paragraph: ReadonlySet<string>;
  tab: ReadonlySet<string>;
  lineBreak: ReadonlySet<string>;
  /** Elements whose tabs and breaks are definitions, not content (Word's tab stops in <w:tabs>). */
  skip?: ReadonlySet<string>;
  /** A break element that only starts a new page or column (the paragraph around it already ends the line). */
  pageBreak?: (raw: string) => boolean;
}

/** Collects the text of the given elements, with paragraph ends and breaks as newlines and tabs as tabs. */
export function xmlToText(xml: string, rules: TextRules): string {
  const parts: string[] = [];
  let depth = 0;
  let skipped = 0;
  walkXml(
    xml,
    (tag) => {
      if (rules.skip?.has(tag.name)) {
        if (!tag.selfClosing) skipped = Math.max(0, skipped + (tag.closing ? -1 : 1));
      } else if (skipped > 0) {
        return;
      } else if (rules.text.has(tag.name)) {
        if (!tag.selfClosing) depth += tag.closing ? -1 : 1;
        if (depth < 0) depth = 0;
      } else if (tag.closing && rules.paragraph.has(tag.name)) parts.push('\n');
      else if (!tag.closing && rules.tab.has(tag.name)) parts.push('\t');
      else if (!tag.closing && rules.lineBreak.has(tag.name) && !rules.pageBreak?.(tag.raw)) parts.push('\n');
    },
    (text) => {
      if (depth > 0) parts.push(text);
    },
  );
  return parts.join('');
}
