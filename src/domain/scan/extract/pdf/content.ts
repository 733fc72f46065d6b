/**
 * Text-showing operators of PDF content streams (Tj, TJ, ', ") decoded with the current font (Tf). Positioning
 * operators become spaces or newlines so identifiers split over lines stay apart. Layout is not reconstructed.
 */
import { decodeWindows1252 } from '../decodeText';
import type { ToUnicode } from './cmap';

/** How to decode the strings of one font. */
export interface FontInfo {
  toUnicode?: ToUnicode;
  /** A composite (CID) font without ToUnicode: its codes are glyph numbers, not text. */
  undecodable: boolean;
}

/** Text of one content stream; `undecodable` is set when text was drawn in a font we cannot turn into characters. */
export interface ContentText {
  text: string;
  undecodable: boolean;
}

type Token = { t: 'str'; v: string } | { t: 'num'; v: number } | { t: 'name'; v: string } | { t: 'arr'; v: Token[] };

const DELIM = '()<>[]{}/%';

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t' || ch === '\f' || ch === '\0';
}

function regularEnd(s: string, i: number): number {
  let j = i;
  while (j < s.length && !isSpace(s[j]) && DELIM.indexOf(s[j]) < 0) j++;
  return j;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };

function literal(s: string, i: number): [string, number] {
  let depth = 1;
  let out = '';
  let j = i + 1;
  while (j < s.length) {
    const ch = s[j];
    if (ch === '\\') {
      const nx = s[j + 1];
      if (nx >= '0' && nx <= '7') {
        let k = j + 1;
        while (k < j + 4 && s[k] >= '0' && s[k] <= '7') k++;
        out += String.fromCharCode(parseInt(s.slice(j + 1, k), 8) & 0xff);
        j = k;
        continue;
      }
      if (nx === '\r' || nx === '\n') j += nx === '\r' && s[j + 2] === '\n' ? 3 : 2;
      else {
        out += ESCAPES[nx] ?? nx ?? '';
        j += 2;
      }
      continue;
    }
    if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return [out, j + 1];
    out += ch;
    j++;
  }
  return [out, j];
}

function hex(s: string, i: number): [string, number] {
  const end = s.indexOf('>', i);
  const stop = end < 0 ? s.length : end;
  let digits = s.slice(i + 1, stop).replace(/[^0-9a-fA-F]/g, '');
  if (digits.length % 2 === 1) digits += '0';
  let out = '';
  for (let k = 0; k < digits.length; k += 2) out += String.fromCharCode(parseInt(digits.slice(k, k + 2), 16));
  return [out, stop + 1];
}

function decode(bytes: string, font: FontInfo | undefined, state: { undecodable: boolean }): string {
  if (font?.undecodable) {
    state.undecodable = true;
    return '';
  }
  const cmap = font?.toUnicode;
  if (!cmap) return decodeWindows1252(Uint8Array.from(bytes, (ch) => ch.charCodeAt(0)));
  let out = '';
  for (let k = 0; k + cmap.width <= bytes.length; k += cmap.width) {
    let code = 0;
    for (let b = 0; b < cmap.width; b++) code = code * 256 + bytes.charCodeAt(k + b);
    const mapped = cmap.map.get(code);
    if (mapped !== undefined) out += mapped;
    else if (cmap.width === 1)
      out += decodeWindows1252(Uint8Array.of(code)); // simple font: partial map, rest standard
    else state.undecodable = true;
  }
  return out;
}

/** Extracts the shown text of a content stream; `fontFor` resolves a font resource name (from Tf). */
export function contentText(s: string, fontFor: (name: string) => FontInfo | undefined): ContentText {
  const out: string[] = [];
  const state = { undecodable: false };
  const stack: Token[][] = [[]];
  let font: FontInfo | undefined;
  let i = 0;
  const show = (tok: Token | undefined): void => {
    if (tok?.t === 'str') out.push(decode(tok.v, font, state));
    else if (tok?.t === 'arr') {
      for (const el of tok.v) {
        if (el.t === 'str') out.push(decode(el.v, font, state));
        else if (el.t === 'num' && el.v < -200) out.push(' '); // a wide negative kern is a word gap
      }
    }
  };
  while (i < s.length) {
    const ch = s[i];
    const ops = stack[stack.length - 1];
    if (isSpace(ch)) i++;
    else if (ch === '%') i = s.indexOf('\n', i) < 0 ? s.length : s.indexOf('\n', i);
    else if (ch === '(') {
      const [v, j] = literal(s, i);
      ops.push({ t: 'str', v });
      i = j;
    } else if (ch === '<' && s[i + 1] !== '<') {
      const [v, j] = hex(s, i);
      ops.push({ t: 'str', v });
      i = j;
    } else if (ch === '[') {
      stack.push([]);
      i++;
    } else if (ch === ']') {
      const arr = stack.length > 1 ? (stack.pop() as Token[]) : [];
      stack[stack.length - 1].push({ t: 'arr', v: arr });
      i++;
    } else if (ch === '/') {
      const j = regularEnd(s, i + 1);
      ops.push({ t: 'name', v: s.slice(i + 1, j) });
      i = j;
    } else if (DELIM.indexOf(ch) >= 0) i++;
    else {
      const j = regularEnd(s, i);
      const word = s.slice(i, Math.max(j, i + 1));
      i = Math.max(j, i + 1);
      const num = Number(word);
      if (word !== '' && !Number.isNaN(num)) {
        ops.push({ t: 'num', v: num });
        continue;
      }
      if (word === 'BI') {
        const ei = s.indexOf('EI', s.indexOf('ID', i)); // inline image data is binary; skip it whole
        i = ei < 0 ? s.length : ei + 2;
      } else if (word === 'Tf' && ops[0]?.t === 'name') font = fontFor(ops[0].v);
      else if (word === 'Tj') show(ops[ops.length - 1]);
      else if (word === 'TJ') show(ops[ops.length - 1]);
      else if (word === "'" || word === '"') {
        out.push('\n');
        show(ops[ops.length - 1]);
      } else if (word === 'T*' || word === 'Tm' || word === 'ET') out.push('\n');
      else if (word === 'Td' || word === 'TD') {
        const ty = ops[1];
        out.push(ty?.t === 'num' && ty.v !== 0 ? '\n' : ' ');
      }
      stack.length = 1;
      stack[0] = [];
    }
  }
  return { text: out.join(''), undecodable: state.undecodable };
}
