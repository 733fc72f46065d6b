/**
 * CSV for the accountability export (AVG art. 5(2)): RFC 4180 quoting, CRLF line ends, formula injection neutralised,
 * UTF-8 byte order mark so Excel reads the accents. Pure.
 */

/** UTF-8 byte order mark: Excel reads a CSV as UTF-8 only with it. */
export const BOM = '\uFEFF';

/** Field separators: ';' is what Excel with Dutch regional settings opens as columns, ',' is RFC 4180's own. */
export type CsvSeparator = ';' | ',';

/** First characters a spreadsheet may run as a formula (OWASP CSV injection), plus tab and carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell: a value a spreadsheet would run as a formula gets a leading apostrophe (shown as text, never executed);
 * a cell with the separator, a quote or a line break is quoted, quotes doubled (RFC 4180 §2.5–2.7).
 */
export function csvCell(value: string | number | boolean | null | undefined, separator: CsvSeparator = ','): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  const needsQuotes = text.includes(separator) || /["\r\n]/.test(text) || text.startsWith(' ') || text.endsWith(' ');
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV text: the header first, CRLF after every record (RFC 4180 §2.1), BOM in front. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null | undefined>>, separator: CsvSeparator = ','): string {
  for (const [i, row] of rows.entries()) {
    if (row.length !== header.length) {
      throw new Error(`CSV: rij ${i + 1} heeft ${row.length} velden, de kop ${header.length}.`);
    }
  }
  const line = (cells: ReadonlyArray<string | number | boolean | null | undefined>): string =>
    cells.map((c) => csvCell(c, separator)).join(separator) + '\r\n';
  return BOM + line(header) + rows.map(line).join('');
}
