/** ToUnicode CMaps: how a font's character codes map to Unicode text (bfchar and bfrange sections). */

/** Code → text, with the byte width of the codes. */
export interface ToUnicode {
  width: number;
  map: Map<number, string>;
}

function hexToText(hex: string): string {
  if (hex.length > 0 && hex.length < 4) return String.fromCharCode(parseInt(hex, 16));
  let s = '';
  for (let k = 0; k + 4 <= hex.length; k += 4) s += String.fromCharCode(parseInt(hex.slice(k, k + 4), 16));
  return s;
}

/** Parses a ToUnicode CMap stream; unknown syntax is skipped, not fatal. */
export function parseToUnicode(cmap: string): ToUnicode {
  const map = new Map<number, string>();
  const space = /begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(cmap);
  const width = space ? Math.max(1, Math.ceil(space[1].length / 2)) : 2;
  const sections = /begin(bfchar|bfrange)([\s\S]*?)end\1/g;
  let s: RegExpExecArray | null;
  while ((s = sections.exec(cmap)) !== null) {
    if (s[1] === 'bfchar') {
      const pair = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g;
      let p: RegExpExecArray | null;
      while ((p = pair.exec(s[2])) !== null) map.set(parseInt(p[1], 16), hexToText(p[2]));
    } else {
      const range = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]*>|\[[^\]]*\])/g;
      let r: RegExpExecArray | null;
      while ((r = range.exec(s[2])) !== null) {
        const lo = parseInt(r[1], 16);
        const hi = Math.min(parseInt(r[2], 16), lo + 0xffff);
        if (r[3][0] === '[') {
          const items = r[3].match(/<([0-9a-fA-F]*)>/g) ?? [];
          items.forEach((item, k) => map.set(lo + k, hexToText(item.slice(1, -1))));
        } else {
          const base = r[3].slice(1, -1);
          const head = base.slice(0, -4);
          const last = parseInt(base.slice(-4) || '0', 16);
          for (let code = lo; code <= hi; code++)
            map.set(code, hexToText(head) + String.fromCharCode(last + code - lo));
        }
      }
    }
  }
  return { width, map };
}
