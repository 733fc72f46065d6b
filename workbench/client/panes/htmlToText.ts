const BLOCK = new Set(['P', 'DIV', 'TR', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'UL', 'OL', 'SECTION', 'BLOCKQUOTE', 'PRE', 'HR']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'HEAD', 'TEMPLATE', 'NOSCRIPT', 'IFRAME', 'OBJECT']);

/**
 * Turns an HTML mail body into plain text for display: parsed inertly (DOMParser runs no script and loads nothing),
 * only text nodes are kept, block elements and `<br>` become line breaks, table cells are separated by a tab. The
 * result is rendered by React as text, so markup in a mail can never execute or style the workbench.
 */
export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const out: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      out.push((node.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const tag = (node as Element).tagName;
    if (SKIP.has(tag)) return;
    if (tag === 'BR') out.push('\n');
    // Rows and list items only end a line, so consecutive rows are not separated by blank lines.
    if (BLOCK.has(tag) && tag !== 'TR' && tag !== 'LI') out.push('\n');
    node.childNodes.forEach(walk);
    if (tag === 'TD' || tag === 'TH') out.push('\t');
    if (BLOCK.has(tag)) out.push('\n');
  };
  walk(doc.body);
  return out
    .join('')
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/\t+/g, '\t')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
