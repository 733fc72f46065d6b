/**
 * RFC 5545 content lines from ical.js components: values cleaned of what the grammar forbids, each property written
 * by ical.js unfolded, then folded here by octets (RFC 5545 3.1) with CRLF after every line.
 *
 * ical.js folds by itself, but its continuation lines carry 75 octets after the leading space (76 in all) and it may
 * cut between `\` and the character it escapes. So its properties are taken unfolded and folded here: at most 75
 * octets per line including the leading space of a continuation, a UTF-8 sequence never cut, and an escape never cut
 * (`\,` `\;` `\\` `\n` in values, RFC 5545 3.3.11; `^n` `^^` `^'` in parameter values, RFC 6868).
 */
import ICAL from 'ical.js';

/** The longest line RFC 5545 3.1 allows, in octets, without the CRLF. */
export const MAX_LINE_OCTETS = 75;

/** UTF-8 length of one code point. */
function octets(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** `s` with every lone surrogate (not encodable in UTF-8) replaced by U+FFFD. */
function wellFormed(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += s[i] + s[i + 1];
        i++;
      } else out += '\ufffd';
    } else out += c >= 0xdc00 && c <= 0xdfff ? '\ufffd' : s[i];
  }
  return out;
}

/**
 * A TEXT value (RFC 5545 3.3.11) fit for ical.js to escape: line breaks become LF (written `\n`), other control
 * characters (CONTROL: all of %x00-1F but HTAB, and %x7F) are dropped, lone surrogates become U+FFFD.
 */
export function cleanText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return wellFormed(value.replace(/\r\n?/g, '\n').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, ''));
}

/**
 * A parameter value such as CN (RFC 5545 3.2): no control characters (line breaks become a space) and no DQUOTE, which
 * a quoted parameter value cannot hold; a `"` becomes `'`, which every client shows as it is (RFC 6868's `^'` is not
 * understood everywhere).
 */
export function cleanParam(value: string): string {
  // eslint-disable-next-line no-control-regex
  return wellFormed(value.replace(/\r\n?|\n/g, ' ').replace(/[\x00-\x08\x0a-\x1f\x7f]/g, '').replace(/"/g, "'"));
}

/** Index where the value of an unfolded content line starts: after the first `:` outside a quoted parameter value. */
function valueStart(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ':' && !quoted) return i + 1;
  }
  return line.length;
}

/** The line cut into units that must stay on one line: code points, and escape sequences as one unit. */
function units(line: string): string[] {
  const out: string[] = [];
  const start = valueStart(line);
  const cps = Array.from(line);
  let index = 0; // UTF-16 index of cps[i]
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i];
    const next = cps[i + 1];
    const inValue = index >= start;
    const escape =
      next !== undefined &&
      ((inValue && cp === '\\') || (!inValue && cp === '^' && (next === 'n' || next === '^' || next === "'")));
    if (escape) {
      out.push(cp + next);
      index += cp.length + next.length;
      i++;
    } else {
      out.push(cp);
      index += cp.length;
    }
  }
  return out;
}

/** Octet length of a string in UTF-8 (no lone surrogates: see {@link cleanText}). */
export function utf8Length(s: string): number {
  let n = 0;
  for (const cp of s) n += octets(cp.codePointAt(0)!);
  return n;
}

/**
 * Folds one unfolded content line (RFC 5545 3.1): physical lines of at most 75 octets, a continuation line starting
 * with one space (counted in its 75), never inside a UTF-8 sequence or an escape. Lines are joined with CRLF.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let size = 0;
  for (const unit of units(line)) {
    const n = utf8Length(unit);
    if (size + n > MAX_LINE_OCTETS) {
      lines.push(current);
      current = ' ';
      size = 1;
    }
    current += unit;
    size += n;
  }
  lines.push(current);
  return lines.join('\r\n');
}

/** The unfolded content lines of a component and its subcomponents, properties first (as ical.js writes them). */
function contentLines(component: ICAL.Component): string[] {
  const name = component.name.toUpperCase();
  return [
    `BEGIN:${name}`,
    ...component
      .getAllProperties()
      .map((p) => ICAL.stringify.property(p.toJSON() as unknown[], ICAL.design.icalendar, true)),
    ...component.getAllSubcomponents().flatMap(contentLines),
    `END:${name}`,
  ];
}

/** The iCalendar text of a component: folded content lines, each ended by CRLF (RFC 5545 3.1). */
export function serialize(component: ICAL.Component): string {
  return contentLines(component)
    .map(foldLine)
    .map((l) => `${l}\r\n`)
    .join('');
}
