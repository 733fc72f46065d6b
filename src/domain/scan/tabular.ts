/**
 * BSNs that lost their leading zero: Excel (and Calc) store a BSN typed as a number, so 012345672 becomes 12345672.
 * Eight digits alone are no identifier (order numbers, amounts), so they count only in a column whose header names
 * the BSN ('BSN', 'BSN-nummer', 'Burgerservicenummer', 'sofinummer'), in CSV files and in workbooks (tab-separated
 * rows), and only when the zero put back passes the elfproef (checked by the caller). Pure; linear per line.
 */
import type { TextPosition } from './types';

/** Header words of a BSN column. */
const HEADER = /(^|[^\p{L}\p{N}])(bsn|burgerservicenummer|sofinummer|sofi-nummer|bsn-nummer)([^\p{L}\p{N}]|$)/iu;
/** Longest header or data line read; longer lines are read up to here (the BSN column comes first in practice). */
const MAX_LINE = 64 * 1024;

/** The table being read: its delimiter (sniffed from the first line when unset) and the BSN columns, if any. */
export interface TableState {
  delimiter: string | undefined;
  columns: number[] | null;
}

/** A new table state; `delimiter` '\t' for workbooks, undefined for CSV (sniffed). */
export function tableState(delimiter?: string): TableState {
  return { delimiter, columns: null };
}

/** Cells of one line [start, end): positions of each cell's content (quotes and surrounding blanks left out). */
function cells(text: string, start: number, end: number, delimiter: string): TextPosition[] {
  const out: TextPosition[] = [];
  const d = delimiter.charCodeAt(0);
  let p = start;
  for (;;) {
    while (p < end && text.charCodeAt(p) === 32) p++;
    let s = p;
    let e: number;
    if (text.charCodeAt(p) === 34) {
      // quoted cell: up to the closing quote ("" is an escaped quote)
      s = ++p;
      while (p < end && !(text.charCodeAt(p) === 34 && text.charCodeAt(p + 1) !== 34)) p += text.charCodeAt(p) === 34 ? 2 : 1;
      e = p;
      while (p < end && text.charCodeAt(p) !== d) p++;
    } else {
      while (p < end && text.charCodeAt(p) !== d) p++;
      e = p;
    }
    while (e > s && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 13)) e--;
    out.push({ start: s, end: e });
    if (p >= end) return out;
    p++;
  }
}

function sniff(text: string, start: number, end: number): string {
  let best = '';
  let most = 0;
  for (const d of [';', '\t', ',']) {
    let n = 0;
    for (let p = start; p < end; p++) if (text[p] === d) n++;
    if (n > most) {
      most = n;
      best = d;
    }
  }
  return best;
}

function isEightDigits(text: string, cell: TextPosition): boolean {
  if (cell.end - cell.start !== 8) return false;
  for (let p = cell.start; p < cell.end; p++) {
    const c = text.charCodeAt(p);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * The 8-digit cells of BSN columns on the lines that start in [from, to) of `text`; updates `state` (a header line
 * sets the BSN columns, an empty line ends the table). The caller checks the elfproef with the zero put back.
 */
export function bsnColumnCells(text: string, from: number, to: number, state: TableState): TextPosition[] {
  const found: TextPosition[] = [];
  if (state.delimiter === '') return found;
  const n = text.length;
  let p = from <= 0 ? 0 : text.charCodeAt(from - 1) === 10 ? from : text.indexOf('\n', from) + 1;
  if (p <= 0 && from > 0) return found;
  const stop = Math.min(to, n);
  while (p < stop) {
    let e = text.indexOf('\n', p);
    if (e < 0) e = n;
    const lineEnd = Math.min(e, p + MAX_LINE);
    if (state.delimiter === undefined) {
      if (text.slice(p, lineEnd).trim() === '') {
        p = e + 1;
        continue;
      }
      state.delimiter = sniff(text, p, lineEnd);
      if (state.delimiter === '') return found;
    }
    const row = cells(text, p, lineEnd, state.delimiter);
    if (row.every((c) => c.end <= c.start)) {
      state.columns = null; // an empty line ends the table
    } else {
      const headers = row.flatMap((c, k) => (c.end - c.start <= 40 && HEADER.test(text.slice(c.start, c.end)) ? [k] : []));
      if (headers.length > 0) state.columns = headers;
      else if (state.columns) {
        for (const k of state.columns) if (k < row.length && isEightDigits(text, row[k])) found.push(row[k]);
      }
    }
    p = e + 1;
  }
  return found;
}
