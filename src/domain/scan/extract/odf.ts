/**
 * Text of OpenDocument packages (.odt, .ods, .odp; ISO/IEC 26300, the open standard Dutch government must accept),
 * read like their Office Open XML counterparts: a zip whose `mimetype` names the kind, the text in `content.xml`
 * (paragraphs, headings, lists, tables, text boxes, notes, comments, tracked deletions, speaker notes) and page
 * headers and footers in `styles.xml`. A spreadsheet becomes tab-separated rows, so a BSN column is recognised as in
 * .xlsx. Loaded with `import()` only when such a file is scanned.
 */
import { readParts } from './zip';
import { unsupported, type ExtractResult } from './reasons';
import { attribute, walkXml } from './xml';

const MIME = 'application/vnd.oasis.opendocument.';
/** Most copies written of a repeated row or non-empty cell (a sheet's trailing rows repeat a million times). */
const MAX_REPEAT = 256;

/** Paragraph text of a text document, presentation or page styles: every `text:p`/`text:h`, with breaks and spaces. */
function paragraphs(xml: string, only?: (name: string) => boolean): string {
  const parts: string[] = [];
  let para = 0;
  let within = only ? 0 : 1;
  walkXml(
    xml,
    (tag) => {
      const n = tag.name;
      if (only?.(n)) {
        if (!tag.selfClosing) within += tag.closing ? -1 : 1;
        return;
      }
      if (within <= 0) return;
      if (n === 'text:p' || n === 'text:h') {
        if (tag.selfClosing) parts.push('\n');
        else if (tag.closing) {
          para = Math.max(0, para - 1);
          parts.push('\n');
        } else para++;
      } else if (para > 0 && !tag.closing) {
        if (n === 'text:s') parts.push(' '.repeat(Math.min(1000, Number(attribute(tag.raw, 'text:c') ?? '1') || 1)));
        else if (n === 'text:tab') parts.push('\t');
        else if (n === 'text:line-break') parts.push('\n');
      }
    },
    (text) => {
      if (para > 0 && within > 0) parts.push(text);
    },
  );
  return parts.join('');
}

/** A spreadsheet's tables as tab-separated rows (repeated cells and rows expanded, within reason), a blank line between. */
function sheets(xml: string): string {
  const out: string[] = [];
  let row: string[] = [];
  let rowRepeat = 1;
  let cell: string[] | null = null;
  let cellRepeat = 1;
  let para = 0;
  walkXml(
    xml,
    (tag) => {
      const n = tag.name;
      if (n === 'table:table-row') {
        if (!tag.closing) {
          row = [];
          rowRepeat = Number(attribute(tag.raw, 'table:number-rows-repeated') ?? '1') || 1;
        }
        if (tag.closing || tag.selfClosing) {
          while (row.length > 0 && row[row.length - 1] === '') row.pop();
          const line = `${row.join('\t')}\n`;
          out.push(row.length === 0 ? '\n' : line.repeat(Math.min(rowRepeat, MAX_REPEAT)));
        }
      } else if (n === 'table:table-cell' || n === 'table:covered-table-cell') {
        if (!tag.closing) {
          cell = [];
          cellRepeat = Number(attribute(tag.raw, 'table:number-columns-repeated') ?? '1') || 1;
        }
        if ((tag.closing || tag.selfClosing) && cell) {
          const value = cell.join('').trim();
          const copies = value === '' ? Math.min(cellRepeat, 1024) : Math.min(cellRepeat, MAX_REPEAT);
          for (let k = 0; k < copies; k++) row.push(value);
          cell = null;
        }
      } else if (n === 'table:table' && tag.closing) {
        out.push('\n');
      } else if (cell && (n === 'text:p' || n === 'text:h')) {
        if (tag.closing) {
          para = Math.max(0, para - 1);
          cell.push(' ');
        } else if (!tag.selfClosing) para++;
      } else if (cell && para > 0 && !tag.closing) {
        if (n === 'text:s') cell.push(' ');
        else if (n === 'text:tab' || n === 'text:line-break') cell.push(' ');
      }
    },
    (text) => {
      if (cell && para > 0) cell.push(text);
    },
  );
  return out.join('');
}

const HEADER_FOOTER = (n: string): boolean => /^style:(header|footer)(-left|-first)?$/.test(n);

/** Text of an OpenDocument text, spreadsheet or presentation; says why when it cannot. */
export function odfText(bytes: Uint8Array): ExtractResult {
  const r = readParts(bytes, (n) => n === 'mimetype' || n === 'content.xml' || n === 'styles.xml' || n === 'META-INF/manifest.xml');
  if ('failure' in r) return r.failure;
  if ((r.parts.get('META-INF/manifest.xml') ?? '').indexOf('encryption-data') >= 0) {
    return unsupported(
      'encrypted',
      'het document is met een wachtwoord beveiligd (versleuteld) en kan niet worden gescand',
      'the document is password-protected (encrypted) and cannot be scanned',
    );
  }
  const mime = (r.parts.get('mimetype') ?? '').trim();
  const content = r.parts.get('content.xml');
  if (!mime.startsWith(MIME) || content === undefined) {
    return unsupported(
      'notDocument',
      'geen OpenDocument-bestand: mimetype of content.xml ontbreekt',
      'not an OpenDocument file: mimetype or content.xml is missing',
    );
  }
  const styles = r.parts.get('styles.xml');
  const headers = styles ? paragraphs(styles, HEADER_FOOTER) : '';
  if (mime.startsWith(`${MIME}spreadsheet`)) return { text: sheets(content) + headers, delimiter: '\t' };
  return { text: headers + paragraphs(content) };
}
