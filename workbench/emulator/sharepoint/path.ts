import { badQuery } from './errors';

/** A literal in a REST path: `'text'` (doubled quotes unescaped), `guid'…'`, a number, a boolean, or raw text. */
export type PathValue = string | number | boolean;

/** One `/`-separated part of a REST path, e.g. `getbytitle('Documenten')` or `items(3)`. */
export interface Segment {
  /** Lower-cased name, e.g. `getbytitle`. */
  name: string;
  /** Name as sent. */
  raw: string;
  /** Positional arguments, e.g. `items(3)` → [3]. */
  args: PathValue[];
  /** Named arguments with lower-cased keys, e.g. `addroleassignment(principalid=5,roledefid=…)`. */
  named: Record<string, PathValue>;
  /** True when the segment had parentheses. */
  call: boolean;
}

/** Splits on a separator outside single-quoted literals and parentheses. */
function splitOutside(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = '';
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') depth--;
    if (ch === sep && !quoted && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Parses one literal; `@alias` values are looked up in the query string (PnPjs's parameter aliases). */
export function parseLiteral(text: string, query: URLSearchParams): PathValue {
  const t = text.trim();
  if (t.startsWith('@')) {
    const aliased = query.get(t);
    if (aliased === null) throw badQuery(`The parameter alias '${t}' has no value in the query string.`);
    return parseLiteral(aliased, query);
  }
  const m = /^(guid|datetime)?'((?:[^']|'')*)'$/i.exec(t);
  if (m) return m[2].replace(/''/g, "'");
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === 'true';
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return t;
}

/** Parses the REST path after `_api/` into segments. */
export function parseApiPath(rawPath: string, query: URLSearchParams): Segment[] {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    throw badQuery(`The request path '${rawPath}' is not correctly percent-encoded.`);
  }
  return splitOutside(decoded, '/')
    .filter((s) => s.length > 0)
    .map((part) => {
      const open = part.indexOf('(');
      if (open < 0 || !part.endsWith(')'))
        return { name: part.toLowerCase(), raw: part, args: [], named: {}, call: false };
      const name = part.slice(0, open);
      const inner = part.slice(open + 1, -1);
      const args: PathValue[] = [];
      const named: Record<string, PathValue> = {};
      if (inner.trim().length > 0) {
        for (const a of splitOutside(inner, ',')) {
          const eq = /^\s*([A-Za-z_][\w.]*)\s*=(.*)$/s.exec(a);
          if (eq && !a.trim().startsWith("'")) named[eq[1].toLowerCase()] = parseLiteral(eq[2], query);
          else args.push(parseLiteral(a, query));
        }
      }
      return { name: name.toLowerCase(), raw: name, args, named, call: true };
    });
}

/** A string argument (positional or named), or a 400 naming what is missing. */
export function argString(seg: Segment, key?: string): string {
  const v = key !== undefined ? (seg.named[key.toLowerCase()] ?? seg.args[0]) : seg.args[0];
  if (v === undefined) throw badQuery(`The parameter '${key ?? 'value'}' of '${seg.raw}' is missing.`);
  return String(v);
}

/** A numeric argument, or a 400 naming it. */
export function argNumber(seg: Segment, key?: string): number {
  const v = key !== undefined ? (seg.named[key.toLowerCase()] ?? seg.args[0]) : seg.args[0];
  const n = typeof v === 'number' ? v : Number(v);
  if (v === undefined || !Number.isFinite(n))
    throw badQuery(`The parameter '${key ?? 'id'}' of '${seg.raw}' must be a number.`);
  return n;
}

/** A boolean argument (default when absent). */
export function argBool(seg: Segment, key: string, dflt: boolean): boolean {
  const v = seg.named[key.toLowerCase()];
  if (v === undefined) return dflt;
  if (typeof v === 'boolean') return v;
  throw badQuery(`The parameter '${key}' of '${seg.raw}' must be true or false.`);
}
